import { hashPassword } from '@kechuang/core';
import { applicantAccount, openCall, submitted } from './project-fixture.ts';
import type { Client, TestApp } from './testing.ts';
import { demoPassword } from './testing.ts';

/** Test data for review: experts in the pool (with accounts when asked), calls with applications under review. */

let seq = 0;

export interface ExpertOpts {
  region?: string;
  disciplines?: string[];
  employer?: { orgId?: number | null; name: string; to?: string | null };
  account?: boolean;
  quota?: number;
  name?: string;
}

/** An active expert: person, expert row, current employer; an expert account when asked. */
export async function addExpert(t: TestApp, o: ExpertOpts = {}): Promise<{ id: number; personId: number; username: string | null }> {
  const db = t.database.db;
  const n = ++seq;
  const { id: personId } = await db
    .insertInto('person')
    .values({ name: o.name ?? `评审专家${n}`, title: '教授', discipline_codes: o.disciplines ?? ['520.10'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  let userId: number | null = null;
  let username: string | null = null;
  if (o.account) {
    const org = await db.selectFrom('organization').select('id').where('name', '=', '南华大学').executeTakeFirstOrThrow();
    username = `reviewer${n}`;
    userId = (
      await db
        .insertInto('app_user')
        .values({
          username,
          display_name: o.name ?? `评审专家${n}`,
          org_id: org.id,
          roles: ['expert'],
          password_hash: await hashPassword(demoPassword),
          must_change_password: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const { id } = await db
    .insertInto('expert')
    .values({
      person_id: personId,
      region_code: o.region ?? '430400',
      discipline_codes: o.disciplines ?? ['520.10'],
      status: 'active',
      yearly_quota: o.quota ?? 20,
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const job = o.employer ?? { name: `专家单位${n}` };
  await db
    .insertInto('expert_employment')
    .values({ expert_id: id, org_id: job.orgId ?? null, org_name: job.name, to_date: job.to ?? null })
    .execute();
  return { id, personId, username };
}

/** A published call with `count` applications passed through 形式审查 (under_review). */
export async function callUnderReview(
  t: TestApp,
  planner: Client,
  count: number,
  over: Record<string, unknown> = {},
): Promise<{ callId: number; apps: Array<{ id: number; orgId: number; client: Client }> }> {
  const call = await openCall(planner, t, { limitPerUnit: 5, limitPerLeader: 5, ...over });
  const apps = [];
  for (let i = 0; i < count; i++) {
    const { client, orgId } = await applicantAccount(t, 'enterprise');
    const a = await submitted(client, call.id, { fieldCode: '520' });
    const res = await planner.request({
      method: 'POST',
      url: `/api/project-applications/${a.id}/formal-check`,
      payload: { version: a.version, checklist: [{ item: '材料齐全', ok: true }] },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    apps.push({ id: a.id, orgId, client });
  }
  return { callId: call.id, apps };
}

export const rubricBody = (batchId: number, over: Record<string, unknown> = {}) => ({
  subjectKind: 'project_application',
  batchId,
  criteria: [
    { key: 'innovation', name: '创新性', max: '40' },
    { key: 'feasibility', name: '可行性', max: '30' },
    { key: 'benefit', name: '预期效益', max: '30', commentRequired: true },
  ],
  aggregation: 'trimmed_mean',
  dispersionThreshold: '30',
  mode: 'online',
  ...over,
});

export const drawBody = (batchId: number, over: Record<string, unknown> = {}) => ({
  subjectKind: 'project_application',
  batchId,
  constraints: { size: 5, reserves: 2, reviewFrom: '2026-12-20', reviewTo: '2026-12-22', ...((over.constraints as object) ?? {}) },
  ...Object.fromEntries(Object.entries(over).filter(([k]) => k !== 'constraints')),
});

export const sheet = (innovation: string, feasibility: string, benefit: string) => ({
  scores: { innovation, feasibility, benefit },
  comments: { benefit: '效益测算依据充分' },
  opinion: '建议立项',
});
