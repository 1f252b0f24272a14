import type { DB, Kysely } from '@kechuang/db';

/**
 * A small plan for the plan-execution tests, written straight to the tables: 衡阳 2026, one section,
 * a monthly task (lead 耒阳, co 衡南) with a target, a quarterly task (lead 衡南) and a task without
 * a reporting cycle.
 */
export interface PlanFixture {
  planId: number;
  sectionId: number;
  monthly: number;
  quarterly: number;
  noCycle: number;
  targetId: number;
  leiyang: number;
  hengnan: number;
}

async function orgId(db: Kysely<DB>, name: string): Promise<number> {
  return (await db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function createPlanFixture(
  db: Kysely<DB>,
  opts: { status?: 'draft' | 'published'; regionCode?: string; title?: string } = {},
): Promise<PlanFixture> {
  const planId = (
    await db
      .insertInto('plan')
      .values({
        region_code: opts.regionCode ?? '430400',
        title: opts.title ?? '衡阳市2026年科技工作要点',
        doc_number: '衡科发〔2026〕1号',
        year: 2026,
        kind: 'plan',
        status: opts.status ?? 'published',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const node = async (values: Record<string, unknown>) =>
    (
      await db
        .insertInto('plan_node')
        .values({ plan_id: planId, start_offset: 0, end_offset: 0, ...values } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const sectionId = await node({ parent_id: null, position: 0, kind: 'section', number: '一、', title: '强化科技创新主体' });
  const monthly = await node({
    parent_id: sectionId,
    position: 1,
    kind: 'task',
    number: '1.',
    title: '培育高新技术企业',
    lead_units: ['耒阳市人民政府'],
    co_units: ['衡南县人民政府'],
    leader: '王副局长',
    start_date: '2026-01-01',
    due_date: '2026-12-31',
    cycle: 'monthly',
    cycle_due_day: 5,
    weight: 2,
  });
  const quarterly = await node({
    parent_id: sectionId,
    position: 2,
    kind: 'task',
    number: '2.',
    title: '建设科技创新平台',
    lead_units: ['衡南县人民政府'],
    due_date: '2026-12-31',
    cycle: 'quarterly',
    cycle_due_day: 5,
  });
  const noCycle = await node({ parent_id: sectionId, position: 3, kind: 'task', number: '3.', title: '完善科技政策体系' });
  const leiyang = await orgId(db, '耒阳市人民政府');
  const hengnan = await orgId(db, '衡南县人民政府');
  await db
    .insertInto('plan_assignment')
    .values([
      { plan_id: planId, node_id: monthly, org_id: leiyang, role: 'lead' },
      { plan_id: planId, node_id: monthly, org_id: hengnan, role: 'co' },
      { plan_id: planId, node_id: quarterly, org_id: hengnan, role: 'lead' },
    ])
    .execute();
  const targetId = (
    await db
      .insertInto('plan_target')
      .values({
        plan_id: planId,
        node_id: monthly,
        indicator_name: '高新技术企业数',
        value: 600,
        unit: '家',
        normalized_value: 600,
        normalized_unit: '家',
        kind: 'level',
        target_year: 2026,
        quote: '高新技术企业总数突破600家',
        start_offset: 0,
        end_offset: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return { planId, sectionId, monthly, quarterly, noCycle, targetId, leiyang, hengnan };
}

/** A submitted report of (task, unit, period), as a reporter's submission leaves it. */
export async function submitReportRow(
  db: Kysely<DB>,
  f: { planId: number; nodeId: number; orgId: number; period: string; periodEnd: string; dueDate: string; percent?: number },
): Promise<number> {
  return (
    await db
      .insertInto('progress_report')
      .values({
        plan_id: f.planId,
        node_id: f.nodeId,
        org_id: f.orgId,
        period: f.period,
        period_end: f.periodEnd,
        due_date: f.dueDate,
        status: 'submitted',
        narrative: '按计划推进',
        percent: f.percent ?? 30,
        submitted_at: new Date(`${f.dueDate}T01:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
