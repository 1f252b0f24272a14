import type { DB, Transaction } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import { reportingSlots } from '../plan-execution/reporting-cycle.ts';

/*
 * The demo's running plan: 衡阳's 工作要点 for the current year, published, six tasks assigned
 * to the demo units (耒阳, 衡南, the bureau, 发改委, 高新区) with monthly or quarterly reporting, and the
 * reports of the months already due — accepted, one awaiting review, one returned, one missing — so the
 * dashboard, the inbox and the review queue have something to show. Written directly, in a few inserts.
 */
type Task = { number: string; title: string; lead: string; co?: string; cycle: 'monthly' | 'quarterly'; pace: number; miss?: boolean };
const sections: Array<{ number: string; title: string; tasks: Task[] }> = [
  {
    number: '一',
    title: '培育壮大创新主体',
    tasks: [
      {
        number: '1',
        title: '实施高新技术企业倍增计划，全年净增高新技术企业 180 家',
        lead: 'bureau',
        co: 'leiyang',
        cycle: 'monthly',
        pace: 1.0,
      },
      { number: '2', title: '壮大科技型中小企业，在库企业达到 300 家', lead: 'leiyang', cycle: 'monthly', pace: 0.7 },
      {
        number: '3',
        title: '支持企业建设研发机构，新增省级以上研发平台 10 个',
        lead: 'hengnan',
        cycle: 'quarterly',
        pace: 0.9,
        miss: true,
      },
    ],
  },
  {
    number: '二',
    title: '优化科技创新生态',
    tasks: [
      { number: '4', title: '提升研发经费投入强度，全社会研发投入增长 12%', lead: 'drc', co: 'bureau', cycle: 'quarterly', pace: 1.05 },
      { number: '5', title: '建设衡阳高新区科技成果转化中心', lead: 'park', co: 'hengnan', cycle: 'monthly', pace: 0.4 },
      { number: '6', title: '推进技术合同登记，技术合同成交额达到 40 亿元', lead: 'leiyang', co: 'bureau', cycle: 'quarterly', pace: 1.0 },
    ],
  },
];

