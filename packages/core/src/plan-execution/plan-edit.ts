import {
  AppError,
  type TPlanExec,
  type TPlanMetaPatch,
  type TPlanNodeAdd,
  type TPlanNodePatch,
  type TPlanNodeReorder,
  type TPlanRevision,
} from '@kechuang/contracts';
import { sql } from 'kysely';
import type { Recorder } from '../audit/with-audit.ts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import { isPastPlan } from '../plan/create-plan.ts';
import { requirePlanManager, requirePlanReader } from './exec.policy.ts';
import { type Db, findNode, findPlan, loadPlanExec, type PlanRow } from './exec.repository.ts';

/** The plan as the editors and reporters see it (meta, scheduled tree, units, targets). */
export async function getPlanExec(ctx: Ctx, planId: number): Promise<TPlanExec> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  return loadPlanExec(ctx.db, planId);
}

/**
 * Every edit runs through here: the state before the edit is kept as a revision, and the plan's
 * version moves on only if it is still the one the editor saw (otherwise 409 common/conflict).
 */
export async function edit(
  ctx: Ctx,
  planId: number,
  version: number,
  reason: string,
  action: string,
  change: (tx: Db, plan: PlanRow, actor: Actor, record: Recorder) => Promise<unknown>,
): Promise<TPlanExec> {
  return withAudit(ctx, async (tx, record) => {
    const plan = await findPlan(tx, planId);
    const actor = requirePlanManager(ctx, plan);
    if (plan.version !== version) throw new AppError('common/conflict', { planId, version: plan.version });
    const snapshot = await loadPlanExec(tx, planId);
    await tx
      .insertInto('plan_revision')
      .values({
        plan_id: planId,
        version: plan.version,
        snapshot: JSON.stringify(snapshot),
        reason,
        changed_by: actor.userId,
        changed_at: ctx.now(),
      })
      .execute();
    const res = await tx
      .updateTable('plan')
      .set({ version: plan.version + 1, updated_at: ctx.now() })
      .where('id', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('common/conflict', { planId });
    const detail = await change(tx, plan, actor, record);
    record({
      action,
      entityType: 'plan',
      entityId: planId,
      regionCode: plan.region_code,
      before: { version },
      after: { version: version + 1, reason, ...(detail as object) },
    });
    return loadPlanExec(tx, planId);
  });
}

export async function patchPlanMeta(ctx: Ctx, planId: number, input: TPlanMetaPatch): Promise<TPlanExec> {
  const { version, reason, ...fields } = input;
  return edit(ctx, planId, version, reason, 'plan.update', async (tx, plan) => {
    const set: Record<string, unknown> = {};
    if (fields.title !== undefined) set.title = fields.title;
    if (fields.docNumber !== undefined) set.doc_number = fields.docNumber;
    if (fields.issuer !== undefined) set.issuer = fields.issuer;
    if (fields.issuedOn !== undefined) set.issued_on = fields.issuedOn;
    if (fields.year !== undefined) set.year = fields.year;
    if (fields.periodTo !== undefined) set.period_to = fields.periodTo;
    if (fields.archived !== undefined) set.archived = fields.archived;
    else {
      // moving the plan to another year moves it in or out of the archive, unless the planner says which
      const year = fields.year ?? plan.year;
      const periodTo = fields.periodTo === undefined ? plan.period_to : fields.periodTo;
      if (year !== plan.year || periodTo !== plan.period_to) set.archived = isPastPlan({ year, periodTo }, bureauDate(ctx.now()));
    }
    if (Object.keys(set).length) await tx.updateTable('plan').set(set).where('id', '=', planId).execute();
    return { fields: Object.keys(fields), ...(set.archived !== undefined ? { archived: set.archived } : {}) };
  });
}

export async function setPlanPublished(
  ctx: Ctx,
  planId: number,
  publish: boolean,
  input: { version: number; reason: string },
): Promise<TPlanExec> {
  return edit(ctx, planId, input.version, input.reason, publish ? 'plan.publish' : 'plan.unpublish', async (tx) => {
    await tx
      .updateTable('plan')
      .set(publish ? { status: 'published', published_at: ctx.now() } : { status: 'draft' })
      .where('id', '=', planId)
      .execute();
    return { status: publish ? 'published' : 'draft' };
  });
}

type NodeFields = Omit<TPlanNodePatch, 'version' | 'reason'>;

function nodeSet(f: NodeFields): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (f.number !== undefined) set.number = f.number;
  if (f.title !== undefined) set.title = f.title;
  if (f.leader !== undefined) set.leader = f.leader;
  if (f.startDate !== undefined) set.start_date = f.startDate;
  if (f.dueDate !== undefined) set.due_date = f.dueDate;
  if (f.cycle !== undefined) set.cycle = f.cycle;
  if (f.cycleDueDay !== undefined) set.cycle_due_day = f.cycleDueDay;
  if (f.customDueDates !== undefined) set.custom_due_dates = [...new Set(f.customDueDates)].sort();
  if (f.weight !== undefined) set.weight = f.weight;
  if (f.milestones !== undefined) set.milestones = JSON.stringify(f.milestones);
  return set;
}

