import { AppError, type TCall, type TDemand, type TEligibilityRules } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { callWindow, shanghaiIso } from './call-time.ts';

export type Db = Kysely<DB> | Transaction<DB>;

export function callQuery(db: Db) {
  return db
    .selectFrom('project_call as c')
    .innerJoin('project_programme as p', 'p.id', 'c.programme_id')
    .selectAll('c')
    .select(['p.name as programme_name', 'p.kind as programme_kind']);
}

type CallRow = Awaited<ReturnType<ReturnType<typeof callQuery>['executeTakeFirstOrThrow']>>;

export function toCall(r: CallRow, now: Date): TCall {
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    programmeKind: r.programme_kind as TCall['programmeKind'],
    regionCode: r.region_code,
    year: r.year,
    title: r.title,
    directions: r.directions,
    maxGrantFen: Number(r.max_grant_fen),
    budgetFen: Number(r.budget_fen),
    opensAt: shanghaiIso(r.opens_at),
    closesAt: shanghaiIso(r.closes_at),
    requiredAttachments: r.required_attachments,
    limitPerUnit: r.limit_per_unit,
    limitPerLeader: r.limit_per_leader,
    recommendation: r.recommendation as TCall['recommendation'],
    eligibility: r.eligibility as TEligibilityRules,
    demand: (r.demand as TDemand | null) ?? null,
    status: r.status as TCall['status'],
    window: callWindow({ opensAt: r.opens_at, closesAt: r.closes_at }, now),
    publishedAt: r.published_at ? shanghaiIso(r.published_at) : null,
    closedAt: r.closed_at ? shanghaiIso(r.closed_at) : null,
    version: r.version,
  };
}

export async function findCall(db: Db, id: number, now: Date): Promise<TCall> {
  const row = await callQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('project/call_not_found', { id });
  return toCall(row, now);
}

/** The application row with the fields policies need, optionally locked for update. */
export async function findApplicationRow(db: Db, id: number, lock = false) {
  let q = db.selectFrom('project_application').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { ...row, orgId: row.org_id, regionCode: row.region_code } : null;
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplicationRow>>>;

/** Appends a step to the application's timeline (inside the step's transaction). */
export async function addEvent(
  tx: Transaction<DB>,
  ctx: { now: () => Date; actor: { userId: number; username: string } | null },
  applicationId: number,
  kind: string,
  detail: unknown = null,
): Promise<void> {
  await tx
    .insertInto('project_event')
    .values({
      application_id: applicationId,
      at: ctx.now(),
      actor_user_id: ctx.actor?.userId ?? null,
      actor_username: ctx.actor?.username ?? null,
      kind,
      detail: detail === null ? null : JSON.stringify(detail),
    })
    .execute();
}
