import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// two cores shared with other runs: give each view time to load
const later = expect.configure({ timeout: 15_000 });

// 地图 on a fresh installation (no boundary file, docs/decisions/0008): never an empty tab — a tile grid
// of 衡阳's child regions coloured by the indicator, with the upload path for the real map explained.
test('without a boundary file the map tab shows a tile grid of the child regions', async ({ page }, info) => {
  await signIn(page, 'planner');
  const children = await (await page.request.get('/api/regions?parent=430400')).json();
  await page.goto('/indicators/map');
  const grid = page.getByTestId('tile-grid');
  await later(grid).toBeVisible();
  await expect(grid.getByTestId('tile')).toHaveCount((children as unknown[]).length);
  await expect(grid.getByTestId('tile').filter({ hasText: '耒阳市' })).toContainText(/\d/);
  // darker is better: the first-ranked county is the darkest tile
  await expect(grid.getByText('第 1 名').first()).toBeVisible();
  await expect(page.getByTestId('map-empty')).toContainText('审图号');
  await expect(page.getByTestId('map-empty')).toContainText('这不是地图');
  await shot(page, (n) => info.outputPath(n), 'tile-grid');
});
