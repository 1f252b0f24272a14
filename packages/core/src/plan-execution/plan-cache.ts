import type { TOrgRef } from '@kechuang/contracts';
import { sql } from 'kysely';
import {
  type AssignmentRow,
  type Db,
  groupAssignments,
  loadTargets,
  type NodeRow,
  type PlanRow,
  type TargetRow,
} from './exec.repository.ts';
import { jsonRows } from './progress.queries.ts';

/**
 * Read models of a plan kept in memory per database handle: its task tree and targets (per plan
 * version, which every edit moves on) and its assignments (per assignment version, which a trigger
 * moves on with every write to them, 0009). Reports, tallies and units' names are always read afresh.
 */

export interface PlanStructure {
  nodes: ProgressNode[];
  targetRows: TargetRow[];
  sectionIds: Map<number, number | null>;
  nodeById: Map<number, ProgressNode>;
}

/**
 * One value per plan and database handle, kept while the plan's `version` (whichever version the
 * value depends on) stays the same; a failed load is forgotten.
 */
function perPlanVersion<T>(): (db: Db, planId: number, version: number, load: () => Promise<T>) => Promise<T> {
  const byDb = new WeakMap<object, Map<number, { version: number; value: Promise<T> }>>();
  return (db, planId, version, load) => {
    let byPlan = byDb.get(db);
    if (!byPlan) {
      byPlan = new Map();
      byDb.set(db, byPlan);
    }
    const hit = byPlan.get(planId);
    if (hit && hit.version === version) return hit.value;
    const entry = { version, value: load() };
    if (byPlan.size >= 50) byPlan.clear();
    byPlan.set(planId, entry);
    const plans = byPlan;
    entry.value.catch(() => plans.get(planId) === entry && plans.delete(planId));
    return entry.value;
  };
}

/** A plan's tasks and targets as of its version: they change only with an edit, which moves it on. */
const structures = perPlanVersion<PlanStructure>();

export function planStructure(db: Db, plan: Pick<PlanRow, 'id' | 'version'>): Promise<PlanStructure> {
  return structures(db, plan.id, plan.version, () => loadStructure(db, plan.id));
}

async function loadStructure(db: Db, planId: number): Promise<PlanStructure> {
  const [nodes, targetRows] = await Promise.all([
    jsonRows<ProgressNode>(
      db,
      db
        .selectFrom('plan_node as n')
        // only what progress needs, as one JSON value: decoding rows costs on the embedded database
        .select([
          'n.id',
          'n.parent_id',
          'n.position',
          'n.kind',
          'n.number',
          'n.title',
          'n.start_date',
          'n.due_date',
          'n.cycle',
          'n.cycle_due_day',
          'n.custom_due_dates',
          'n.weight',
        ])
        .where('n.plan_id', '=', planId),
    ).then((ns) => ns.sort((a, b) => a.position - b.position || a.id - b.id)),
    loadTargets(db, planId),
  ]);
  return { nodes, targetRows, sectionIds: sectionOf(nodes), nodeById: new Map(nodes.map((n) => [n.id, n])) };
}

export type AssignmentLink = Pick<AssignmentRow, 'node_id' | 'org_id' | 'role'>;

/** A plan's assignments (task, unit, role), lead before co per task, as of its assignment version. */
const assignmentLinks = perPlanVersion<AssignmentLink[]>();

export function planAssignmentLinks(db: Db, plan: Pick<PlanRow, 'id' | 'assignment_version'>): Promise<AssignmentLink[]> {
  return assignmentLinks(db, plan.id, plan.assignment_version, () =>
    jsonRows<AssignmentLink & { id: number }>(
      db,
      db.selectFrom('plan_assignment as a').select(['a.node_id', 'a.org_id', 'a.role', 'a.id']).where('a.plan_id', '=', plan.id),
    ).then((as) =>
      as
        .sort((a, b) => a.node_id - b.node_id || (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1) || a.id - b.id)
        .map(({ node_id, org_id, role }) => ({ node_id, org_id, role })),
    ),
  );
}

/** The units' current names, by id. */
export async function orgNames(db: Db, orgIds: Iterable<number>): Promise<Map<number, { name: string; short_name: string | null }>> {
  const ids = [...new Set(orgIds)];
  if (ids.length === 0) return new Map();
  const orgs = await db
    .selectFrom('organization')
    .select(['id', 'name', 'short_name'])
    .where(sql<boolean>`id = any(${sql.val(ids)}::int[])`)
    .execute();
  return new Map(orgs.map((o) => [o.id, o]));
}

/** A plan's assignments with the units' current names. */
export async function planAssignments(db: Db, plan: Pick<PlanRow, 'id' | 'assignment_version'>): Promise<AssignmentRow[]> {
  const links = await planAssignmentLinks(db, plan);
  const names = await orgNames(
    db,
    links.map((l) => l.org_id),
  );
  return links.map((l) => ({ ...l, name: names.get(l.org_id)?.name ?? '', short_name: names.get(l.org_id)?.short_name ?? null }));
}

export type OrgsByNode = ReadonlyMap<number, { lead: TOrgRef[]; co: TOrgRef[] }>;

/** The units each link names, once per links list (thousands of links name a few dozen units). */
const linkOrgIds = new WeakMap<AssignmentLink[], number[]>();
const grouped = new WeakMap<AssignmentLink[], { names: string; value: OrgsByNode }>();

/**
 * A plan's lead and co-units by task with their current names (shared: callers must not change it). The
 * grouping is kept while the assignments and the units' names stay the same, and is then the same object:
 * the progress memo (plan-progress.ts) knows by it that no task's units changed.
 */
export async function planOrgsByNode(db: Db, plan: Pick<PlanRow, 'id' | 'assignment_version'>): Promise<OrgsByNode> {
  const links = await planAssignmentLinks(db, plan);
  let ids = linkOrgIds.get(links);
  if (!ids) {
    ids = [...new Set(links.map((l) => l.org_id))].sort((a, b) => a - b);
    linkOrgIds.set(links, ids);
  }
  const names = await orgNames(db, ids);
  const signature = ids.map((id) => `${id}\u0001${names.get(id)?.name ?? ''}\u0001${names.get(id)?.short_name ?? ''}`).join('\u0002');
  const hit = grouped.get(links);
  if (hit && hit.names === signature) return hit.value;
  const value = groupAssignments(
    links.map((l) => ({ ...l, name: names.get(l.org_id)?.name ?? '', short_name: names.get(l.org_id)?.short_name ?? null })),
  );
  grouped.set(links, { names: signature, value });
  return value;
}

export type ProgressNode = Pick<
  NodeRow,
  'id' | 'parent_id' | 'position' | 'kind' | 'number' | 'title' | 'start_date' | 'due_date' | 'cycle' | 'cycle_due_day' | 'custom_due_dates'
> & { weight: number | string };

/** Top-level section of every node (the section it belongs to for filters and roll-up). */
export function sectionOf(nodes: Pick<NodeRow, 'id' | 'parent_id' | 'kind'>[]): Map<number, number | null> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, number | null>();
  for (const n of nodes) {
    let top: number | null = null;
    let cur = n.parent_id === null ? undefined : byId.get(n.parent_id);
    for (let guard = 0; cur && guard < 100; guard++) {
      if (cur.kind === 'section') top = cur.id;
      cur = cur.parent_id === null ? undefined : byId.get(cur.parent_id);
    }
    out.set(n.id, top);
  }
  return out;
}
