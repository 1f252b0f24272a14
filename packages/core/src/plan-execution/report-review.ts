import { AppError, type TProgressReport, type TReportReview, type TReviewQueue } from '@kechuang/contracts';
import { sql } from 'kysely';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { sendNotifications } from '../notification/channel.ts';
import { requirePlanManager } from './exec.policy.ts';
import { addTaskEvent, findPlan } from './exec.repository.ts';
import { findReport, loadReport } from './report.repository.ts';

/**
 * Accepts or returns a submitted report. Optimistic concurrency: the update only applies when the
 * row still has the `rowVersion` the reviewer saw, so of two reviewers acting at once exactly one
 * succeeds and the other gets common/conflict.
 */
export async function reviewReport(ctx: Ctx, id: number, decision: 'accept' | 'return', input: TReportReview): Promise<TProgressReport> {
  const comment = input.comment.trim();
  if (decision === 'return' && !comment) throw new AppError('report/comment_required', { id });
  await withAudit(ctx, async (tx, record) => {
    const r = await findReport(tx, id);
    const plan = await findPlan(tx, r.plan_id);
    const actor = requirePlanManager(ctx, plan);
    if (r.row_version !== input.rowVersion) throw new AppError('common/conflict', { id, rowVersion: r.row_version });
    if (r.status !== 'submitted') throw new AppError('report/not_submitted', { id, status: r.status });
    if (r.superseded) throw new AppError('common/conflict', { id, reason: 'superseded by a later version' });
    const status = decision === 'accept' ? 'accepted' : 'returned';
    const res = await tx
      .updateTable('progress_report')
      .set((eb) => ({
        status,
        reviewed_at: ctx.now(),
        reviewed_by: actor.userId,
        review_comment: comment || null,
        row_version: eb('row_version', '+', 1),
        updated_at: ctx.now(),
      }))
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .where('row_version', '=', input.rowVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('common/conflict', { id });
    await addTaskEvent(tx, {
      planId: plan.id,
      nodeId: r.node_id,
      actorUserId: actor.userId,
      actorName: actor.username,
      kind: `report.${decision}`,
      reportId: id,
      detail: { period: r.period, version: r.version, orgId: r.org_id, orgName: r.org_name, comment },
      at: ctx.now(),
    });
    // the reporting unit's reporters hear about the decision (once per decision: the key names the new row version)
    const reporters = await tx
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', r.org_id)
      .where('disabled_at', 'is', null)
      .where((eb) => eb(eb.val('reporter'), '=', eb.fn.any('roles')))
      .execute();
    const node = await tx.selectFrom('plan_node').select(['number', 'title']).where('id', '=', r.node_id).executeTakeFirstOrThrow();
    const task = `${node.number ? `${node.number} ` : ''}${node.title}`.slice(0, 80);
    await sendNotifications(
      tx,
      reporters.map((u) => ({
        userId: u.id,
        kind: `report.${decision}`,
        title: decision === 'accept' ? `进度报送已采纳：${task}` : `进度报送被退回，请修改后重新报送：${task}`,
        body:
          decision === 'accept'
            ? `${r.period} 期（第 ${r.version} 版）已采纳。${comment}`
            : `${r.period} 期（第 ${r.version} 版）退回意见：${comment}`,
        link: `/my-tasks?plan=${plan.id}&node=${r.node_id}`,
        planId: plan.id,
        nodeId: r.node_id,
        dedupeKey: `report.${decision}:${id}:${r.row_version + 1}:${u.id}`,
      })),
    );
    record({
      action: `report.${decision}`,
      entityType: 'progress_report',
      entityId: id,
      regionCode: plan.region_code,
      before: { status: r.status, rowVersion: r.row_version },
      after: { status, comment },
    });
  });
  return loadReport(ctx.db, id);
}

/** Submitted reports (latest versions only) waiting for review, oldest first. */
export async function listReviewQueue(
  ctx: Ctx,
  planId: number,
  input: { orgId?: number | undefined; page: number; pageSize: number },
): Promise<TReviewQueue> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanManager(ctx, plan);
  // the (task, unit) pairs with a report waiting (report_tally.pending, kept by triggers: a few hundred of a
  // plan's thousands of pairs), then their submitted reports by the (node, unit, period, version) key: a large
  // plan's tens of thousands of reports are not scanned for the few awaiting review
  let q = ctx.db
    .selectFrom('report_tally as t')
    .innerJoin('progress_report as r', (j) =>
      j.onRef('r.node_id', '=', 't.node_id').onRef('r.org_id', '=', 't.org_id').on('r.status', '=', 'submitted'),
    )
    .innerJoin('plan_node as n', 'n.id', 'r.node_id')
    .innerJoin('organization as o', 'o.id', 'r.org_id')
    .where('t.plan_id', '=', planId)
    .where('t.pending', '>', 0)
    .where(
      sql<boolean>`not exists (select 1 from progress_report l where l.node_id = r.node_id and l.org_id = r.org_id and l.period = r.period and l.version > r.version and l.status <> 'draft')`,
    );
  if (input.orgId) q = q.where('t.org_id', '=', input.orgId);
  const [rows, count] = await Promise.all([
    q
      .select([
        'r.id',
        'r.node_id',
        'n.number',
        'n.title',
        'r.org_id',
        'o.name',
        'r.period',
        'r.version',
        'r.percent',
        'r.submitted_at',
        'r.row_version',
      ])
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      reportId: r.id,
      nodeId: r.node_id,
      number: r.number,
      title: r.title,
      orgId: r.org_id,
      orgName: r.name,
      period: r.period,
      version: r.version,
      percent: r.percent,
      submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
      rowVersion: r.row_version,
    })),
    total: Number(count.n),
    page: input.page,
    pageSize: input.pageSize,
  };
}
