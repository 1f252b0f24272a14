import type { ZChecklistItem } from '@kechuang/contracts';
import { AppError, type TApplication, type TDecisionInput } from '@kechuang/contracts';
import type { z } from 'zod';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { subjectReviewResult } from '../review/index.ts';
import { findApplicationFindings } from './call-checks.ts';
import { loadApplication } from './get-application.ts';
import { isRecommender, requireManagerOf } from './project.policy.ts';
import { type ApplicationRow, addEvent, findApplicationRow, findCall } from './project.repository.ts';
import { refreshProjectIndicators } from './project-indicators.ts';
import { addProjectEvent } from './project-records.ts';
import { startProject } from './start-project.ts';

/*
 * The desk steps after submission, each one transaction with its timeline entry and audit row:
 *   submitted --推荐--> recommended (calls recommended by a region or department)
 *   submitted|recommended --退回(reasons)--> returned --(edit, resubmit)--> submitted
 *   形式审查 passed: submitted (direct calls) | recommended --> under_review (expert review, next issue)
 *   under_review --decision (on the expert review's ranking, review module)--> selected (with the grant) | rejected
 * Recommendation and formal check belong to the admin or planner whose subtree holds the applicant;
 * the decision to the bureau whose subtree holds the call.
 */

type Step = 'recommend' | 'return' | 'pass' | 'decide';

