import { AppError, regionContains, type TAssignmentBulk, type TAssignmentBulkResult } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requirePlanManager } from './exec.policy.ts';
import { type Db, findPlan, groupAssignments, loadAssignments, type PlanRow, selectNodes, toExecNode } from './exec.repository.ts';

type Role = 'lead' | 'co';
interface OrgRow {
  id: number;
  name: string;
}
interface NodeChange {
  nodeId: number;
  added: Array<[number, Role]>;
  removed: Array<[number, Role]>;
  before: Array<[number, Role]>;
}

/** The first few items of a list, for a zh-CN message. */
const few = (items: Array<string | number>) => items.slice(0, 10).join('、') + (items.length > 10 ? ` 等 ${items.length} 项` : '');
type Found = Map<number, { kind: string; number: string; title: string }>;
/** How a node is named in a message: its number and title as the planner sees them. */
const label = (found: Found, id: number) => {
  const n = found.get(id);
  return n ? `“${`${n.number} ${n.title}`.trim().slice(0, 40)}”` : String(id);
};

/**
 * 批量分工: the same lead and co-units on many tasks of a plan at once. Everything is checked first
 * (every id a task of this plan, every unit assignable exactly as for one task, no unit both lead and
 * co, every task left with a lead when it has units); then all of it is written in one transaction
 * with set-based statements, one timeline event per changed task (as the single path writes) and one
 * audit row for the whole action. Any invalid item refuses the request and nothing is written.
 */
export async function setAssignmentsBulk(ctx: Ctx, planId: number, input: TAssignmentBulk): Promise<TAssignmentBulkResult> {
  const nodeIds = [...new Set(input.nodeIds)];
  const lead = [...new Set(input.lead)];
  const co = [...new Set(input.co)];
  if (lead.some((id) => co.includes(id))) throw new AppError('plan/invalid_lead', { lead, co });
  if (input.mode === 'replace' && lead.length === 0) throw new AppError('plan/invalid_lead', { lead, co });
  if (lead.length + co.length === 0) throw new AppError('plan/invalid_lead', { lead, co });
  return withAudit(ctx, async (tx, record) => {
    const plan = await findPlan(tx, planId);
    const actor = requirePlanManager(ctx, plan);
    const found = await checkNodes(tx, planId, nodeIds);
    const orgs = await checkOrgs(tx, plan, [...lead, ...co]);

    const before = await loadAssignments(tx, planId, nodeIds);
    const hadByNode = new Map<number, Map<number, Role>>();
    for (const a of before) {
      const m = hadByNode.get(a.node_id) ?? new Map<number, Role>();
      m.set(a.org_id, a.role as Role);
      hadByNode.set(a.node_id, m);
    }
    const changes: NodeChange[] = [];
    const leadless: number[] = [];
    for (const nodeId of nodeIds) {
      const had = hadByNode.get(nodeId) ?? new Map<number, Role>();
      const want = wanted(input.mode, had, lead, co);
      if (![...want.values()].includes('lead')) leadless.push(nodeId);
      const added = [...want].filter(([id, role]) => had.get(id) !== role);
      const removed = [...had].filter(([id]) => !want.has(id));
      if (added.length || removed.length) changes.push({ nodeId, added, removed, before: [...had] });
    }
    if (leadless.length)
      throw new AppError(
        'plan/bulk_lead_missing',
        { nodeIds: leadless },
        `以下任务尚无牵头单位：${few(leadless.map((id) => label(found, id)))}`,
      );

    if (changes.length) {
      await writeChanges(tx, planId, changes);
      const names = new Map<number, string>([
        ...before.map((b) => [b.org_id, b.name] as const),
        ...orgs.map((o) => [o.id, o.name] as const),
      ]);
      const name = (id: number) => names.get(id) ?? String(id);
      const at = ctx.now();
      const details = changes.map((c) =>
        JSON.stringify({
          assigned: c.added.map(([orgId, role]) => ({ orgId, name: name(orgId), role })),
          removed: c.removed.map(([orgId, role]) => ({ orgId, name: name(orgId), role })),
          bulk: true,
        }),
      );
      await sql`
        insert into task_event (plan_id, node_id, at, actor_user_id, actor_name, kind, detail)
        select ${planId}, e.node_id, ${at}, ${actor.userId}, ${actor.username}, 'assign', e.detail::jsonb
        from unnest(${sql.val(changes.map((c) => c.nodeId))}::int[], ${sql.val(details)}::text[]) as e(node_id, detail)
      `.execute(tx);
    }
    record({
      action: 'plan.assign_bulk',
      entityType: 'plan',
      entityId: planId,
      regionCode: plan.region_code,
      before: changes.length ? { assignments: changes.map((c) => ({ nodeId: c.nodeId, units: c.before })) } : undefined,
      after: { mode: input.mode, nodeIds, lead, co, changedNodeIds: changes.map((c) => c.nodeId) },
    });

    const [nodes, after] = await Promise.all([
      selectNodes(tx)
        .where('n.plan_id', '=', planId)
        .where(sql<boolean>`n.id = any(${sql.val(nodeIds)}::int[])`)
        .orderBy('n.position')
        .execute(),
      loadAssignments(tx, planId, nodeIds),
    ]);
    const byNode = groupAssignments(after);
    return { updated: changes.length, nodes: nodes.map((n) => toExecNode(n, byNode.get(n.id))) };
  });
}

