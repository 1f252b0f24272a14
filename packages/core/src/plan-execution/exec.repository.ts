import { AppError, type TExecNode, type TOrgRef, type TPlanExec, type TPlanExecTarget } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { isoDate } from './reporting-cycle.ts';

export type Db = Kysely<DB> | Transaction<DB>;

export interface PlanRow {
  id: number;
  region_code: string;
  region_name: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  year: number;
  period_to: number | null;
  status: string;
  published_at: Date | null;
  version: number;
  /** moves on with every write to the plan's assignments */
  assignment_version: number;
  /** kept for the record: no reminders, no overdue periods */
  archived: boolean;
}

export async function findPlan(db: Db, id: number): Promise<PlanRow> {
  const row = await db
    .selectFrom('plan as p')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.region_code',
      'r.name as region_name',
      'p.title',
      'p.doc_number',
      'p.issuer',
      'p.issued_on',
      'p.year',
      'p.period_to',
      'p.status',
      'p.published_at',
      'p.version',
      'p.assignment_version',
      'p.archived',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('plan/not_found', { id });
  return row;
}

/** The span a plan runs over: its year, or year..periodTo. */
export function planWindow(plan: Pick<PlanRow, 'year' | 'period_to'>): { start: string; end: string } {
  return { start: isoDate(plan.year, 1, 1), end: isoDate(Math.max(plan.year, plan.period_to ?? plan.year), 12, 31) };
}

export const nodeColumns = [
  'n.id',
  'n.plan_id',
  'n.parent_id',
  'n.position',
  'n.kind',
  'n.number',
  'n.title',
  'n.lead_units',
  'n.co_units',
  'n.deadline',
  'n.leader',
  'n.start_date',
  'n.due_date',
  'n.cycle',
  'n.cycle_due_day',
  'n.custom_due_dates',
  'n.weight',
  'n.milestones',
  'n.version',
] as const;

export function selectNodes(db: Db) {
  return db.selectFrom('plan_node as n').select(nodeColumns);
}
export type NodeRow = Awaited<ReturnType<ReturnType<typeof selectNodes>['executeTakeFirstOrThrow']>>;

export async function findNode(db: Db, planId: number, nodeId: number): Promise<NodeRow> {
  const row = await selectNodes(db).where('n.id', '=', nodeId).where('n.plan_id', '=', planId).executeTakeFirst();
  if (!row) throw new AppError('plan/node_not_found', { planId, nodeId });
  return row;
}

export interface AssignmentRow {
  node_id: number;
  org_id: number;
  role: string;
  name: string;
  short_name: string | null;
}

export async function loadAssignments(db: Db, planId: number, nodeIds?: number[]): Promise<AssignmentRow[]> {
  let q = db
    .selectFrom('plan_assignment as a')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .select(['a.node_id', 'a.org_id', 'a.role', 'o.name', 'o.short_name'])
    .where('a.plan_id', '=', planId);
  if (nodeIds) {
    if (nodeIds.length === 0) return [];
    q = q.where('a.node_id', 'in', nodeIds);
  }
  return q.orderBy('a.node_id').orderBy('a.role', 'desc').orderBy('a.id').execute();
}

export function groupAssignments(rows: AssignmentRow[]): Map<number, { lead: TOrgRef[]; co: TOrgRef[] }> {
  const map = new Map<number, { lead: TOrgRef[]; co: TOrgRef[] }>();
  for (const r of rows) {
    let g = map.get(r.node_id);
    if (!g) {
      g = { lead: [], co: [] };
      map.set(r.node_id, g);
    }
    (r.role === 'lead' ? g.lead : g.co).push({ orgId: r.org_id, name: r.name, shortName: r.short_name });
  }
  return map;
}

export function milestonesOf(raw: unknown): TExecNode['milestones'] {
  if (!Array.isArray(raw)) return [];
  return raw.map((m: { title?: unknown; due?: unknown; done?: unknown }) => ({
    title: String(m.title ?? ''),
    due: typeof m.due === 'string' ? m.due : null,
    done: m.done === true,
  }));
}