function checkSchedule(n: { start_date: string | null; due_date: string | null; cycle: string; custom_due_dates: string[] }): void {
  if (n.start_date && n.due_date && n.start_date > n.due_date) throw new AppError('plan/invalid_schedule', { reason: 'start after due' });
  if (n.cycle === 'custom' && n.custom_due_dates.length === 0)
    throw new AppError('plan/invalid_schedule', { reason: 'custom cycle without dates' });
}

/** Moves a node under the section `parentId` (null: top level), last among its new siblings; never into its own subtree. */
async function moveNode(tx: Db, planId: number, nodeId: number, parentId: number | null): Promise<void> {
  if (parentId !== null) {
    // under a section only (tasks are not nested under tasks by a move)
    const parent = await findNode(tx, planId, parentId);
    if (parent.kind !== 'section') throw new AppError('plan/invalid_tree', { nodeId, parentId });
    const cycle = await sql<{ id: number }>`
      with recursive sub(id) as (select ${nodeId}::int union all select c.id from plan_node c join sub on c.parent_id = sub.id)
      select id from sub where id = ${parentId}`.execute(tx);
    if (cycle.rows.length > 0) throw new AppError('plan/invalid_tree', { nodeId, parentId });
  }
  await tx.updateTable('plan_node').set({ parent_id: parentId }).where('id', '=', nodeId).execute();
  await renumber(tx, planId, (p, children) => (p === parentId ? [...children.filter((c) => c !== nodeId), nodeId] : children));
}

export async function patchPlanNode(ctx: Ctx, planId: number, nodeId: number, input: TPlanNodePatch): Promise<TPlanExec> {
  const { version, reason, parentId, ...fields } = input;
  return edit(ctx, planId, version, reason, 'plan.update_node', async (tx, plan, actor) => {
    const before = await findNode(tx, planId, nodeId);
    const set = nodeSet(fields);
    const after = { ...before, ...set } as typeof before;
    checkSchedule(after);
    await tx
      .updateTable('plan_node')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', nodeId)
      .execute();
    const moved = parentId !== undefined && parentId !== before.parent_id;
    if (moved) await moveNode(tx, planId, nodeId, parentId);
    if (before.kind === 'task') {
      const changed = Object.fromEntries(Object.keys(fields).map((k) => [k, (fields as Record<string, unknown>)[k]]));
      if (moved) changed.parentId = parentId;
      await tx
        .insertInto('task_event')
        .values({
          plan_id: plan.id,
          node_id: nodeId,
          at: ctx.now(),
          actor_user_id: actor.userId,
          actor_name: actor.username,
          kind: 'edit',
          detail: JSON.stringify({ changed, reason }),
        })
        .execute();
    }
    return { nodeId, fields: Object.keys(fields), ...(moved ? { movedFrom: before.parent_id, movedTo: parentId } : {}) };
  });
}