/** The units a task should have after the action. */
function wanted(mode: TAssignmentBulk['mode'], had: Map<number, Role>, lead: number[], co: number[]): Map<number, Role> {
  if (mode === 'replace')
    return new Map<number, Role>([...lead.map((id) => [id, 'lead'] as const), ...co.map((id) => [id, 'co'] as const)]);
  const want = new Map(had);
  for (const id of lead) want.set(id, 'lead');
  for (const id of co) if (!want.has(id)) want.set(id, 'co');
  return want;
}

/** Every id must be a task of this plan. */
async function checkNodes(tx: Db, planId: number, nodeIds: number[]): Promise<Found> {
  const rows = await tx
    .selectFrom('plan_node')
    .select(['id', 'kind', 'number', 'title'])
    .where('plan_id', '=', planId)
    .where(sql<boolean>`id = any(${sql.val(nodeIds)}::int[])`)
    .execute();
  const found: Found = new Map(rows.map((r) => [r.id, r]));
  const unknown = nodeIds.filter((id) => !found.has(id));
  if (unknown.length) throw new AppError('plan/bulk_unknown_nodes', { nodeIds: unknown }, `以下任务不存在或不属于本计划：${few(unknown)}`);
  const notTasks = nodeIds.filter((id) => found.get(id)?.kind !== 'task');
  if (notTasks.length)
    throw new AppError(
      'plan/not_a_task',
      { nodeIds: notTasks },
      `以下所选项是章节而非任务：${few(notTasks.map((id) => label(found, id)))}`,
    );
  return found;
}

/** The same rule as for one task: an existing, enabled, non-enterprise organisation of the plan's region subtree. */
async function checkOrgs(tx: Db, plan: PlanRow, ids: number[]): Promise<OrgRow[]> {
  const orgs = await tx
    .selectFrom('organization')
    .select(['id', 'name', 'region_code', 'disabled_at', 'kind'])
    .where(sql<boolean>`id = any(${sql.val(ids)}::int[])`)
    .execute();
  const bad = ids.filter((id) => {
    const o = orgs.find((x) => x.id === id);
    return !o || o.disabled_at !== null || !regionContains(plan.region_code, o.region_code) || o.kind === 'enterprise';
  });
  if (bad.length) throw new AppError('plan/invalid_org', { orgIds: bad, orgId: bad[0] });
  return orgs;
}

/**
 * Two statements whatever the number of tasks: delete the touched (task, unit) pairs, insert the new ones
 * (a pair a concurrent writer inserted meanwhile takes the role asked for here instead of failing).
 */
async function writeChanges(tx: Db, planId: number, changes: NodeChange[]): Promise<void> {
  const del = changes.flatMap((c) => [...c.removed, ...c.added].map(([orgId]) => [c.nodeId, orgId] as const));
  const ins = changes.flatMap((c) => c.added.map(([orgId, role]) => [c.nodeId, orgId, role] as const));
  if (del.length)
    await sql`
      delete from plan_assignment a
      using unnest(${sql.val(del.map((d) => d[0]))}::int[], ${sql.val(del.map((d) => d[1]))}::int[]) as t(node_id, org_id)
      where a.node_id = t.node_id and a.org_id = t.org_id and a.plan_id = ${planId}
    `.execute(tx);
  if (ins.length)
    await sql`
      insert into plan_assignment (plan_id, node_id, org_id, role)
      select ${planId}, t.node_id, t.org_id, t.role
      from unnest(${sql.val(ins.map((i) => i[0]))}::int[], ${sql.val(ins.map((i) => i[1]))}::int[], ${sql.val(ins.map((i) => i[2]))}::text[])
        as t(node_id, org_id, role)
      on conflict (node_id, org_id) do update set role = excluded.role
    `.execute(tx);
}
