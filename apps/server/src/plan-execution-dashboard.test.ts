import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bureauDay, createExecPlan, type ExecPlan, orgIdOf, planVersion, taskOf } from './plan-execution-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let leiyang: Client;
let plan: ExecPlan;
const year = Number(bureauDay().slice(0, 4));
const ids = { bureau: 0, leiyang: 0, hengnan: 0 };

beforeAll(async () => {
  t = await createTestApp();
  [planner, leiyang] = await Promise.all([t.login('planner'), t.login('reporter.leiyang')]);
  plan = await createExecPlan(planner, year);
  ids.bureau = await orgIdOf(t, '衡阳市科学技术局');
  ids.leiyang = await orgIdOf(t, '耒阳市人民政府');
  ids.hengnan = await orgIdOf(t, '衡南县人民政府');
  const put = (n: string, lead: number[], co: number[] = []) =>
    planner.request({ method: 'PUT', url: `/api/plans/${plan.id}/nodes/${taskOf(plan, n)}/assignments`, payload: { lead, co } });
  await put('1', [ids.bureau], [ids.leiyang]);
  await put('2', [ids.leiyang]);
  await put('3', [ids.hengnan]);
  await planner.request({
    method: 'PATCH',
    url: `/api/plans/${plan.id}/nodes/${taskOf(plan, '2')}`,
    payload: { version: await planVersion(t, plan.id), cycle: 'monthly', weight: 3 },
  });
  await planner.request({
    method: 'PATCH',
    url: `/api/plans/${plan.id}/nodes/${taskOf(plan, '3')}`,
    payload: { version: await planVersion(t, plan.id), cycle: 'quarterly' },
  });
  const pub = await planner.request({
    method: 'POST',
    url: `/api/plans/${plan.id}/publish`,
    payload: { version: await planVersion(t, plan.id) },
  });
  expect(pub.statusCode, pub.body).toBe(200);
  const target = plan.targets.find((x) => x.indicatorName === '科技型中小企业新增') as { id: number };
  const draft = await leiyang.request({
    method: 'POST',
    url: '/api/plan-reports',
    payload: {
      nodeId: taskOf(plan, '2'),
      period: `${year}-01`,
      narrative: '一月进展',
      percent: 100,
      selfStatus: 'done',
      values: [{ targetId: target.id, value: 120 }],
    },
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const sub = await leiyang.request({
    method: 'POST',
    url: `/api/plan-reports/${draft.json().id}/submit`,
    payload: { rowVersion: draft.json().rowVersion },
  });
  await planner.request({
    method: 'POST',
    url: `/api/plan-reports/${draft.json().id}/accept`,
    payload: { rowVersion: sub.json().rowVersion },
  });
});
afterAll(async () => t?.close());

describe('dashboard', () => {
  it('counts statuses, explains them, and scores units', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const total = Object.values(d.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(3);
    expect(d.counts.done).toBe(1);
    expect(d.sections.map((s: { title: string }) => s.title)).toEqual(['培育创新主体', '优化创新生态']);
    expect(d.trend.find((p: { period: string }) => p.period === `${year}-01`)).toMatchObject({
      reportsSubmitted: 1,
      reportsOnTime: 0,
      avgPercent: 100,
    });
    expect(d.trend).toHaveLength(12);
    expect(d.reviewPending).toBe(0);
    const inc = d.targets.find((x: { indicatorName: string }) => x.indicatorName === '科技型中小企业新增');
    expect(inc).toMatchObject({ target: 100, actual: 120, status: 'met', actualSource: 'report' });
  });

  it('progress on a fixed date: overdue quarters for 衡南, scorecard, explanations', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/progress?asOf=${year}-08-01` });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    const t3 = p.tasks.find((x: { nodeId: number }) => x.nodeId === taskOf(plan, '3'));
    expect(t3).toMatchObject({ status: 'overdue_unreported', overdueSlots: 2, sectionTitle: '优化创新生态' });
    expect(t3.statusReason).toBe(`有 2 期进度逾期未报（最早为 ${year}Q1 期，应于 ${year}-04-05 前报送） → 逾期未报`);
    const hn = p.units.find((u: { orgId: number }) => u.orgId === ids.hengnan);
    expect(hn).toMatchObject({ tasks: 1, lagging: 1, slotsDue: 2, slotsOnTime: 0, onTimeRate: 0 });
    const t1 = p.tasks.find((x: { nodeId: number }) => x.nodeId === taskOf(plan, '1'));
    // no reporting cycle, nothing reported: 58% of the year gone at 0% → severely lagging
    expect(t1.status).toBe('severely_lagging');
    expect(t1.statusReason).toMatch(/^已过时间 58%，尚无报送（按 0% 计），落后 58 个百分点 ≥ 30 → 严重滞后$/);
  });

  it('filters by section and by unit', async () => {
    const s2 = plan.nodes.find((n) => n.number === '二')?.id;
    const bySection = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard?sectionId=${s2}` })).json();
    expect(Object.values(bySection.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1);
    expect(bySection.sections).toHaveLength(1);
    expect(bySection.targets).toEqual([]);
    const byUnit = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard?orgId=${ids.leiyang}` })).json();
    expect(Object.values(byUnit.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2);
    expect(byUnit.units.map((u: { orgId: number }) => u.orgId)).toEqual([ids.leiyang]);
    const bad = await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard?sectionId=999999` });
    expect(bad.json().code).toBe('plan/node_not_found');
  });

  it('a target with an indicator code takes its actual from the indicators module and names the source', async () => {
    const before = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    const rd = (d: { targets: Array<{ indicatorCode: string | null; statusReason: string; actualSourceLabel: string | null }> }) =>
      d.targets.find((x) => x.indicatorCode === 'rd_intensity');
    expect(rd(before)).toMatchObject({ actual: null, actualSource: null, status: 'no_data', baseline: 2 });
    // the demo holds the counties' R&D and GDP up to last year: the city's ratio rolls up from them
    expect(rd(before)?.statusReason).toMatch(new RegExp(`^指标库尚无衡阳市 ${year} 年实际值（最近为 \\d{4} 年：[\\d.]+） → 暂无数据$`));
    await t.database.db
      .insertInto('indicator_value')
      .values({
        indicator_code: 'rd_intensity',
        region_code: '430400',
        period: String(year),
        kind: 'actual',
        value: '2.6',
        source: 'manual',
      })
      .execute();
    const after = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    expect(rd(after)).toMatchObject({
      actual: 2.6,
      actualSource: 'indicator',
      status: 'met',
    });
    expect(rd(after)?.actualSourceLabel).toMatch(new RegExp(`^指标库 ${year} 年实际值（衡阳市，\\d{4}-\\d{2}-\\d{2} 录入）$`));
  });

  it('binds and unbinds a target to a catalogue indicator (audited, with a revision); an unknown code writes nothing', async () => {
    const rdRow = (d: { targets: Array<{ targetId: number; indicatorCode: string | null; indicatorName: string }> }) =>
      d.targets.find((x) => x.indicatorName === '研发经费投入强度');
    const start = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    const target = rdRow(start) as { targetId: number; indicatorCode: string | null };
    expect(target.indicatorCode).toBe('rd_intensity');
    const bind = (indicatorCode: string | null, who: Client = planner) =>
      planVersion(t, plan.id).then((version) =>
        who.request({
          method: 'PUT',
          url: `/api/plans/${plan.id}/targets/${target.targetId}/indicator`,
          payload: { version, indicatorCode },
        }),
      );
    const unbound = await bind(null);
    expect(unbound.statusCode, unbound.body).toBe(200);
    const afterUnbind = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    expect(rdRow(afterUnbind)).toMatchObject({ indicatorCode: null, actual: null, status: 'no_data' });
    expect((rdRow(afterUnbind) as unknown as { statusReason: string }).statusReason).toBe(
      '未绑定指标库指标，责任单位也未报送实际值 → 暂无数据',
    );

    const version = await planVersion(t, plan.id);
    const bad = await bind('no_such_indicator');
    expect(bad.statusCode).toBe(404);
    expect(bad.json().code).toBe('indicator/not_found');
    expect(await planVersion(t, plan.id)).toBe(version);
    expect((await bind('rd_intensity', leiyang)).statusCode).toBe(403);

    expect((await bind('rd_intensity')).statusCode).toBe(200);
    const rebound = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    expect(rdRow(rebound)).toMatchObject({ indicatorCode: 'rd_intensity', actual: 2.6, actualSource: 'indicator' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'plan.target_bind')
      .where('entity_id', '=', String(plan.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => (a.after as { indicatorCode: string | null }).indicatorCode)).toEqual([null, 'rd_intensity']);
  });

  it('reporters and enterprises cannot read the dashboard', async () => {
    for (const c of [leiyang, await t.login('enterprise')]) {
      const res = await c.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` });
      expect(res.statusCode).toBe(403);
    }
  });
});