/** Rewrites `position` so the tree reads in order: each parent before its children, children in `order`. */
async function renumber(tx: Db, planId: number, childOrder: (parentId: number | null, children: number[]) => number[]): Promise<void> {
  const nodes = await tx
    .selectFrom('plan_node')
    .select(['id', 'parent_id', 'position'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  const kids = new Map<number | null, number[]>();
  for (const n of nodes) kids.set(n.parent_id, [...(kids.get(n.parent_id) ?? []), n.id]);
  const ids: number[] = [];
  const walk = (parent: number | null) => {
    for (const id of childOrder(parent, kids.get(parent) ?? [])) {
      ids.push(id);
      walk(id);
    }
  };
  walk(null);
  if (ids.length === 0) return;
  await sql`update plan_node set position = v.pos - 1
    from unnest(${sql.val(ids)}::int[]) with ordinality as v(id, pos)
    where plan_node.id = v.id`.execute(tx);
}

export async function addPlanNode(ctx: Ctx, planId: number, input: TPlanNodeAdd): Promise<TPlanExec> {
  const { version, reason, parentId, kind, index, ...fields } = input;
  return edit(ctx, planId, version, reason, 'plan.add_node', async (tx) => {
    if (parentId !== null) await findNode(tx, planId, parentId);
    const set = nodeSet(fields);
    checkSchedule({
      start_date: (set.start_date as string | null) ?? null,
      due_date: (set.due_date as string | null) ?? null,
      cycle: (set.cycle as string) ?? 'none',
      custom_due_dates: (set.custom_due_dates as string[]) ?? [],
    });
    const row = await tx
      .insertInto('plan_node')
      .values({ plan_id: planId, parent_id: parentId, position: 1_000_000, kind, title: fields.title, ...set })
      .returning('id')
      .executeTakeFirstOrThrow();
    await renumber(tx, planId, (p, children) => {
      if (p !== parentId) return children;
      const rest = children.filter((c) => c !== row.id);
      rest.splice(Math.min(index ?? rest.length, rest.length), 0, row.id);
      return rest;
    });
    return { nodeId: row.id, title: fields.title };
  });
}

export async function removePlanNode(
  ctx: Ctx,
  planId: number,
  nodeId: number,
  input: { version: number; reason: string },
): Promise<TPlanExec> {
  return edit(ctx, planId, input.version, input.reason, 'plan.remove_node', async (tx) => {
    const node = await findNode(tx, planId, nodeId);
    const reports = await sql<{ n: string }>`
      with recursive sub(id) as (select ${nodeId}::int union all select c.id from plan_node c join sub on c.parent_id = sub.id)
      select count(*) as n from progress_report where node_id in (select id from sub)`.execute(tx);
    if (Number(reports.rows[0]?.n ?? 0) > 0) throw new AppError('plan/has_reports', { nodeId });
    await tx.deleteFrom('plan_node').where('id', '=', nodeId).execute();
    await renumber(tx, planId, (_p, c) => c);
    return { nodeId, title: node.title };
  });
}

export async function reorderPlanNodes(ctx: Ctx, planId: number, input: TPlanNodeReorder): Promise<TPlanExec> {
  return edit(ctx, planId, input.version, input.reason, 'plan.reorder', async (tx) => {
    let q = tx.selectFrom('plan_node').select('id').where('plan_id', '=', planId);
    q = input.parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', input.parentId);
    const children = (await q.execute()).map((r) => r.id);
    const order = input.order;
    if (new Set(order).size !== order.length || order.length !== children.length || order.some((id) => !children.includes(id)))
      throw new AppError('plan/invalid_order', { parentId: input.parentId });
    await renumber(tx, planId, (p, c) => (p === input.parentId ? order : c));
    return { parentId: input.parentId, order };
  });
}

export async function listPlanRevisions(ctx: Ctx, planId: number): Promise<{ items: TPlanRevision[] }> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  const rows = await ctx.db
    .selectFrom('plan_revision as v')
    .leftJoin('app_user as u', 'u.id', 'v.changed_by')
    .select(['v.id', 'v.version', 'v.reason', 'v.snapshot', 'v.changed_at', 'u.display_name'])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      reason: r.reason,
      changedBy: r.display_name,
      changedAt: r.changed_at.toISOString(),
      snapshot: r.snapshot,
    })),
  };
}