export async function loadDemoPlan(tx: Transaction<DB>, orgs: Map<string, number>, users: Map<string, number>, now: Date): Promise<void> {
  const today = bureauDate(now);
  const year = Number(today.slice(0, 4));
  const planner = users.get('planner') ?? null;
  const { id: planId } = await tx
    .insertInto('plan')
    .values({
      region_code: '430400',
      title: `衡阳市${year}年科技创新工作要点（演示）`,
      doc_number: `衡科发〔${year}〕1号`,
      issuer: '衡阳市科学技术局',
      year,
      kind: 'plan',
      status: 'published',
      published_at: now,
      created_by: planner,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  const reports: Array<Record<string, unknown>> = [];
  const targetValues: Array<{ nodeNumber: string; period: string; value: number }> = [];
  const nodeIds = new Map<string, number>();
  for (const s of sections) {
    const { id: sectionId } = await tx
      .insertInto('plan_node')
      .values({ plan_id: planId, parent_id: null, position: position++, kind: 'section', number: s.number, title: s.title })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const t of s.tasks) {
      const { id } = await tx
        .insertInto('plan_node')
        .values({
          plan_id: planId,
          parent_id: sectionId,
          position: position++,
          kind: 'task',
          number: t.number,
          title: t.title,
          cycle: t.cycle,
          cycle_due_day: 5,
          weight: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      nodeIds.set(t.number, id);
      const lead = orgs.get(t.lead) as number;
      await tx
        .insertInto('plan_assignment')
        .values([
          { plan_id: planId, node_id: id, org_id: lead, role: 'lead' },
          ...(t.co ? [{ plan_id: planId, node_id: id, org_id: orgs.get(t.co) as number, role: 'co' }] : []),
        ])
        .execute();
      const slots = reportingSlots({ cycle: t.cycle, dueDay: 5, customDueDates: [], startDate: null, dueDate: null }, year).filter(
        (x) => x.dueDate < today,
      );
      slots.forEach((slot, i) => {
        const last = i === slots.length - 1;
        if (t.miss && last) return; // 逾期未报
        // every state a report can be in: accepted, awaiting review (5), returned (2), a draft not yet submitted (6),
        // and missing (3, 逾期未报)
        const status =
          last && t.number === '2' ? 'returned' : last && t.number === '5' ? 'submitted' : last && t.number === '6' ? 'draft' : 'accepted';
        const percent = Math.min(100, Math.round(((Number(slot.periodEnd.slice(5, 7)) / 12) * 100 * t.pace) / 5) * 5);
        const submitted = new Date(`${slot.dueDate}T10:00:00+08:00`);
        submitted.setUTCDate(submitted.getUTCDate() - ((i + Number(t.number)) % 4) + (i % 5 === 4 ? 4 : 0));
        reports.push({
          plan_id: planId,
          node_id: id,
          org_id: lead,
          period: slot.period,
          period_end: slot.periodEnd,
          due_date: slot.dueDate,
          version: 1,
          status,
          narrative: `${slot.period} 期：${t.title.split('，')[0]}工作按计划推进，累计完成 ${percent}%。`,
          percent,
          self_status: t.pace >= 0.9 ? 'on_track' : t.pace >= 0.6 ? 'at_risk' : 'lagging',
          submitted_at: status === 'draft' ? null : submitted,
          submitted_by:
            status === 'draft'
              ? null
              : (users.get(t.lead === 'leiyang' ? 'reporter.leiyang' : t.lead === 'hengnan' ? 'reporter.hengnan' : 'planner') ?? null),
          created_by: users.get(t.lead === 'leiyang' ? 'reporter.leiyang' : t.lead === 'hengnan' ? 'reporter.hengnan' : 'planner') ?? null,
          reviewed_at: status === 'submitted' || status === 'draft' ? null : new Date(submitted.getTime() + 2 * 86_400_000),
          reviewed_by: status === 'submitted' || status === 'draft' ? null : planner,
          review_comment: status === 'returned' ? '请补充入库企业名单及佐证材料' : null,
          created_at: submitted,
          updated_at: submitted,
        });
        if (t.number === '1') targetValues.push({ nodeNumber: '1', period: slot.period, value: Math.round((180 * percent) / 100) });
      });
    }
  }
  const targets = await tx
    .insertInto('plan_target')
    .values([
      target(planId, nodeIds.get('1') ?? null, '高新技术企业净增', null, 180, '家', 'increment', year, false),
      // bound to the catalogue: live actuals counted from the demo registry (rolled up from the counties)
      target(planId, nodeIds.get('1') ?? null, '高新技术企业数', 'hnte_count', 110, '家', 'level', year, false),
      target(planId, nodeIds.get('2') ?? null, '科技型中小企业数', 'tech_sme_count', 300, '家', 'level', year, false),
      target(planId, null, '研发经费投入强度', 'rd_intensity', 2.4, '%', 'level', year, false),
      target(planId, null, '研发经费投入强度', 'rd_intensity', 2.2, '%', 'level', year, true),
      target(planId, nodeIds.get('6') ?? null, '技术合同成交额', null, 40, '亿元', 'level', year, false),
    ])
    .returning(['id', 'node_id'])
    .execute();
  if (reports.length === 0) return;
  const rows = await tx
    .insertInto('progress_report')
    .values(reports as never)
    .returning(['id', 'node_id', 'period', 'status', 'submitted_at', 'submitted_by', 'reviewed_at'])
    .execute();
  const hnteTarget = targets.find((x) => x.node_id === nodeIds.get('1'))?.id;
  const values = rows.flatMap((r) => {
    const v = targetValues.find((x) => nodeIds.get(x.nodeNumber) === r.node_id && x.period === r.period);
    return v && hnteTarget ? [{ report_id: r.id, target_id: hnteTarget, value: v.value }] : [];
  });
  if (values.length) await tx.insertInto('report_target_value').values(values).execute();
  // the timeline names people by their accounts, as events written by the API do
  const usernames = new Map([...users].map(([name, id]) => [id, name]));
  const events = rows
    .filter((r) => r.status !== 'draft')
    .flatMap((r) => [
      {
        plan_id: planId,
        node_id: r.node_id,
        at: r.submitted_at ?? now,
        actor_user_id: r.submitted_by,
        actor_name: r.submitted_by === null ? null : (usernames.get(r.submitted_by) ?? null),
        kind: 'report.submit',
        report_id: r.id,
        detail: JSON.stringify({ period: r.period, version: 1 }),
      },
      ...(r.status === 'submitted'
        ? []
        : [
            {
              plan_id: planId,
              node_id: r.node_id,
              at: r.reviewed_at ?? now,
              actor_user_id: planner,
              actor_name: 'planner',
              kind: r.status === 'accepted' ? 'report.accept' : 'report.return',
              report_id: r.id,
              detail: JSON.stringify({ period: r.period, version: 1 }),
            },
          ]),
    ]);
  await tx.insertInto('task_event').values(events).execute();
}

function target(
  planId: number,
  nodeId: number | null,
  name: string,
  code: string | null,
  value: number,
  unit: string,
  kind: string,
  year: number,
  baseline: boolean,
) {
  return {
    plan_id: planId,
    node_id: nodeId,
    indicator_name: name,
    indicator_code: code,
    value,
    unit,
    normalized_value: value,
    normalized_unit: unit,
    kind,
    target_year: baseline ? year - 1 : year,
    baseline,
  };
}
