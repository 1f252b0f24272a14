import { AppError, type TTaskDetail } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { hasRole } from '../policy.ts';
import { isManager, requireTaskReader } from './exec.policy.ts';
import { cached, findNode, findPlan, groupAssignments, loadAssignments, toExecNode } from './exec.repository.ts';
import { sectionOf } from './plan-cache.ts';
import { loadPlanProgress, taskSchedule } from './plan-progress.ts';
import { canSeeReport, reportWithDetails, selectReportsWithDetails } from './report.repository.ts';

/** One task: schedule, units, status with its explanation, targets, every report version, and the timeline. */
export async function getTaskDetail(ctx: Ctx, planId: number, nodeId: number, asOfInput?: string): Promise<TTaskDetail> {
  const plan = await findPlan(ctx.db, planId);
  const actor = await requireTaskReader(ctx, ctx.db, plan, nodeId);
  const node = await findNode(ctx.db, planId, nodeId);
  if (node.kind !== 'task') throw new AppError('plan/not_a_task', { nodeId });
  const asOf = asOfInput ?? bureauDate(ctx.now());
  const [assignments, reportRows, events, tree, progress] = await Promise.all([
    loadAssignments(ctx.db, planId, [nodeId]),
    selectReportsWithDetails(ctx.db)
      .where('r.node_id', '=', nodeId)
      .orderBy('r.period_end', 'desc')
      .orderBy('r.org_id')
      .orderBy('r.version', 'desc')
      .execute(),
    // the person's current display name; the username kept with the event when the account is gone
    ctx.db
      .selectFrom('task_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
      .selectAll('e')
      .select('u.display_name')
      .where('e.node_id', '=', nodeId)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute(),
    ctx.db.selectFrom('plan_node').select(['id', 'parent_id', 'kind', 'number', 'title']).where('plan_id', '=', planId).execute(),
    cached(ctx.cache, `plan-progress:${planId}:${asOf}:lean`, () => loadPlanProgress(ctx.db, planId, asOf, { withNarratives: false })),
  ]);
  const sectionId = sectionOf(tree).get(nodeId) ?? null;
  const section = sectionId === null ? null : tree.find((n) => n.id === sectionId);
  const found = progress.tasks.find((t) => t.nodeId === nodeId);
  if (!found) throw new AppError('plan/node_not_found', { nodeId });
  // progress is loaded without narratives; the latest report is among this task's rows
  const latestRow = found.latestReport ? reportRows.find((r) => r.id === found.latestReport?.id) : undefined;
  const task =
    found.latestReport && latestRow ? { ...found, latestReport: { ...found.latestReport, narrative: latestRow.narrative } } : found;
  const orgs = groupAssignments(assignments).get(nodeId);
  const mine = assignments.some((a) => a.org_id === actor.orgId);
  return {
    planId,
    planTitle: plan.title,
    planStatus: plan.status as TTaskDetail['planStatus'],
    planYear: plan.year,
    node: toExecNode(node, orgs),
    section: section ? { id: section.id, number: section.number, title: section.title } : null,
    targets: progress.targets.filter((t) => t.nodeId === nodeId),
    progress: task,
    slots: taskSchedule(node, plan).slots,
    reports: reportRows.filter((r) => canSeeReport(actor, r)).map(reportWithDetails),
    timeline: events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      kind: e.kind,
      actorName: e.display_name ?? e.actor_name,
      reportId: e.report_id,
      detail: (e.detail ?? {}) as Record<string, unknown>,
    })),
    can: {
      report:
        plan.status === 'published' &&
        (isManager(actor) ? (orgs?.lead.length ?? 0) + (orgs?.co.length ?? 0) > 0 : hasRole(actor, 'reporter') && mine),
      review: isManager(actor),
      edit: isManager(actor),
    },
    myOrgId: mine ? actor.orgId : null,
  };
}
