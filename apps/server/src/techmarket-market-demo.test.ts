import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoTechmarket } from '../../../packages/core/src/demo/demo-techmarket.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoTechmarket({ ...t.ctx(), via: 'demo' }, year);
  planner = await t.login('planner');
}, 120_000);
afterAll(async () => t?.close());

describe('demo technology market of 衡阳', () => {
  it('registers its contracts and achievements through the use cases, so the indicators read them', async () => {
    const rows = await t.database.db
      .selectFrom('indicator_value')
      .select(['indicator_code', 'value'])
      .where('region_code', '=', '430400')
      .where('period', '=', String(year))
      .where('superseded_at', 'is', null)
      .where('indicator_code', 'in', ['tech_contract_turnover', 'achievement_registered_count'])
      .execute();
    const v = Object.fromEntries(rows.map((r) => [r.indicator_code, Number(r.value)]));
    // 380 + 120 + 45 + 85 万元 registered by 衡阳 sellers; four achievements of 南华大学
    expect(v).toEqual({ tech_contract_turnover: 630, achievement_registered_count: 4 });
    const c = await t.database.db
      .selectFrom('tech_contract')
      .select(['status', 'technical_amount_fen'])
      .where('name', '=', '含铊废水深度处理技术开发合同')
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ status: 'registered', technical_amount_fen: '320000000' });
  });

  it('publishes the lists, follows the event to its contract and credits the agency', async () => {
    const search = await t.app.inject({ method: 'GET', url: `/api/public/market/listings?q=${encodeURIComponent('废水铊')}` });
    expect((search.json() as { items: Array<{ title: string }> }).items.map((i) => i.title)).toContain('冶炼废水铊深度去除技术需求');
    const funnel = (await planner.request({ method: 'GET', url: `/api/techmarket/funnel?year=${year}` })).json() as {
      events: Array<{ funnel: Record<string, number> }>;
    };
    expect(funnel.events[0]?.funnel).toEqual({ demands: 2, introductions: 2, intentions: 1, contracts: 1, contractAmountFen: 380_000_000 });
    const figures = (await planner.request({ method: 'GET', url: `/api/techmarket/agency-figures?year=${year}` })).json() as {
      rows: Array<Record<string, unknown>>;
    };
    expect(figures.rows[0]).toMatchObject({
      name: '衡阳市技术转移服务中心',
      brokers: 1,
      trainedBrokers: 1,
      certifiedBrokers: 1,
      contracts: 1,
    });
  });
});
