import type { TestApp } from './testing.ts';

/** Test data for the integrity records: persons, organisations, records and suggestions written directly. */

let seq = 0;

export async function person(t: TestApp, name = `测试人员${++seq}`): Promise<number> {
  return (await t.database.db.insertInto('person').values({ name, employer_name: '某研究院' }).returning('id').executeTakeFirstOrThrow())
    .id;
}

export async function org(t: TestApp, region = '430408', name = `诚信测试单位${++seq}`): Promise<number> {
  return (
    await t.database.db
      .insertInto('organization')
      .values({ name, kind: 'enterprise', region_code: region })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A record as stored, of a region, in a status (a ban on applying from 2026-01-01 for 3 years unless stated). */
export async function record(
  t: TestApp,
  over: {
    region?: string;
    status?: 'draft' | 'confirmed' | 'published' | 'revoked';
    listKind?: 'black' | 'red' | 'watch';
    personId?: number;
  } = {},
): Promise<{ id: number; version: number }> {
  const personId = over.personId ?? (await person(t));
  const red = over.listKind === 'red';
  return await t.database.db
    .insertInto('integrity_record')
    .values({
      region_code: over.region ?? '430400',
      subject_kind: 'person',
      person_id: personId,
      subject_name: `记录对象${++seq}`,
      subject_unit: '某研究院',
      list_kind: over.listKind ?? 'black',
      pack_id: 'most-24',
      misconduct_type: red ? null : 'fabrication',
      severity: red ? null : 'serious',
      measures: red ? [] : ['criticism', 'ban'],
      ban_scope: red ? [] : ['apply'],
      period_start: '2026-01-01',
      period_end: '2029-01-01',
      period_years: 3,
      doc_no: `测科诚〔2026〕${seq}号`,
      decided_on: '2026-01-01',
      occurred_on: '2025-10-01',
      status: over.status ?? 'draft',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** A revoked project of a bureau with its flagged event (as the projects module leaves it). */
export async function suggestion(
  t: TestApp,
  bureau = '430400',
): Promise<{ eventId: number; projectId: number; orgId: number; leaderId: number }> {
  const db = t.database.db;
  const orgId = await org(t, bureau === '430400' ? '430408' : `${bureau.slice(0, 4)}02`);
  const leaderId = await person(t, `负责人${++seq}`);
  const p = await db
    .insertInto('project')
    .values({
      project_no: `INTEGRITY-${++seq}`,
      programme_kind: 'natural_science',
      programme_name: '自然科学基金',
      region_code: bureau === '430400' ? '430408' : `${bureau.slice(0, 4)}02`,
      bureau_region_code: bureau,
      org_id: orgId,
      org_name: `承担单位${seq}`,
      year: 2025,
      title: `线索测试项目${seq}`,
      leader_person_id: leaderId,
      leader_name: `负责人${seq}`,
      granted_fen: 10_000_000,
      status: 'revoked',
      source: 'import',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const e = await db
    .insertInto('project_event')
    .values({
      project_id: p.id,
      application_id: null,
      at: new Date(),
      kind: 'revoke',
      detail: JSON.stringify({ reason: '弄虚作假', integrityCaseSuggested: true }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { eventId: e.id, projectId: p.id, orgId, leaderId };
}
