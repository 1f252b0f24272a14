import type { TPlanDetail, TPlanSummary } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

export function selectPlans(db: Db) {
  return db
    .selectFrom('plan as p')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.doc_number',
      'p.region_code',
      'r.name as region_name',
      'p.year',
      'p.period_to',
      'p.kind',
      'p.status',
      'p.archived',
      'p.created_at',
      'u.display_name as created_by_name',
      eb
        .selectFrom('plan_node as n')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('n.plan_id', '=', 'p.id')
        .where('n.kind', '=', 'task')
        .as('task_count'),
      eb
        .selectFrom('plan_target as t')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('t.plan_id', '=', 'p.id')
        .where('t.baseline', '=', false)
        .as('target_count'),
    ]);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof selectPlans>['executeTakeFirstOrThrow']>>;

export function toPlanSummary(r: PlanRow): TPlanSummary {
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    regionCode: r.region_code,
    regionName: r.region_name,
    year: r.year,
    periodTo: r.period_to,
    kind: r.kind as TPlanSummary['kind'],
    status: r.status as TPlanSummary['status'],
    archived: r.archived,
    taskCount: Number(r.task_count ?? 0),
    targetCount: Number(r.target_count ?? 0),
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

export async function loadPlanDetail(db: Db, id: number): Promise<TPlanDetail | null> {
  const row = await selectPlans(db)
    .select(['p.issuer', 'p.issued_on', 'p.source_filename', 'p.source_text', 'p.version'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [nodes, targets] = await Promise.all([
    db.selectFrom('plan_node').selectAll().where('plan_id', '=', id).orderBy('position').execute(),
    db.selectFrom('plan_target').selectAll().where('plan_id', '=', id).orderBy('start_offset').orderBy('id').execute(),
  ]);
  return {
    ...toPlanSummary(row),
    issuer: row.issuer,
    issuedOn: row.issued_on,
    sourceFilename: row.source_filename,
    sourceText: row.source_text,
    version: row.version,
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parent_id,
      position: n.position,
      kind: n.kind as 'section' | 'task',
      number: n.number,
      title: n.title,
      start: n.start_offset,
      end: n.end_offset,
      leadUnits: n.lead_units,
      coUnits: n.co_units,
      deadline: n.deadline,
    })),
    targets: targets.map((t) => ({
      id: t.id,
      nodeId: t.node_id,
      indicatorName: t.indicator_name,
      indicatorCode: t.indicator_code,
      value: Number(t.value),
      valueMax: t.value_max === null ? null : Number(t.value_max),
      unit: t.unit,
      normalizedValue: Number(t.normalized_value),
      normalizedUnit: t.normalized_unit,
      comparator: t.comparator,
      qualifier: t.qualifier,
      kind: t.kind as TPlanDetail['targets'][number]['kind'],
      targetYear: t.target_year,
      quote: t.quote,
      start: t.start_offset,
      end: t.end_offset,
      baseline: t.baseline,
    })),
  };
}