export function toExecNode(n: NodeRow, orgs: { lead: TOrgRef[]; co: TOrgRef[] } | undefined): TExecNode {
  return {
    id: n.id,
    parentId: n.parent_id,
    position: n.position,
    kind: n.kind as TExecNode['kind'],
    number: n.number,
    title: n.title,
    leadUnits: n.lead_units,
    coUnits: n.co_units,
    deadline: n.deadline,
    leader: n.leader,
    startDate: n.start_date,
    dueDate: n.due_date,
    cycle: n.cycle as TExecNode['cycle'],
    cycleDueDay: n.cycle_due_day,
    customDueDates: n.custom_due_dates,
    weight: Number(n.weight),
    milestones: milestonesOf(n.milestones),
    version: n.version,
    leadOrgs: orgs?.lead ?? [],
    coOrgs: orgs?.co ?? [],
  };
}

export interface TargetRow {
  id: number;
  node_id: number | null;
  indicator_name: string;
  indicator_code: string | null;
  value: string;
  value_max: string | null;
  unit: string;
  comparator: string | null;
  kind: string;
  target_year: number | null;
  baseline: boolean;
}

export function loadTargets(db: Db, planId: number): Promise<TargetRow[]> {
  return db
    .selectFrom('plan_target')
    .select([
      'id',
      'node_id',
      'indicator_name',
      'indicator_code',
      'value',
      'value_max',
      'unit',
      'comparator',
      'kind',
      'target_year',
      'baseline',
    ])
    .where('plan_id', '=', planId)
    .orderBy('start_offset')
    .orderBy('id')
    .execute();
}

export function toExecTarget(t: TargetRow): TPlanExecTarget {
  return {
    id: t.id,
    nodeId: t.node_id,
    indicatorName: t.indicator_name,
    indicatorCode: t.indicator_code,
    value: Number(t.value),
    valueMax: t.value_max === null ? null : Number(t.value_max),
    unit: t.unit,
    comparator: t.comparator,
    kind: t.kind,
    targetYear: t.target_year,
    baseline: t.baseline,
  };
}

export async function loadPlanExec(db: Db, planId: number): Promise<TPlanExec> {
  const plan = await findPlan(db, planId);
  const [nodes, assignments, targets] = await Promise.all([
    selectNodes(db).where('n.plan_id', '=', planId).orderBy('n.position').execute(),
    loadAssignments(db, planId),
    loadTargets(db, planId),
  ]);
  const byNode = groupAssignments(assignments);
  return {
    id: plan.id,
    title: plan.title,
    docNumber: plan.doc_number,
    issuer: plan.issuer,
    issuedOn: plan.issued_on,
    regionCode: plan.region_code,
    regionName: plan.region_name,
    year: plan.year,
    periodTo: plan.period_to,
    status: plan.status as TPlanExec['status'],
    publishedAt: plan.published_at ? plan.published_at.toISOString() : null,
    archived: plan.archived,
    version: plan.version,
    nodes: nodes.map((n) => toExecNode(n, byNode.get(n.id))),
    targets: targets.map(toExecTarget),
  };
}

/** Timeline entry, written in the same transaction as the change it records. */
export async function addTaskEvent(
  tx: Db,
  e: {
    planId: number;
    nodeId: number;
    actorUserId: number | null;
    actorName: string | null;
    kind: string;
    reportId?: number | null;
    detail?: unknown;
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('task_event')
    .values({
      plan_id: e.planId,
      node_id: e.nodeId,
      at: e.at,
      actor_user_id: e.actorUserId,
      actor_name: e.actorName,
      kind: e.kind,
      report_id: e.reportId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

/**
 * Read-through of the process cache (switched on only for the embedded, single-process database, and
 * cleared after every committed mutation), for the heavy read models: progress, dashboard, inbox.
 */
export async function cached<T>(
  cache: { enabled: boolean; get<V>(k: string): V | undefined; set(k: string, v: unknown): void },
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!cache.enabled) return load();
  const hit = cache.get<Promise<T>>(key);
  if (hit) return hit;
  const p = load();
  cache.set(key, p);
  try {
    return await p;
  } catch (e) {
    cache.set(key, undefined);
    throw e;
  }
}