async function step(
  ctx: Ctx,
  id: number,
  version: number,
  kind: Step,
  act: (
    app: ApplicationRow,
    tx: Parameters<Parameters<typeof withAudit>[1]>[0],
  ) => Promise<{ status: string; set?: Record<string, unknown>; detail?: unknown }>,
): Promise<TApplication> {
  return withAudit(ctx, async (tx, record) => {
    const app = await findApplicationRow(tx, id, true);
    if (!app || app.status === 'draft') throw new AppError('project/application_not_found', { id });
    const call = await findCall(tx, app.call_id, ctx.now());
    requireDeskActor(ctx, kind, app, call);
    if (app.version !== version) throw new AppError('common/conflict', { id, version });
    const out = await act(app, tx);
    await tx
      .updateTable('project_application')
      .set((eb) => ({ ...(out.set ?? {}), status: out.status, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await addEvent(tx, ctx, id, kind === 'decide' ? (out.status === 'selected' ? 'select' : 'reject') : kind, out.detail ?? null);
    record({
      action: `project.application.${kind}`,
      entityType: 'project_application',
      entityId: id,
      regionCode: app.region_code,
      before: { status: app.status },
      after: { status: out.status, ...(out.detail ? { detail: out.detail } : {}) },
    });
    return loadApplication(tx, id);
  });
}

/**
 * Who acts at each step: the bureau decides; the 主管部门 named on the application recommends on calls
 * recommended by departments (and may return what it has not yet recommended); otherwise the admin or
 * planner whose subtree holds the applicant.
 */
function requireDeskActor(ctx: Ctx, kind: Step, app: ApplicationRow, call: { regionCode: string; recommendation: string }) {
  if (kind === 'decide') return requireManagerOf(ctx, call.regionCode);
  const actor = requireActor(ctx);
  const byDepartment = call.recommendation === 'department' && (kind === 'recommend' || (kind === 'return' && isRecommender(actor)));
  if (!byDepartment) return requireManagerOf(ctx, app.region_code);
  if (!isRecommender(actor) || app.recommender_org_id !== actor.orgId)
    throw new AppError('project/not_recommender', { id: app.id, recommenderOrgId: app.recommender_org_id });
  if (kind === 'return' && app.status !== 'submitted') throw new AppError('project/wrong_status', { id: app.id, status: app.status });
  return actor;
}

function requireStatus(app: ApplicationRow, ...allowed: string[]) {
  if (!allowed.includes(app.status)) throw new AppError('project/wrong_status', { id: app.id, status: app.status });
}

export function recommendApplication(ctx: Ctx, id: number, input: { version: number; opinion?: string | null | undefined }) {
  return step(ctx, id, input.version, 'recommend', async (app, tx) => {
    requireStatus(app, 'submitted');
    const call = await findCall(tx, app.call_id, ctx.now());
    if (call.recommendation === 'direct') throw new AppError('project/wrong_status', { id, reason: 'the call takes direct applications' });
    return { status: 'recommended', detail: { opinion: input.opinion ?? null } };
  });
}

export function returnApplication(ctx: Ctx, id: number, input: { version: number; reasons: string[] }) {
  return step(ctx, id, input.version, 'return', async (app) => {
    requireStatus(app, 'submitted', 'recommended');
    return { status: 'returned', set: { return_reasons: JSON.stringify(input.reasons) }, detail: { reasons: input.reasons } };
  });
}

/** 形式审查 passes: the checklist is kept, and no blocking automatic finding may remain. */
export function passFormalCheck(ctx: Ctx, id: number, input: { version: number; checklist: z.infer<typeof ZChecklistItem>[] }) {
  return step(ctx, id, input.version, 'pass', async (app, tx) => {
    const call = await findCall(tx, app.call_id, ctx.now());
    requireStatus(app, call.recommendation === 'direct' ? 'submitted' : 'recommended');
    if (input.checklist.some((c) => !c.ok))
      throw new AppError('project/checks_failed', { checklist: input.checklist.filter((c) => !c.ok) });
    const blocking = (await findApplicationFindings(tx, call, id, ctx.now())).filter((f) => f.severity === 'block');
    if (blocking.length > 0) throw new AppError('project/checks_failed', { findings: blocking });
    return {
      status: 'under_review',
      set: { checklist: JSON.stringify(input.checklist), return_reasons: null },
      detail: { checklist: input.checklist },
    };
  });
}

/**
 * The review stub: the bureau enters the decision; selections together stay within the call's budget, and a
 * selection starts the project (立项) with its 任务书 drafted from the application.
 */
export function decideApplication(ctx: Ctx, id: number, input: TDecisionInput) {
  return step(ctx, id, input.version, 'decide', async (app, tx) => {
    requireStatus(app, 'under_review');
    // the expert review's result the decision was taken on (score, rank in the call, flags), kept on the timeline
    const r = await subjectReviewResult(tx, 'project_application', id);
    const review = r.score === null ? null : { score: r.score, rank: r.rank, of: r.of, dispersed: r.dispersed, vetoed: r.vetoed };
    if (!input.selected) return { status: 'rejected', set: { granted_fen: null }, detail: { note: input.note ?? null, review } };
    const call = await findCall(tx, app.call_id, ctx.now());
    const grant = input.grantedFen;
    if (grant === undefined || grant <= 0 || grant > call.maxGrantFen)
      throw new AppError('project/grant_required', { maxGrantFen: call.maxGrantFen });
    await tx.selectFrom('project_call').select('id').where('id', '=', call.id).forUpdate().execute();
    const { sum } = await tx
      .selectFrom('project_application')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('granted_fen'), eb.val('0')).as('sum'))
      .where('call_id', '=', call.id)
      .where('status', '=', 'selected')
      .executeTakeFirstOrThrow();
    if (BigInt(sum) + BigInt(grant) > BigInt(call.budgetFen))
      throw new AppError('project/over_budget', { budgetFen: call.budgetFen, grantedFen: Number(sum), requestedFen: grant });
    const projectId = await startProject(tx, app, call, grant);
    await addProjectEvent(tx, ctx, projectId, 'start', { applicationId: app.id, grantedFen: grant });
    await refreshProjectIndicators(tx, app.region_code, call.year, {
      userId: ctx.actor?.userId ?? null,
      via: ctx.actor?.username ?? null,
      now: ctx.now(),
    });
    return { status: 'selected', set: { granted_fen: grant }, detail: { grantedFen: grant, projectId, note: input.note ?? null, review } };
  });
}
