import { AppError, type TProject, type TProjectContract, type TProjectSummary } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { sql } from '@kechuang/db';
import type { Actor, Ctx } from '../context.ts';
import { inRegionScope, isRegionWide } from '../policy.ts';
import { shanghaiIso } from './call-time.ts';
import { isApplicant, requireManagerOf } from './project.policy.ts';
import type { Db } from './project.repository.ts';
import { eventsNamed } from './project-events.ts';

/*
 * Projects (立项项目): read by the region-wide roles whose subtree holds the undertaking unit or the bureau
 * that runs it, and by the undertaking unit's own applicant users; run by the bureau (admin, planner of the
 * bureau's region).
 */

export function projectQuery(db: Db) {
  return db
    .selectFrom('project as p')
    .selectAll('p')
    .select(sql<string>`coalesce((select sum(amount_fen) from project_payment pp where pp.project_id = p.id), 0)`.as('paid_fen'));
}
type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectQuery>['executeTakeFirstOrThrow']>>;

type SummaryRow = Pick<
  ProjectRow,
  | 'id'
  | 'project_no'
  | 'application_id'
  | 'programme_kind'
  | 'programme_name'
  | 'region_code'
  | 'org_id'
  | 'org_name'
  | 'year'
  | 'title'
  | 'field_code'
  | 'leader_name'
  | 'granted_fen'
  | 'paid_fen'
  | 'status'
  | 'source'
  | 'version'
>;

export function toProjectSummary(r: SummaryRow): TProjectSummary {
  return {
    id: r.id,
    projectNo: r.project_no,
    applicationId: r.application_id,
    programmeKind: r.programme_kind as TProjectSummary['programmeKind'],
    programmeName: r.programme_name,
    regionCode: r.region_code,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    fieldCode: r.field_code,
    leaderName: r.leader_name,
    grantedFen: Number(r.granted_fen),
    paidFen: Number(r.paid_fen),
    status: r.status as TProjectSummary['status'],
    source: r.source as TProjectSummary['source'],
    version: r.version,
  };
}

export function canReadProject(actor: Actor, p: { region_code: string; bureau_region_code: string; org_id: number | null }): boolean {
  if (isRegionWide(actor)) return inRegionScope(actor, p.region_code) || inRegionScope(actor, p.bureau_region_code);
  return isApplicant(actor) && p.org_id === actor.orgId;
}

export async function findProjectRow(db: Db, id: number, lock = false) {
  let q = projectQuery(db).where('p.id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}
export type ProjectRecord = NonNullable<Awaited<ReturnType<typeof findProjectRow>>>;

export function assertProjectReadable(actor: Actor, p: ProjectRecord | null, id: number): ProjectRecord {
  if (!p) throw new AppError('project/not_found', { id });
  if (!canReadProject(actor, p)) throw new AppError('auth/out_of_scope', { id });
  return p;
}

/** The bureau that runs the project: admin or planner whose subtree holds the bureau's region. */
export function requireProjectBureau(ctx: Ctx, p: ProjectRecord): Actor {
  return requireManagerOf(ctx, p.bureau_region_code);
}

/** The undertaking unit's own applicant user. */
export function requireProjectUnit(actor: Actor, p: ProjectRecord): void {
  if (!isApplicant(actor) || actor.orgId !== p.org_id) throw new AppError('auth/forbidden', { id: p.id });
}

/** A locked project row at the expected version (stale versions refused). */
export async function lockProject(tx: Transaction<DB>, id: number, version: number | null): Promise<ProjectRecord> {
  const p = await findProjectRow(tx, id, true);
  if (!p) throw new AppError('project/not_found', { id });
  if (version !== null && p.version !== version) throw new AppError('common/conflict', { id, version });
  return p;
}

export async function bumpProject(tx: Transaction<DB>, id: number, now: Date, set: Record<string, unknown> = {}): Promise<void> {
  await tx
    .updateTable('project')
    .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function addProjectEvent(
  tx: Transaction<DB>,
  ctx: { now: () => Date; actor: { userId: number; username: string } | null },
  projectId: number,
  kind: string,
  detail: unknown = null,
): Promise<void> {
  await tx
    .insertInto('project_event')
    .values({
      project_id: projectId,
      application_id: null,
      at: ctx.now(),
      actor_user_id: ctx.actor?.userId ?? null,
      actor_username: ctx.actor?.username ?? null,
      kind,
      detail: detail === null ? null : JSON.stringify(detail),
    })
    .execute();
}

export async function loadProject(db: Db, id: number): Promise<TProject> {
  const r = await findProjectRow(db, id);
  if (!r) throw new AppError('project/not_found', { id });
  const [payments, changes, reports, acceptances, events] = await Promise.all([
    db.selectFrom('project_payment').selectAll().where('project_id', '=', id).orderBy('batch').execute(),
    db.selectFrom('project_change').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('project_report')
      .select(['id', 'kind', 'period', 'outcome', 'submitted_at', 'file_name', 'file_size', 'file_sha256'])
      .where('project_id', '=', id)
      .orderBy('id')
      .execute(),
    db.selectFrom('project_acceptance').selectAll().where('project_id', '=', id).orderBy('round').execute(),
    eventsNamed(db, 'project_id', id),
  ]);
  return {
    ...toProjectSummary(r),
    contract: (r.contract as TProjectContract | null) ?? null,
    contractBureauAt: r.contract_bureau_at ? shanghaiIso(r.contract_bureau_at) : null,
    contractUnitAt: r.contract_unit_at ? shanghaiIso(r.contract_unit_at) : null,
    rectificationDue: r.rectification_due,
    payments: payments.map((p) => ({ batch: p.batch, amountFen: Number(p.amount_fen), paidOn: p.paid_on, milestone: p.milestone })),
    changes: changes.map((c) => ({
      id: c.id,
      kind: c.kind,
      request: c.request,
      reason: c.reason,
      status: c.status,
      requestedAt: shanghaiIso(c.requested_at),
      decidedAt: c.decided_at ? shanghaiIso(c.decided_at) : null,
      decisionNote: c.decision_note,
    })),
    reports: reports.map((x) => ({
      id: x.id,
      kind: x.kind,
      period: x.period,
      outcome: x.outcome,
      submittedAt: shanghaiIso(x.submitted_at),
      file: x.file_name ? { filename: x.file_name, size: x.file_size ?? 0, sha256: x.file_sha256 ?? '' } : null,
    })),
    acceptances: acceptances.map((a) => ({
      round: a.round,
      taskResult: a.task_result,
      financeResult: a.finance_result,
      conclusion: a.conclusion,
      targetResults: a.target_results,
      decidedAt: shanghaiIso(a.decided_at),
    })),
    timeline: events.map((e) => ({
      at: shanghaiIso(e.at),
      actor: e.actor_name ?? e.actor_username,
      kind: e.kind,
      detail: e.detail ?? null,
    })),
  };
}
