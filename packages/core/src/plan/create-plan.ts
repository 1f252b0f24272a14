import {
  AppError,
  type TPlanCreate,
  type TPlanDetail,
  type TPlanNodeInput,
  type TPlanSummary,
  type TPlanTargetInput,
} from '@kechuang/contracts';
import { type AuditInput, withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import { assertRegionScope, requireRole } from '../policy.ts';
import { findRegion } from '../region/region.repository.ts';
import { loadPlanDetail } from './plan.repository.ts';

/** Parents before children, in input order otherwise; refuses unknown parents and cycles. */
export function orderTree(nodes: TPlanNodeInput[]): TPlanNodeInput[] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  if (byKey.size !== nodes.length) throw new AppError('plan/invalid_tree', { reason: 'duplicate key' });
  const out: TPlanNodeInput[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: TPlanNodeInput) => {
    const s = state.get(n.key);
    if (s === 'done') return;
    if (s === 'visiting') throw new AppError('plan/invalid_tree', { reason: 'cycle', key: n.key });
    state.set(n.key, 'visiting');
    if (n.parentKey !== null) {
      const parent = byKey.get(n.parentKey);
      if (!parent) throw new AppError('plan/invalid_tree', { reason: 'unknown parent', key: n.key });
      visit(parent);
    }
    state.set(n.key, 'done');
    out.push(n);
  };
  for (const n of nodes) visit(n);
  return out;
}

/** A plan whose last year ended before the bureau's today (an archive unless the planner says otherwise). */
export function isPastPlan(plan: { year: number; periodTo: number | null }, today: string): boolean {
  return Math.max(plan.year, plan.periodTo ?? plan.year) < Number(today.slice(0, 4));
}

/** Who may create the plan and whether its tree holds together: the checks made before anything is written. */
export function checkPlanCreate(ctx: Ctx, input: TPlanCreate): { actor: Actor; ordered: TPlanNodeInput[] } {
  const actor = requireRole(ctx, 'admin', 'planner');
  assertRegionScope(actor, input.regionCode);
  const ordered = orderTree(input.nodes);
  const keys = new Set(input.nodes.map((n) => n.key));
  for (const t of input.targets)
    if (t.nodeKey !== null && !keys.has(t.nodeKey)) throw new AppError('plan/invalid_tree', { reason: 'unknown target node' });
  return { actor, ordered };
}

/** The plan row as both the one-transaction path and the job write it. */
export function planRow(ctx: Ctx, actor: Actor, input: TPlanCreate) {
  return {
    region_code: input.regionCode,
    title: input.title,
    doc_number: input.docNumber,
    issuer: input.issuer,
    issued_on: input.issuedOn,
    year: input.year,
    period_to: input.periodTo,
    kind: input.kind,
    source_filename: input.sourceFilename,
    source_text: input.sourceText,
    archived: input.archived ?? isPastPlan(input, bureauDate(ctx.now())),
    created_by: actor.userId,
  };
}

/** A node's row, its parent named by id (parents come first in `orderTree`'s order). */
export function nodeRow(planId: number, position: number, n: TPlanNodeInput, ids: Map<string, number>) {
  return {
    plan_id: planId,
    parent_id: n.parentKey === null ? null : (ids.get(n.parentKey) as number),
    position,
    kind: n.kind,
    number: n.number,
    title: n.title,
    start_offset: n.start,
    end_offset: n.end,
    lead_units: n.leadUnits,
    co_units: n.coUnits,
    deadline: n.deadline,
  };
}

export function targetRow(planId: number, t: TPlanTargetInput, ids: Map<string, number>) {
  return {
    plan_id: planId,
    node_id: t.nodeKey === null ? null : (ids.get(t.nodeKey) as number),
    indicator_name: t.indicatorName,
    indicator_code: t.indicatorCode,
    value: t.value,
    value_max: t.valueMax,
    unit: t.unit,
    normalized_value: t.normalizedValue,
    normalized_unit: t.normalizedUnit,
    comparator: t.comparator,
    qualifier: t.qualifier,
    kind: t.kind,
    target_year: t.targetYear,
    quote: t.quote,
    start_offset: t.start,
    end_offset: t.end,
    baseline: t.baseline,
  };
}

/** The audit row of a created plan, the same whichever path created it. */
export function planCreatedAudit(input: TPlanCreate, plan: TPlanSummary): AuditInput {
  return {
    action: 'plan.create',
    entityType: 'plan',
    entityId: plan.id,
    regionCode: input.regionCode,
    after: {
      title: plan.title,
      year: plan.year,
      docNumber: plan.docNumber,
      tasks: plan.taskCount,
      targets: plan.targetCount,
      source: input.sourceFilename,
      archived: plan.archived,
    },
  };
}

/**
 * Creates a plan with its tree and targets in one transaction (the confirm step of the importer). A large plan
 * is created by a job instead (startPlanCreate), in chunks, so that other requests are not held meanwhile.
 */
export async function createPlan(ctx: Ctx, input: TPlanCreate): Promise<TPlanDetail> {
  const { actor, ordered } = checkPlanCreate(ctx, input);
  return withAudit(ctx, async (tx, record) => {
    const region = await findRegion(tx, input.regionCode);
    if (!region) throw new AppError('region/not_found', { code: input.regionCode });
    const { id } = await tx
      .insertInto('plan')
      .values(planRow(ctx, actor, input))
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = new Map<string, number>();
    // one insert per node, parents first, so each child can name its parent's id
    for (const [position, n] of ordered.entries()) {
      const row = await tx
        .insertInto('plan_node')
        .values(nodeRow(id, position, n, ids))
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(n.key, row.id);
    }
    if (input.targets.length > 0)
      await tx
        .insertInto('plan_target')
        .values(input.targets.map((t) => targetRow(id, t, ids)))
        .execute();
    const plan = (await loadPlanDetail(tx, id)) as TPlanDetail;
    record(planCreatedAudit(input, plan));
    return plan;
  });
}
