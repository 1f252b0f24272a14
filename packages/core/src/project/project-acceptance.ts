import { AppError, type TAcceptanceInput, type TProject, type TProjectStatus } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { subjectReviewResult } from '../review/index.ts';
import { rectificationDue, requireNext, verdictEvent } from './acceptance.ts';
import { refreshProjectIndicators } from './project-indicators.ts';
import { addProjectEvent, bumpProject, loadProject, lockProject, requireProjectBureau, requireProjectUnit } from './project-records.ts';

/** The unit asks for acceptance once its 科技报告 is filed (archived with the project). */
export async function requestAcceptance(ctx: Ctx, id: number, version: number): Promise<TProject> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, version);
    requireProjectUnit(actor, p);
    const next = requireNext(p.status as TProjectStatus, 'request_acceptance', id);
    const report = await tx
      .selectFrom('project_report')
      .select('id')
      .where('project_id', '=', id)
      .where('kind', '=', 'tech_report')
      .executeTakeFirst();
    if (!report) throw new AppError('project/tech_report_missing', { id });
    await bumpProject(tx, id, ctx.now(), { status: next });
    await addProjectEvent(tx, ctx, id, 'acceptance.request');
    record({
      action: 'project.acceptance.request',
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      before: { status: p.status },
      after: { status: next },
    });
    return loadProject(tx, id);
  });
}

/**
 * The acceptance decision of a round: each target compared with what was achieved, the task and finance
 * results, and the verdict (通过 / 结题 / 整改 / 不通过). A rectification is due three months after the notice.
 * A failed acceptance is flagged for an integrity case (the records are the next issue).
 */
export async function decideAcceptance(ctx: Ctx, id: number, input: TAcceptanceInput): Promise<TProject> {
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, input.version);
    const actor = requireProjectBureau(ctx, p);
    const event = verdictEvent(input.verdict, { task: input.taskResult, finance: input.financeResult });
    const next = requireNext(p.status as TProjectStatus, event, id);
    const round = p.status === 'rectifying' ? 2 : 1;
    const now = ctx.now();
    // the acceptance panel's aggregated score the decision was taken on (core/review; batch = the project)
    const r = await subjectReviewResult(tx, 'acceptance', id);
    const review = r.score === null ? null : { score: r.score, n: r.n, dispersed: r.dispersed, vetoed: r.vetoed };
    await tx
      .insertInto('project_acceptance')
      .values({
        project_id: id,
        round,
        task_result: input.taskResult,
        finance_result: input.financeResult,
        conclusion: next,
        target_results: JSON.stringify(input.targetResults),
        note: input.note ?? null,
        decided_at: now,
        decided_by: actor.userId,
      })
      .execute();
    const due = next === 'rectifying' ? rectificationDue(bureauDate(now)) : null;
    await bumpProject(tx, id, now, { status: next, rectification_due: due });
    await addProjectEvent(tx, ctx, id, `acceptance.${next}`, {
      round,
      rectificationDue: due,
      integrityCaseSuggested: next === 'failed',
      review,
    });
    record({
      action: 'project.acceptance.decide',
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      before: { status: p.status },
      after: { status: next, round, taskResult: input.taskResult, financeResult: input.financeResult, rectificationDue: due, review },
    });
    return loadProject(tx, id);
  });
}

/** 终止 or 撤销 a running project, with the reason; a 撤销 is flagged for an integrity case. */
export async function endProject(
  ctx: Ctx,
  id: number,
  input: { version: number; kind: 'terminate' | 'revoke'; reason: string },
): Promise<TProject> {
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, input.version);
    requireProjectBureau(ctx, p);
    const next = requireNext(p.status as TProjectStatus, input.kind, id);
    await bumpProject(tx, id, ctx.now(), { status: next });
    await addProjectEvent(tx, ctx, id, input.kind, { reason: input.reason, integrityCaseSuggested: next === 'revoked' });
    if (next === 'revoked')
      await refreshProjectIndicators(tx, p.region_code, p.year, {
        userId: ctx.actor?.userId ?? null,
        via: ctx.actor?.username ?? null,
        now: ctx.now(),
      });
    record({
      action: `project.${input.kind}`,
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      before: { status: p.status },
      after: { status: next, reason: input.reason },
    });
    return loadProject(tx, id);
  });
}
