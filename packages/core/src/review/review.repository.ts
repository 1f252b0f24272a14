import { createHash } from 'node:crypto';
import { AppError, regionContains, type TDrawConstraints, type TReviewSubjectKind } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { barredAmong } from '../integrity/index.ts';
import type { DrawSubject, PoolExpert } from './draw-engine.ts';
import { type SubjectRow, subjectSource } from './subjects.ts';

/*
 * What the draw reads from the database: the batch, its subjects' facts and the pool snapshot. The subjects
 * of each kind (project applications, platform 认定 applications, acceptances) are read through subjects.ts.
 */

export type Db = Kysely<DB> | Transaction<DB>;
export type { SubjectRow } from './subjects.ts';

export interface Batch {
  kind: TReviewSubjectKind;
  id: number;
  regionCode: string;
  title: string;
  year: number;
}

export async function loadBatch(db: Db, kind: TReviewSubjectKind, id: number): Promise<Batch> {
  const row = await subjectSource(kind).batch(db, id);
  if (!row) throw new AppError('review/batch_not_found', { kind, id });
  return { kind, ...row };
}

/** The batch a subject belongs to, with the subject's unit and status. */
export async function batchOfSubject(
  db: Db,
  kind: TReviewSubjectKind,
  subjectId: number,
  lock = false,
): Promise<Batch & { subjectOrgId: number | null; subjectStatus: string }> {
  const source = subjectSource(kind);
  const s = await source.ofSubject(db, subjectId, lock);
  if (!s) throw new AppError(source.notFound, { id: subjectId });
  return { ...(await loadBatch(db, kind, s.batchId)), subjectOrgId: s.orgId, subjectStatus: s.status };
}

export async function loadSubjectRows(db: Db, kind: TReviewSubjectKind, batchId: number, ids?: number[]): Promise<SubjectRow[]> {
  return subjectSource(kind).rows(db, batchId, ids);
}

/** The facts the conflict rules read of each subject: unit, leader and members, avoidance requests. */
export async function subjectFacts(db: Db, kind: TReviewSubjectKind, rows: SubjectRow[]): Promise<DrawSubject[]> {
  const personIds = [
    ...new Set(rows.flatMap((r) => [...(r.leaderPersonId === null ? [] : [r.leaderPersonId]), ...r.members.map((m) => m.personId)])),
  ];
  const persons = new Map(
    (personIds.length ? await db.selectFrom('person').select(['id', 'name', 'id_hash']).where('id', 'in', personIds).execute() : []).map(
      (p) => [p.id, p],
    ),
  );
  const avoid = rows.length
    ? await db
        .selectFrom('review_avoidance')
        .select(['subject_id', 'person_name', 'org_name', 'reason'])
        .where('subject_kind', '=', kind)
        .where(
          'subject_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.regionCode,
    fieldCode: r.fieldCode,
    orgs: [{ id: r.orgId, name: r.orgName }],
    persons: [
      ...(r.leaderPersonId === null ? [] : [{ personId: r.leaderPersonId, role: 'leader' as const }]),
      ...r.members.map((m) => ({ personId: m.personId, role: 'member' as const })),
    ].map((p) => {
      const person = persons.get(p.personId);
      return { personId: p.personId, idHash: person?.id_hash ?? null, name: person?.name ?? '', role: p.role };
    }),
    avoid: avoid.filter((a) => a.subject_id === r.id).map((a) => ({ personName: a.person_name, orgName: a.org_name, reason: a.reason })),
  }));
}

/** Every person named in a subject of the batch that left draft (own application in the same batch). */
export async function batchPersons(
  db: Db,
  kind: TReviewSubjectKind,
  batchId: number,
): Promise<Array<{ personId: number; subjectId: number }>> {
  return subjectSource(kind).batchPersons(db, batchId);
}

/**
 * The pool snapshot: the active experts kept by the batch region's bureau, its subtree or its ancestors, with
 * exactly the attributes the rules read. `used` counts accepted assignments in the review year, leaving out the
 * draw being verified (its own acceptances came after it). Sorted by id, so the same pool gives the same bytes.
 */
