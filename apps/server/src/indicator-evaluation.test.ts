import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyScheme, startWithCountyValues } from './indicator-evaluation-fixture.ts';
import type { Client, TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
beforeAll(async () => {
  ({ t, planner } = await startWithCountyValues());
});
afterAll(async () => t?.close());

const scheme = countyScheme('衡阳市县市区科技创新考评（测试）', [
  { name: '第一梯队', minScore: 60 },
  { name: '第二梯队', minScore: 45 },
  { name: '第三梯队', minScore: 0 },
]);

describe('evaluation runs over the API', () => {
  let schemeId = 0;
  let runId = 0;

  it('stores a scheme checked by the engine and the catalog', async () => {
    const bad = await planner.request({
      method: 'POST',
      url: '/api/indicators/evaluations',
      payload: {
        ...scheme,
        definition: {
          groups: [
            {
              ...scheme.definition.groups[0],
              children: [{ kind: 'indicator', code: 'nope', weight: 1, polarity: 'positive', normalisation: { method: 'minmax' } }],
            },
          ],
        },
      },
    });
    expect(bad.json().code).toBe('indicator/invalid_scheme');
    const res = await planner.request({ method: 'POST', url: '/api/indicators/evaluations', payload: scheme });
    expect(res.statusCode, res.body).toBe(200);
    schemeId = res.json().id;
    expect(res.json()).toMatchObject({ level: 3, parentRegionName: '衡阳市', createdBy: 'planner', version: 1 });
    const other = await (await t.login('planner.changsha')).request({
      method: 'POST',
      url: `/api/indicators/evaluations/${schemeId}/runs`,
      payload: { year: 2019 },
    });
    expect(other.statusCode).toBe(403);
  });

  it('computes scores from rolled-up / derived values, ranks with 进退位 against the stored previous run, tiers and sensitivity', async () => {
    const first = await planner.request({
      method: 'POST',
      url: `/api/indicators/evaluations/${schemeId}/runs`,
      payload: { year: 2018, samples: 50 },
    });
    expect(first.statusCode, first.body).toBe(200);
    // only regions with at least one value are evaluated: 2 counties in 2018 (the others are named as 未参评)
    expect(first.json()).toMatchObject({ year: 2018, regionCount: 2, previousRanksFrom: 'none' });
    const res = await planner.request({
      method: 'POST',
      url: `/api/indicators/evaluations/${schemeId}/runs`,
      payload: { year: 2019, samples: 50 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    runId = run.id;
    expect(run.previousRanksFrom).toBe('run');
    // rd_intensity is derived (R&D / GDP) for each county: 3 derived + 3 stored hnte_count values
    expect(run.origins).toEqual({ stored: 3, rolledUp: 0, derived: 3 });
    const top = run.result.results
      .slice(0, 3)
      .map((r: Record<string, unknown>) => [r.code, r.score, r.rank, r.previousRank, r.rankChange, r.tier]);
    // 430422: 1.36% / 2.5 → 54.4 × 0.75 + min(120 / 100, 1) × 100 × 0.25 = 40.8 + 25 = 65.8
    // 430481: 1.0% → 40 × 0.75 + 80 × 0.25 = 30 + 20 = 50
    // 430405: 1.2% → 48 × 0.75 + 50 × 0.25 = 36 + 12.5 = 48.5
    // 2018: 430405 3% → 100 × 0.75 = 75 (rank 1), 430422 1% → 30 (rank 2); 430481 had no data (not evaluated)
    expect(top).toEqual([
      ['430422', 65.8, 1, 2, 1, '第一梯队'],
      ['430481', 50, 2, null, null, '第二梯队'],
      ['430405', 48.5, 3, 1, -2, '第二梯队'],
    ]);
    expect(run.result.results).toHaveLength(3);
    expect(run.result.method.notes.join('')).toMatch(/未参评（方案内所有指标均无数据）：.*衡东县/);
    expect(run.sensitivity['430422']).toMatchObject({ rank: 1, minRank: expect.any(Number), maxRank: expect.any(Number) });
  });

  it('lists runs, reads a run and one region breakdown, exports the run', async () => {
    const list = await planner.request({ method: 'GET', url: `/api/indicators/evaluations/${schemeId}/runs` });
    expect(list.json().map((r: { year: number }) => r.year)).toEqual([2019, 2018]);
    const province = await t.login('province');
    const read = await province.request({ method: 'GET', url: `/api/indicators/evaluation-runs/${runId}` });
    expect(read.statusCode).toBe(200);
    const one = await planner.request({ method: 'GET', url: `/api/indicators/evaluation-runs/${runId}/regions/430422` });
    expect(one.statusCode, one.body).toBe(200);
    const rd = one.json().region.indicators.find((b: { code: string }) => b.code === 'rd_intensity');
    expect(rd).toMatchObject({ raw: 1.36, normalised: 54.4, effectiveWeight: 0.75 });
    expect(rd.contribution).toBeCloseTo(40.8, 9);
    const xlsx = await planner.request({ method: 'GET', url: `/api/indicators/evaluation-runs/${runId}/export` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['排名', '得分明细', '方法说明']);
    expect(book.getWorksheet('排名')?.getRow(2).values).toEqual(expect.arrayContaining([1, '430422', 65.8, '进 1', '第一梯队']));
    expect(book.getWorksheet('得分明细')?.rowCount).toBe(1 + 3 * 2);
    const missing = await planner.request({ method: 'GET', url: `/api/indicators/evaluation-runs/${runId}/regions/430102` });
    expect(missing.statusCode).toBe(404);
  });

  it('the demo scheme ranks the counties of 衡阳 on the demo data, with derived ratios', async () => {
    const schemes = await planner.request({ method: 'GET', url: '/api/indicators/evaluations?region=430400' });
    const demo = schemes.json().find((x: { name: string }) => x.name.includes('示例'));
    expect(demo).toBeDefined();
    const res = await planner.request({
      method: 'POST',
      url: `/api/indicators/evaluations/${demo.id}/runs`,
      payload: { year: 2025, samples: 20 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run.previousRanksFrom).toBe('computed');
    expect(run.origins.derived).toBeGreaterThan(0);
    const ranked = run.result.results.filter((r: { missing: string[] }) => r.missing.length === 0);
    expect(ranked.length).toBe(12); // the twelve counties; the three zones have no demo data
    const profile = await planner.request({ method: 'GET', url: '/api/indicators/profile?region=430400&fromYear=2022&toYear=2025' });
    const rd = profile.json().rows.find((x: { indicator: { code: string } }) => x.indicator.code === 'rd_intensity');
    expect(rd.cells[3]).toMatchObject({ actual: { origin: 'derived', coverage: { covered: 12, total: 15 } }, target: { value: 2.2 } });
  });

  it('deletes a scheme with its runs, on the confirmed version only, audited', async () => {
    const count = async (table: 'evaluation_scheme' | 'evaluation_run', id: number) =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((e) => e.fn.countAll<string>().as('n'))
            .where(table === 'evaluation_scheme' ? 'id' : 'scheme_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('evaluation_run', schemeId)).toBe(2);
    const stale = await planner.request({ method: 'DELETE', url: `/api/indicators/evaluations/${schemeId}?version=7` });
    expect(stale.statusCode).toBe(409);
    const other = await (await t.login('planner.changsha')).request({
      method: 'DELETE',
      url: `/api/indicators/evaluations/${schemeId}?version=1`,
    });
    expect(other.statusCode).toBe(403);
    expect(await count('evaluation_scheme', schemeId)).toBe(1);

    const res = await planner.request({ method: 'DELETE', url: `/api/indicators/evaluations/${schemeId}?version=1` });
    expect(res.statusCode, res.body).toBe(200);
    expect(await count('evaluation_scheme', schemeId)).toBe(0);
    expect(await count('evaluation_run', schemeId)).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['before'])
      .where('action', '=', 'indicator.scheme.delete')
      .where('entity_id', '=', String(schemeId))
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ name: scheme.name, runs: 2 });
    const again = await planner.request({ method: 'GET', url: `/api/indicators/evaluations/${schemeId}` });
    expect(again.json().code).toBe('indicator/scheme_not_found');
  });
});
