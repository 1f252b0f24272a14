import { AppError, type TApplication, type TBudgetLine } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { barredReason, eligibilityFor, loadApplicants } from './applicant.ts';
import { budgetProblems } from './budget.ts';
import { callWindow } from './call-time.ts';
import { loadApplication } from './get-application.ts';
import { assertOwnApplication, requireApplicant } from './project.policy.ts';
import { addEvent, findApplicationRow, findCall } from './project.repository.ts';
import { recommendersOf } from './recommenders.ts';

/** Applications that count against 限项: everything submitted and not withdrawn or turned down at the desk. */
const countedStatuses = ['submitted', 'recommended', 'returned', 'under_review', 'selected', 'rejected'];

/*
 * Submitting: the first submission only inside the call window (opening inclusive, closing exclusive); a
 * returned application may be resubmitted until the bureau closes the call (the correction happens after the
 * deadline, during the formal check). Refused, with nothing written, when the applicant is not eligible or
 * is barred, over 限项 for the unit or the leader, the budget does not add up or exceeds the maximum grant,
 * or a required attachment is missing.
 */
export async function submitApplication(ctx: Ctx, id: number, version: number): Promise<TApplication> {
  const actor = requireApplicant(ctx);
  return withAudit(ctx, async (tx, record) => {
    const app = assertOwnApplication(actor, await findApplicationRow(tx, id, true), id);
    if (app.status !== 'draft' && app.status !== 'returned') throw new AppError('project/wrong_status', { id, status: app.status });
    if (app.version !== version) throw new AppError('common/conflict', { id, version });
    const now = ctx.now();
    const call = await findCall(tx, app.call_id, now);
    const resubmission = app.status === 'returned';
    const open = resubmission
      ? call.status === 'published'
      : call.status === 'published' && callWindow({ opensAt: new Date(call.opensAt), closesAt: new Date(call.closesAt) }, now) === 'open';
    if (!open) throw new AppError('project/call_not_open', { id: call.id, opensAt: call.opensAt, closesAt: call.closesAt });

    const day = bureauDate(now);
    const reasons = eligibilityFor(call, (await loadApplicants(tx, [app.org_id], day)).get(app.org_id));
    if (reasons.length > 0) throw new AppError('project/not_eligible', { reasons });
    const members = (app.members as Array<{ personId: number }>).map((m) => m.personId);
    const barred = await barredReason(tx, app.org_id, [app.leader_person_id, ...members], day);
    if (barred) throw new AppError('project/barred', { reason: barred }, barred);
    if (call.recommendation === 'department') {
      if (app.recommender_org_id === null) throw new AppError('project/recommender_required', { id });
      const recommenders = await recommendersOf(tx, call.regionCode);
      if (!recommenders.some((r) => r.id === app.recommender_org_id))
        throw new AppError('project/recommender_invalid', { id, recommenderOrgId: app.recommender_org_id });
    }

    const problems = budgetProblems(
      app.budget as TBudgetLine[],
      { fiscalFen: Number(app.fiscal_fen), selfFen: Number(app.self_fen) },
      call.maxGrantFen,
    );
    if (problems.some((p) => p.kind === 'over_max_grant')) throw new AppError('project/over_max_grant', { maxGrantFen: call.maxGrantFen });
    if (problems.length > 0) throw new AppError('project/budget_mismatch', { problems });

    const kinds = await tx.selectFrom('project_application_file').select('kind').where('application_id', '=', id).execute();
    const missing = call.requiredAttachments.filter((k) => !kinds.some((f) => f.kind === k));
    if (missing.length > 0) throw new AppError('project/missing_attachments', { missing });

    // 限项: the unit's and the leader's other counted applications in this call; the call row is locked so
    // two submissions at the same moment are counted one after the other
    await tx.selectFrom('project_call').select('id').where('id', '=', app.call_id).forUpdate().execute();
    const others = await tx
      .selectFrom('project_application')
      .select(['org_id', 'leader_person_id'])
      .where('call_id', '=', app.call_id)
      .where('id', '<>', id)
      .where('status', 'in', countedStatuses)
      .execute();
    if (call.limitPerUnit !== null && others.filter((o) => o.org_id === app.org_id).length + 1 > call.limitPerUnit)
      throw new AppError('project/over_limit', { per: 'unit', limit: call.limitPerUnit });
    if (call.limitPerLeader !== null && others.filter((o) => o.leader_person_id === app.leader_person_id).length + 1 > call.limitPerLeader)
      throw new AppError('project/over_limit', { per: 'leader', limit: call.limitPerLeader });

    await tx
      .updateTable('project_application')
      .set((eb) => ({ status: 'submitted', submitted_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await addEvent(tx, ctx, id, resubmission ? 'resubmit' : 'submit');
    record({
      action: 'project.application.submit',
      entityType: 'project_application',
      entityId: id,
      regionCode: app.region_code,
      before: { status: app.status },
      after: { status: 'submitted' },
    });
    return loadApplication(tx, id);
  });
}