export async function poolSnapshot(
  db: Db,
  regionCode: string,
  c: TDrawConstraints,
  excludeDrawId: number | null = null,
): Promise<PoolExpert[]> {
  const experts = (
    await db
      .selectFrom('expert as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select(['e.id', 'e.person_id', 'e.region_code', 'e.discipline_codes', 'e.yearly_quota', 'p.name', 'p.id_hash'])
      .where('e.status', '=', 'active')
      .orderBy('e.id')
      .execute()
  ).filter((e) => regionContains(regionCode, e.region_code) || regionContains(e.region_code, regionCode));
  if (experts.length === 0) return [];
  const ids = experts.map((e) => e.id);
  const year = Number(c.reviewFrom.slice(0, 4));
  const [jobs, relations, unavailable, used] = await Promise.all([
    db
      .selectFrom('expert_employment as j')
      .leftJoin('organization as o', 'o.id', 'j.org_id')
      .select(['j.expert_id', 'j.org_id', 'j.org_name', 'j.to_date', 'o.region_code'])
      .where('j.expert_id', 'in', ids)
      .orderBy('j.expert_id')
      .orderBy('j.id')
      .execute(),
    db
      .selectFrom('expert_relation as r')
      .leftJoin('person as p', 'p.id', 'r.person_id')
      .select(['r.expert_id', 'r.kind', 'r.person_id', 'p.id_hash', 'r.person_name', 'r.org_id', 'r.org_name', 'r.to_date'])
      .where('r.expert_id', 'in', ids)
      .orderBy('r.expert_id')
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('expert_unavailable')
      .select(['expert_id', 'from_date', 'to_date'])
      .where('expert_id', 'in', ids)
      .where('from_date', '<=', c.reviewTo)
      .where('to_date', '>=', c.reviewFrom)
      .orderBy('expert_id')
      .orderBy('from_date')
      .execute(),
    db
      .selectFrom('review_assignment as a')
      .innerJoin('review_panel as p', 'p.id', 'a.panel_id')
      .select(['a.expert_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('a.year', '=', year)
      .where('a.status', 'in', ['accepted', 'submitted'])
      .$if(excludeDrawId !== null, (q) => q.where('p.draw_id', '!=', excludeDrawId as number))
      .groupBy('a.expert_id')
      .execute(),
  ]);
  const usedBy = new Map(used.map((u) => [u.expert_id, Number(u.n)]));
  const group = <T extends { expert_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.expert_id, [...(m.get(r.expert_id) ?? []), r]);
    return m;
  };
  const jobsBy = group(jobs);
  const relBy = group(relations);
  const offBy = group(unavailable);
  // 科研诚信: bans on reviewing in force on the first review day, for the whole pool in one read
  const bans = await barredAmong({ db }, { kind: 'person', ids: experts.map((e) => e.person_id), activity: 'review', on: c.reviewFrom });
  const out: PoolExpert[] = [];
  for (const e of experts) {
    const myJobs = jobsBy.get(e.id) ?? [];
    const current = myJobs.find((j) => j.to_date === null);
    out.push({
      id: e.id,
      personId: e.person_id,
      name: e.name,
      idHash: e.id_hash,
      regionCode: current?.region_code ?? e.region_code,
      disciplines: [...e.discipline_codes].sort(),
      employments: myJobs.map((j) => ({ orgId: j.org_id, orgName: j.org_name, to: j.to_date })),
      relations: (relBy.get(e.id) ?? []).map((r) => ({
        kind: r.kind,
        personId: r.person_id,
        idHash: r.id_hash ?? null,
        personName: r.person_name,
        orgId: r.org_id,
        orgName: r.org_name,
        to: r.to_date,
      })),
      unavailable: (offBy.get(e.id) ?? []).map((u) => ({ from: u.from_date, to: u.to_date })),
      quota: e.yearly_quota,
      used: usedBy.get(e.id) ?? 0,
      barred: bans.get(e.person_id)?.reason ?? null,
    });
  }
  return out;
}

/** JSON with object keys sorted at every level: the stored jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** sha256 of the snapshot's canonical JSON, shown with the record so that a printed copy can be checked. */
export function snapshotHash(pool: PoolExpert[]): string {
  return createHash('sha256').update(canonicalJson(pool)).digest('hex');
}

/** What differs between the snapshot kept with a draw and the pool now. */
export function poolChanges(before: PoolExpert[], now: PoolExpert[]) {
  const a = new Map(before.map((e) => [e.id, e]));
  const b = new Map(now.map((e) => [e.id, e]));
  const out: Array<{ expertId: number; change: 'added' | 'removed' | 'changed'; fields: string[] }> = [];
  for (const [id, e] of a) {
    const f = b.get(id);
    if (!f) out.push({ expertId: id, change: 'removed', fields: [] });
    else {
      const fields = (Object.keys(e) as Array<keyof PoolExpert>).filter((k) => canonicalJson(e[k]) !== canonicalJson(f[k]));
      if (fields.length) out.push({ expertId: id, change: 'changed', fields });
    }
  }
  for (const id of b.keys()) if (!a.has(id)) out.push({ expertId: id, change: 'added', fields: [] });
  return out.sort((x, y) => x.expertId - y.expertId);
}

export async function addReviewEvent(
  db: Db,
  ctx: { actor: { userId: number; username: string } | null; via?: string; now: () => Date },
  panelId: number,
  kind: string,
  detail: unknown = null,
) {
  await db
    .insertInto('review_event')
    .values({
      panel_id: panelId,
      at: ctx.now(),
      actor_user_id: ctx.actor?.userId ?? null,
      actor_username: ctx.actor?.username ?? ctx.via ?? null,
      kind,
      detail: detail === null ? null : JSON.stringify(detail),
    })
    .execute();
}
