import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
beforeAll(async () => {
  t = await createTestApp({ demoPlan: true });
  planner = await t.login('planner');
});
afterAll(async () => t?.close());

describe('the 衡阳 demo plan', () => {
  it('is published with assigned tasks and reports, so the dashboard, inbox and review queue are not empty', async () => {
    const plan = await t.database.db.selectFrom('plan').select(['id', 'status', 'year']).executeTakeFirstOrThrow();
    expect(plan.status).toBe('published');
    const d = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    expect(Object.values(d.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(6);
    expect(d.units.length).toBeGreaterThanOrEqual(4);
    expect(d.targets.map((x: { indicatorName: string }) => x.indicatorName)).toEqual(
      expect.arrayContaining(['高新技术企业净增', '研发经费投入强度']),
    );
    const leiyang = await t.login('reporter.leiyang');
    const inbox = (await leiyang.request({ method: 'GET', url: '/api/plan-inbox' })).json();
    expect(inbox.items.length).toBeGreaterThanOrEqual(3);
    const detail = await leiyang.request({ method: 'GET', url: `/api/plans/${plan.id}/tasks/${inbox.items[0].nodeId}` });
    expect(detail.statusCode, detail.body).toBe(200);
    // the timeline names people by their display names, as for events the API writes
    const names = new Set(detail.json().timeline.map((e: { actorName: string | null }) => e.actorName));
    if (new Date().getUTCMonth() >= 4) expect(names.size).toBeGreaterThan(0);
    expect(names.has(null)).toBe(false);
    expect(names.has('planner')).toBe(false);
    // in January nothing is due yet; from February on there are reports
    if (new Date().getUTCMonth() >= 1) expect(d.trend.some((p: { reportsSubmitted: number }) => p.reportsSubmitted > 0)).toBe(true);
  });

  it('binds targets to the catalogue: their actuals are live and agree with the registry the funnel counts', async () => {
    const plan = await t.database.db.selectFrom('plan').select(['id', 'year']).executeTakeFirstOrThrow();
    const d = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    const funnel = (await planner.request({ method: 'GET', url: `/api/enterprises/funnel?region=430400&year=${plan.year}` })).json();
    const count = (rung: string) => (funnel.rungs as Array<{ rung: string; count: number }>).find((r) => r.rung === rung)?.count;
    type Target = { indicatorCode: string | null; actual: number | null; actualSource: string | null; actualSourceLabel: string | null };
    const byCode = (code: string) => (d.targets as Target[]).find((x) => x.indicatorCode === code);
    // a few hundred enterprises on the ladder, not four
    expect(count('techSme')).toBeGreaterThan(200);
    expect(byCode('tech_sme_count')).toMatchObject({ actual: count('techSme'), actualSource: 'indicator' });
    expect(byCode('hnte_count')).toMatchObject({ actual: count('hnte'), actualSource: 'indicator' });
    expect(byCode('tech_sme_count')?.actualSourceLabel).toContain('由下级地区汇总');
    // reports in every state
    const states = await t.database.db.selectFrom('progress_report').select('status').distinct().execute();
    if (new Date().getUTCMonth() >= 2)
      expect(new Set(states.map((x) => x.status))).toEqual(new Set(['accepted', 'submitted', 'returned', 'draft']));
  });
});
