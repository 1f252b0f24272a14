import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// two cores shared with other runs: give each view time to load
const later = expect.configure({ timeout: 15_000 });

// 地图: the product ships no boundaries (docs/decisions/0008-map-boundaries.md); an admin uploads a
// GeoJSON file for 衡阳, sees the match report, and the map colours the counties by the demo values.
// The file is synthetic: one rectangle per county, never real boundaries.

interface Region {
  code: string;
  name: string;
}

function rectangles(counties: Region[]) {
  return {
    type: 'FeatureCollection',
    features: counties.map((c, i) => {
      const [x, y] = [112 + (i % 4) * 0.3, 27.2 - Math.floor(i / 4) * 0.3];
      return {
        type: 'Feature',
        properties: { adcode: c.code, name: c.name },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.28, y],
              [x + 0.28, y + 0.28],
              [x, y + 0.28],
              [x, y],
            ],
          ],
        },
      };
    }),
  };
}

test('an admin uploads boundaries for 衡阳 and the map shows an indicator by county', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'admin');

  // 衡阳's county-level regions from the region table; development zones (xxxx7x) have no official boundary
  const res = await page.request.get('/api/regions?parent=430400');
  expect(res.ok()).toBe(true);
  const counties = ((await res.json()) as Region[]).filter((r) => r.code[4] !== '7');
  expect(counties).toHaveLength(12);

  await page.goto('/indicators/map');
  const view = page.getByTestId('indicator-map');
  // no boundary yet: the empty state explains the 审图号 and offers the upload
  await later(page.getByTestId('map-empty')).toContainText('审图号');
  await page.getByTestId('map-note').fill('e2e 合成矩形（非真实边界）');
  await view
    .locator('input[type=file]')
    .setInputFiles({ name: '衡阳.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(rectangles(counties))) });

  // the match report: 12 matched, the 3 development zones without a feature
  const report = page.getByTestId('map-report');
  await later(report).toContainText('匹配 12 个下级地区');
  await expect(page.getByTestId('map-report-missing')).toContainText('3 个下级地区没有对应的要素');
  await expect(page.getByTestId('map-report-missing')).toContainText('衡阳综合保税区');
  await expect(report).toContainText('耒阳市');

  // the map: an indicator with demo data (2022–2025 for 衡阳's counties)
  await expect(page.getByTestId('map-source')).toContainText('e2e 合成矩形');
  const chart = page.getByTestId('indicator-map-chart');
  await later(chart.locator('canvas')).toBeVisible();
  await expect(view).toContainText('衡阳市下级地区');
  // the canvas has drawn something: more than one colour among its pixels
  await page.waitForTimeout(1000);
  const colours = await chart.locator('canvas').evaluate((el) => {
    // the DOM types are not in the e2e project's lib: describe the little that is used
    type Canvas = {
      width: number;
      height: number;
      getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
    const c = el as unknown as Canvas;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 16) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(10);
  await shot(page, (n) => info.outputPath(n), 'indicator-map');

  // a refused file lists the features that match no county, and keeps the stored map
  const bad = rectangles([...counties.slice(0, 2), { code: '430100', name: '长沙市' }]);
  await expect(page.getByTestId('map-replace')).toBeVisible();
  await view
    .locator('input[type=file]')
    .setInputFiles({ name: '错误.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bad)) });
  await later(report).toContainText('未保存');
  await expect(report).toContainText('430100');
  await expect(chart.locator('canvas')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'indicator-map-rejected');

  // leave the installation as it was: later journeys expect no boundary file (the tile grid)
  const csrf = (await page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
  expect((await page.request.delete('/api/indicators/boundaries/430400', { headers: { 'x-csrf-token': csrf } })).ok()).toBe(true);
  expect(problems).toEqual([]);
});
