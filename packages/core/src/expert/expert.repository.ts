import {
  AppError,
  type TEmployment,
  type TEmploymentInput,
  type TExpert,
  type TExpertStatus,
  type TExpertSummary,
  type TRelation,
  type TRelationInput,
  type TUnavailable,
  type TUnavailableInput,
} from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { upsertPerson } from '../person/index.ts';

/* Reading and writing expert entries (Kysely); no access checks here — the use cases check first. */

export type Db = Kysely<DB> | Transaction<DB>;

export function expertQuery(db: Db) {
  return db
    .selectFrom('expert as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .select([
      'e.id',
      'e.person_id',
      'e.region_code',
      'r.name as region_name',
      'e.title',
      'e.discipline_codes',
      'e.industry_codes',
      'e.specialty',
      'e.status',
      'e.yearly_quota',
      'e.user_id',
      'e.approved_by',
      'e.approved_at',
      'e.created_at',
      'e.updated_at',
      'e.version',
      'p.name',
      'p.gender',
      'p.phone',
      'p.email',
      'p.id_last4',
      'p.employer_name',
    ]);
}

type ExpertRow = Awaited<ReturnType<ReturnType<typeof expertQuery>['executeTakeFirstOrThrow']>>;

export function toExpertSummary(r: ExpertRow): TExpertSummary {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    title: r.title,
    employer: r.employer_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    disciplineCodes: r.discipline_codes,
    industryCodes: r.industry_codes,
    specialty: r.specialty,
    status: r.status,
    yearlyQuota: r.yearly_quota,
    hasAccount: r.user_id !== null,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export async function findExpertRow(db: Db, where: { id: number } | { userId: number }): Promise<ExpertRow | undefined> {
  const q = expertQuery(db);
  return 'id' in where ? q.where('e.id', '=', where.id).executeTakeFirst() : q.where('e.user_id', '=', where.userId).executeTakeFirst();
}

export async function requireExpertRow(db: Db, id: number): Promise<ExpertRow> {
  const row = await findExpertRow(db, { id });
  if (!row) throw new AppError('expert/not_found', { id });
  return row;
}

const actionNames = new Set([
  'expert.create',
  'expert.update',
  'expert.self_create',
  'expert.self_update',
  'expert.relations',
  'expert.unavailable',
  'expert.import',
  'expert.approve',
  'expert.reject',
  'expert.pause',
  'expert.resume',
  'expert.retire',
  'expert.remove',
]);

/** The entry with its employers, relations, unavailable dates and the last changes from the audit trail. */
export async function loadExpert(db: Db, row: ExpertRow): Promise<TExpert> {
  const [employments, relations, unavailable, users, history] = await Promise.all([
    db.selectFrom('expert_employment').selectAll().where('expert_id', '=', row.id).orderBy('to_date', 'desc').orderBy('id').execute(),
    db
      .selectFrom('expert_relation as x')
      .leftJoin('person as p', 'p.id', 'x.person_id')
      .selectAll('x')
      .select('p.id_last4')
      .where('x.expert_id', '=', row.id)
      .orderBy('x.id')
      .execute(),
    db.selectFrom('expert_unavailable').selectAll().where('expert_id', '=', row.id).orderBy('from_date').execute(),
    db
      .selectFrom('app_user')
      .select(['id', 'username', 'display_name'])
      .where('id', 'in', [row.user_id ?? 0, row.approved_by ?? 0])
      .execute(),
    db
      .selectFrom('audit_log as a')
      .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
      .select(['a.at', 'a.action', 'a.after', 'a.actor_username', 'u.display_name'])
      .where('a.entity_type', '=', 'expert')
      .where('a.entity_id', '=', String(row.id))
      .orderBy('a.id', 'desc')
      .limit(50)
      .execute(),
  ]);
  const user = (id: number | null) => users.find((u) => u.id === id);
  return {
    ...toExpertSummary(row),
    gender: row.gender === 'male' || row.gender === 'female' ? row.gender : null,
    phone: row.phone,
    email: row.email,
    idLast4: row.id_last4,
    username: user(row.user_id)?.username ?? null,
    approvedBy: user(row.approved_by)?.display_name ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    employments: employments.map(
      (e): TEmployment => ({ id: e.id, orgId: e.org_id, orgName: e.org_name, fromDate: e.from_date, toDate: e.to_date }),
    ),
    relations: relations.map(
      (x): TRelation => ({
        id: x.id,
        kind: x.kind,
        personId: x.person_id,
        personName: x.person_name,
        personIdLast4: x.id_last4 ?? null,
        orgId: x.org_id,
        orgName: x.org_name,
        note: x.note,
        fromDate: x.from_date,
        toDate: x.to_date,
      }),
    ),
    unavailable: unavailable.map((u): TUnavailable => ({ id: u.id, fromDate: u.from_date, toDate: u.to_date, note: u.note })),
    history: history
      .filter((h) => actionNames.has(h.action))
      .map((h) => ({
        at: h.at.toISOString(),
        actor: h.display_name ?? h.actor_username,
        action: h.action,
        reason: reasonOf(h.after),
      })),
  };
}

function reasonOf(after: unknown): string | null {
  const value = typeof after === 'string' ? safeJson(after) : after;
  if (value && typeof value === 'object' && 'reason' in value && typeof value.reason === 'string' && value.reason) return value.reason;
  return null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/**
 * Registered organisations by exact name, for names without an id: a name held by exactly one organisation
 * is linked (the draw's same-employer rule compares organisation ids first, names second).
 */
export async function orgIdsByName(db: Db, names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(names.filter(Boolean))];
  if (unique.length === 0) return out;
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('name', 'in', unique).execute();
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  for (const r of rows) if (count.get(r.name) === 1) out.set(r.name, r.id);
  return out;
}

export async function assertRegionKnown(db: Db, regionCode: string): Promise<void> {
  const r = await db.selectFrom('region').select('code').where('code', '=', regionCode).where('valid_to', 'is', null).executeTakeFirst();
  if (!r) throw new AppError('expert/unknown_region', { regionCode });
}

/** The current employer: the first row without an end date (the input's order), for the person record. */
export function currentEmployer(list: TEmploymentInput[]): TEmploymentInput | undefined {
  return list.find((e) => !e.toDate);
}

export async function replaceEmployments(tx: Transaction<DB>, expertId: number, list: TEmploymentInput[]): Promise<void> {
  await tx.deleteFrom('expert_employment').where('expert_id', '=', expertId).execute();
  if (list.length === 0) return;
  const byName = await orgIdsByName(
    tx,
    list.filter((e) => !e.orgId).map((e) => e.orgName),
  );
  await tx
    .insertInto('expert_employment')
    .values(
      list.map((e) => ({
        expert_id: expertId,
        org_id: e.orgId ?? byName.get(e.orgName) ?? null,
        org_name: e.orgName,
        from_date: e.fromDate ?? null,
        to_date: e.toDate ?? null,
      })),
    )
    .execute();
}

/** A relation to a person with an identity number names that person's record (made if new; only its hash kept). */
export async function replaceRelations(tx: Transaction<DB>, expertId: number, list: TRelationInput[]): Promise<void> {
  // a relation kept from before (same id, same name) keeps the person record its identity number named
  const kept = new Map(
    (await tx.selectFrom('expert_relation').select(['id', 'person_id', 'person_name']).where('expert_id', '=', expertId).execute()).map(
      (r) => [r.id, r],
    ),
  );
  await tx.deleteFrom('expert_relation').where('expert_id', '=', expertId).execute();
  if (list.length === 0) return;
  const byName = await orgIdsByName(
    tx,
    list.filter((x) => x.orgName && !x.orgId).map((x) => x.orgName as string),
  );
  const rows = [];
  for (const x of list) {
    const before = x.id === undefined ? undefined : kept.get(x.id);
    const personId =
      x.idNumber && x.personName
        ? await upsertPerson(tx, { name: x.personName, idNumber: x.idNumber }, null)
        : before && before.person_name === (x.personName || null)
          ? before.person_id
          : null;
    rows.push({
      expert_id: expertId,
      kind: x.kind,
      person_id: personId,
      person_name: x.personName || null,
      org_id: x.orgId ?? (x.orgName ? (byName.get(x.orgName) ?? null) : null),
      org_name: x.orgName || null,
      note: x.note,
      from_date: x.fromDate ?? null,
      to_date: x.toDate ?? null,
    });
  }
  await tx.insertInto('expert_relation').values(rows).execute();
}

export async function replaceUnavailable(tx: Transaction<DB>, expertId: number, list: TUnavailableInput[]): Promise<void> {
  await tx.deleteFrom('expert_unavailable').where('expert_id', '=', expertId).execute();
  if (list.length === 0) return;
  await tx
    .insertInto('expert_unavailable')
    .values(list.map((u) => ({ expert_id: expertId, from_date: u.fromDate, to_date: u.toDate, note: u.note })))
    .execute();
}

/** Optimistic locking: bump the version only when the caller saw the current one. */
export async function bumpVersion(
  tx: Transaction<DB>,
  id: number,
  version: number,
  set: Partial<{
    title: string | null;
    discipline_codes: string[];
    industry_codes: string[];
    specialty: string;
    region_code: string;
    yearly_quota: number;
    user_id: number | null;
    status: TExpertStatus;
    approved_by: number | null;
    approved_at: Date | null;
  }>,
  now: Date,
): Promise<void> {
  const done = await tx
    .updateTable('expert')
    .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict', { id, version });
}

/** What an entry was before a change, for the audit row (no identity numbers, no ids of child rows). */
export function expertSnapshot(e: TExpert) {
  return {
    name: e.name,
    title: e.title,
    regionCode: e.regionCode,
    status: e.status,
    yearlyQuota: e.yearlyQuota,
    username: e.username,
    disciplineCodes: e.disciplineCodes,
    industryCodes: e.industryCodes,
    specialty: e.specialty,
    phone: e.phone,
    email: e.email,
    employments: e.employments.map(({ id: _id, ...x }) => x),
  };
}
