import { AppError, regionContains, type TAssignmentSet, type TAssignmentSuggestions, type TExecNode } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { requirePlanManager } from './exec.policy.ts';
import { addTaskEvent, findNode, findPlan, groupAssignments, loadAssignments, selectNodes, toExecNode } from './exec.repository.ts';

/** Sets the lead and co-units of a task; the change goes on the task's timeline. */
export async function setAssignments(ctx: Ctx, planId: number, nodeId: number, input: TAssignmentSet): Promise<TExecNode> {
  const lead = [...new Set(input.lead)];
  const co = [...new Set(input.co)];
  if (lead.some((id) => co.includes(id)) || (lead.length === 0 && co.length > 0)) throw new AppError('plan/invalid_lead', { lead, co });
  return withAudit(ctx, async (tx, record) => {
    const plan = await findPlan(tx, planId);
    const actor = requirePlanManager(ctx, plan);
    const node = await findNode(tx, planId, nodeId);
    if (node.kind !== 'task') throw new AppError('plan/not_a_task', { nodeId });
    const ids = [...lead, ...co];
    const orgs = ids.length
      ? await tx.selectFrom('organization').select(['id', 'name', 'region_code', 'disabled_at', 'kind']).where('id', 'in', ids).execute()
      : [];
    for (const id of ids) {
      const o = orgs.find((x) => x.id === id);
      if (!o || o.disabled_at !== null || !regionContains(plan.region_code, o.region_code) || o.kind === 'enterprise')
        throw new AppError('plan/invalid_org', { orgId: id });
    }
    const before = await loadAssignments(tx, planId, [nodeId]);
    const want = new Map<number, string>([...lead.map((id) => [id, 'lead'] as const), ...co.map((id) => [id, 'co'] as const)]);
    const had = new Map(before.map((a) => [a.org_id, a.role]));
    const added = [...want].filter(([id, role]) => had.get(id) !== role);
    const removed = [...had].filter(([id]) => !want.has(id));
    if (removed.length || added.length) {
      const touched = [...removed.map(([id]) => id), ...added.map(([id]) => id)];
      await tx.deleteFrom('plan_assignment').where('node_id', '=', nodeId).where('org_id', 'in', touched).execute();
      if (added.length)
        await tx
          .insertInto('plan_assignment')
          .values(added.map(([orgId, role]) => ({ plan_id: planId, node_id: nodeId, org_id: orgId, role })))
          .execute();
      const name = (id: number) => orgs.find((o) => o.id === id)?.name ?? before.find((b) => b.org_id === id)?.name ?? String(id);
      const detail = {
        assigned: added.map(([orgId, role]) => ({ orgId, name: name(orgId), role })),
        removed: removed.map(([orgId, role]) => ({ orgId, name: name(orgId), role })),
      };
      await addTaskEvent(tx, {
        planId,
        nodeId,
        actorUserId: actor.userId,
        actorName: actor.username,
        kind: 'assign',
        detail,
        at: ctx.now(),
      });
      record({
        action: 'plan.assign',
        entityType: 'plan_node',
        entityId: nodeId,
        regionCode: plan.region_code,
        before: before.map((b) => ({ orgId: b.org_id, role: b.role })),
        after: [...want].map(([orgId, role]) => ({ orgId, role })),
      });
    } else {
      record({
        action: 'plan.assign',
        entityType: 'plan_node',
        entityId: nodeId,
        regionCode: plan.region_code,
        after: { unchanged: true },
      });
    }
    const after = groupAssignments(await loadAssignments(tx, planId, [nodeId]));
    return toExecNode(await findNode(tx, planId, nodeId), after.get(nodeId));
  });
}

const abbreviations: Array<[RegExp, string]> = [
  [/科学技术/g, '科技'],
  [/发展和改革委员会|发展改革委员会|发展改革委/g, '发改委'],
  [/工业和信息化/g, '工信'],
  [/人力资源和社会保障/g, '人社'],
  [/市场监督管理/g, '市场监管'],
  [/住房和城乡建设/g, '住建'],
  [/农业农村/g, '农业农村'],
  [/管理委员会/g, '管委会'],
  [/人民政府/g, '政府'],
];

/** Comparable form of a unit name: abbreviations applied, the plan region's name and a leading 市/县/区 dropped. */
export function normalizeUnit(name: string, regionName: string): string {
  let s = name.replace(/[\s（）()·]/g, '');
  for (const [re, to] of abbreviations) s = s.replace(re, to);
  if (regionName && s.startsWith(regionName)) s = s.slice(regionName.length);
  const bare = regionName.replace(/[市县区州盟]$/, '');
  if (bare.length >= 2 && s.startsWith(bare)) s = s.slice(bare.length).replace(/^[市县区]/, '');
  return s.replace(/^[市县区]/, '');
}

function matches(unit: string, alias: string): boolean {
  if (!unit || !alias) return false;
  if (unit === alias) return true;
  return (unit.length >= 3 && alias.includes(unit)) || (alias.length >= 3 && unit.includes(alias));
}

/** Suggests organisations for each task by matching the imported 牵头/配合单位 names. */
export async function suggestAssignments(ctx: Ctx, planId: number): Promise<TAssignmentSuggestions> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanManager(ctx, plan);
  const [orgs, nodes] = await Promise.all([
    ctx.db
      .selectFrom('organization')
      .select(['id', 'name', 'short_name', 'kind', 'region_code'])
      .where('region_code', 'like', subtreePattern(plan.region_code))
      .where('disabled_at', 'is', null)
      .where('kind', '!=', 'enterprise')
      .orderBy('region_code')
      .orderBy('name')
      .execute(),
    selectNodes(ctx.db).where('n.plan_id', '=', planId).where('n.kind', '=', 'task').orderBy('n.position').execute(),
  ]);
  const aliases = orgs.map((o) => ({
    o,
    names: [...new Set([o.name, o.short_name].filter((x): x is string => !!x).map((x) => normalizeUnit(x, plan.region_name)))],
  }));
  const find = (unit: string) => {
    const u = normalizeUnit(unit, plan.region_name);
    const exact = aliases.find((a) => a.names.includes(u));
    return exact ?? aliases.find((a) => a.names.some((n) => matches(u, n)));
  };
  const tasks = nodes.map((n) => {
    const unmatched: string[] = [];
    const pick = (names: string[]) => {
      const out: Array<{ orgId: number; name: string; shortName: string | null; matched: string }> = [];
      for (const name of names) {
        const hit = find(name);
        if (!hit) unmatched.push(name);
        else if (!out.some((x) => x.orgId === hit.o.id))
          out.push({ orgId: hit.o.id, name: hit.o.name, shortName: hit.o.short_name, matched: name });
      }
      return out;
    };
    const lead = pick(n.lead_units);
    const co = pick(n.co_units).filter((c) => !lead.some((l) => l.orgId === c.orgId));
    return { nodeId: n.id, number: n.number, title: n.title, lead, co, unmatched };
  });
  return {
    orgs: orgs.map((o) => ({ orgId: o.id, name: o.name, shortName: o.short_name, kind: o.kind, regionCode: o.region_code })),
    tasks,
  };
}
