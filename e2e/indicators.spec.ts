import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// two cores shared with other runs: give each view time to load
const later = expect.configure({ timeout: 15_000 });

// A bureau imports indicator values, runs an evaluation and opens a region's breakdown.

/** 衡阳's twelve county-level regions. */
const counties = ['430405', '430406', '430407', '430408', '430412', '430421', '430422', '430423', '430424', '430426', '430481', '430482'];

/** A values file for the counties, two years; 2024 reverses the 2025 order so that ranks change. */
function valuesCsv(): string {
  const lines = ['指标代码,地区代码,期间,类型,数值,备注'];
  for (const [i, code] of counties.entries()) {
    for (const year of [2024, 2025]) {
      const k = year === 2025 ? i : counties.length - 1 - i;
      const gdp = 1_500_000 + k * 120_000;
      lines.push(`gdp,${code},${year},实际,${gdp},e2e`);
      lines.push(`rd_expenditure,${code},${year},实际,${Math.round(gdp * (0.008 + k * 0.0015))},e2e`);
      lines.push(`hnte_count,${code},${year},实际,${20 + k * 6},`);
      lines.push(`tech_sme_count,${code},${year},实际,${40 + ((k * 7) % 23)},`);
      lines.push(`tech_contract_turnover,${code},${year},实际,${30_000 + k * 4_500},`);
    }
    lines.push(`rd_intensity,${code},2025,目标,2.5,`);
  }
  return `${lines.join('\n')}\n`;
}

async function upload(page: Page, name: string, text: string) {
  await page
    .getByTestId('indicator-values')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('a planner imports values, runs an evaluation and opens a region breakdown', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');

  // the catalog: ≥30 standard indicators with their definition and caliber
  await page.goto('/indicators/catalog');
  const catalog = page.getByTestId('indicator-catalog');
  await later(catalog).toContainText('研发经费投入强度');
  await expect(catalog).toContainText(/共 (3\d|[4-9]\d) 条/);
  await catalog
    .getByRole('button', { name: /展开行|Expand row/ })
    .first()
    .click();
  await expect(catalog).toContainText('统计口径');
  await shot(page, (n) => info.outputPath(n), 'catalog');

  // import: a dry run shows the summary, confirming applies it
  await page.getByTestId('tab-values').click();
  await expect(page.getByTestId('indicator-values')).toBeVisible();
  await upload(page, '衡阳县市区指标.csv', valuesCsv());
  const summary = page.getByTestId('values-import-summary');
  // the demo data already holds some of these values: they become corrections (history kept)
  await later(summary).toContainText(/数据行\s*132/);
  await shot(page, (n) => info.outputPath(n), 'import-review');
  await page.getByTestId('values-import-confirm').click();
  await expect(page.getByText(/导入完成：新增 \d+ 条，更正 \d+ 条/)).toBeVisible();
  const table = page.getByTestId('values-table');
  // 珠晖区's 2025 GDP from the file, recorded by the planner (the demo also holds this year's registry counts: show 2025)
  const period = page.getByTestId('indicator-values').getByPlaceholder('期间，如 2025');
  await period.fill('2025');
  await period.press('Enter');
  await later(table).toContainText('1,500,000 万元');
  // who recorded it, by display name
  await expect(table.locator('tr', { hasText: '1,500,000 万元' }).first()).toContainText('王规划');
  await shot(page, (n) => info.outputPath(n), 'values');

  // the city's profile rolls the counties up (R&D intensity = ΣR&D / ΣGDP)
  await page.getByTestId('tab-profile').click();
  const profile = page.getByTestId('indicator-profile');
  await later(profile.getByTestId('profile-table')).toContainText('研发经费投入强度');
  await expect(profile.getByTestId('profile-table')).toContainText('下级汇总');
  await expect(profile.getByTestId('profile-chart').locator('canvas')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'profile');

  // ranking of the counties on one indicator
  await page.getByTestId('tab-ranking').click();
  const ranking = page.getByTestId('ranking-table');
  await later(ranking).toContainText('常宁市');
  await expect(page.getByTestId('ranking-chart').locator('canvas')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'ranking');

  // comparison of four counties with a radar chart
  await page.getByTestId('tab-compare').click();
  await later(page.getByTestId('compare-table')).toContainText('高新技术企业数');
  await expect(page.getByTestId('compare-radar').locator('canvas')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'compare');

  // plan targets side by side (no plans imported in this journey: the empty state explains)
  await page.getByTestId('tab-targets').click();
  await expect(page.getByTestId('indicator-targets')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'targets');

  // a scheme from the starter template, then a run for 2025
  await page.getByTestId('tab-evaluation').click();
  await page.getByTestId('scheme-new').click();
  await page.getByTestId('scheme-name').fill('衡阳市县市区科技创新综合考评（测试）');
  await expect(page.getByTestId('scheme-group')).toHaveCount(3);
  await shot(page, (n) => info.outputPath(n), 'scheme-editor');
  await page.getByTestId('scheme-save').click();
  await expect(page.getByTestId('scheme-item').filter({ hasText: '综合考评（测试）' })).toBeVisible();
  await page.getByTestId('run-open').click();
  await page.getByTestId('run-year').fill('2025');
  // the run is a background job: hold what the page reads of it at step 3 of 5 until the progress is seen
  let hold = true;
  await page.route('**/api/jobs/*', async (route) => {
    const response = await route.fetch();
    if (!hold) return route.fulfill({ response });
    const job = await response.json();
    return route.fulfill({
      response,
      json: { ...job, status: 'running', progress: { done: 3, total: 5 }, result: null, finishedAt: null },
    });
  });
  await page.getByTestId('run-start').click();
  const progress = page.getByTestId('run-progress');
  await expect(progress).toHaveAttribute('data-status', 'running');
  await expect(progress).toContainText('权重敏感性分析');
  await expect(progress.locator('.ant-progress')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'evaluation-running');
  hold = false;
  await expect(page.getByText(/2025 年评价完成，共 1\d 个地区/)).toBeVisible({ timeout: 30_000 });
  await page.unroute('**/api/jobs/*');
  await expect(page.getByTestId('run-progress')).toHaveCount(0);
  const results = page.getByTestId('results-table');
  // the twelve counties and districts (and the statistical zones of level 3)
  for (const name of ['珠晖区', '衡阳县', '耒阳市', '常宁市']) await expect(results).toContainText(name);
  // 2024 reversed the order: ranks moved both ways
  await expect(results.locator('[data-change="up"]').first()).toBeVisible();
  await expect(results.locator('[data-change="down"]').first()).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'evaluation');

  // a year without any values: the job fails and the page says why, in Chinese; no run is added
  await page.getByTestId('run-open').click();
  await page.getByTestId('run-year').fill('1995');
  await page.getByTestId('run-start').click();
  await expect(page.getByText('评价范围内没有该层级的地区')).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('run-select')).toContainText('2025 年');

  // the breakdown of the first region: indicators with their contributions and the method notes
  await results.getByTestId('result-breakdown').first().click();
  const breakdown = page.getByTestId('breakdown');
  await expect(breakdown).toBeVisible();
  const rows = page.getByTestId('breakdown-indicators');
  await expect(rows).toContainText('研发经费投入强度');
  await expect(rows).toContainText('高新技术企业数');
  await expect(rows).toContainText('合计（= 得分）');
  await expect(rows.locator('tbody tr.ant-table-row')).toHaveCount(6);
  await expect(page.getByTestId('breakdown-notes').locator('li').first()).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'breakdown');
  expect(problems).toEqual([]);
});

test('a file with bad rows shows the row errors and applies nothing', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await page.goto('/indicators/values');
  await expect(page.getByTestId('indicator-values')).toBeVisible();
  const bad = [
    '指标代码,地区代码,期间,类型,数值,备注',
    'hnte_count,430482,2019,实际,42,good row',
    'no_such_indicator,430482,2019,实际,1,',
    'hnte_count,430482,2019x,实际,5,',
    'hnte_count,430482,2018,计划,5,',
    'hnte_count,430482,2018,实际,abc,',
  ].join('\n');
  await upload(page, '有错误的文件.csv', bad);
  await expect(page.getByTestId('values-import-rejected')).toContainText('未导入任何数据');
  const errors = page.getByTestId('values-import-errors');
  await expect(errors.locator('tbody tr.ant-table-row')).toHaveCount(4);
  await expect(errors).toContainText('类型应为“目标”“实际”或“基期”');
  await shot(page, (n) => info.outputPath(n), 'import-errors');
  await page.getByTestId('values-import-errors').press('Escape');

  // not even the good row was written
  const res = await page.request.get('/api/indicators/values?indicator=hnte_count&region=430482&period=2019');
  expect(res.ok()).toBe(true);
  expect(await res.json()).toEqual([]);
  expect(problems).toEqual([]);
});

test('an admin adds a local indicator to the catalog', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'admin');
  await page.goto('/indicators/catalog');
  await later(page.getByTestId('indicator-catalog')).toContainText('研发经费投入强度');
  await page.getByTestId('indicator-add').click();
  await page.locator('.ant-drawer #code').fill('county_key_lab_count');
  await page.locator('.ant-drawer #nameZh').fill('县级重点实验室数');
  await page.locator('.ant-drawer #unit').fill('个');
  await page.locator('.ant-drawer #caliber').fill('县科技局年度认定名单，年末数');
  await shot(page, (n) => info.outputPath(n), 'catalog-add');
  await page.getByTestId('indicator-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByPlaceholder('搜索指标名称或代码').fill('重点实验室');
  const row = page.getByTestId('indicator-catalog').locator('tr', { hasText: 'county_key_lab_count' });
  await expect(row).toContainText('县级重点实验室数');
  await expect(row).toContainText('本地指标');
  // the same code cannot be added twice
  await page.getByTestId('indicator-add').click();
  await page.locator('.ant-drawer #code').fill('county_key_lab_count');
  await page.locator('.ant-drawer #nameZh').fill('重复的指标');
  await page.locator('.ant-drawer #unit').fill('个');
  await page.getByTestId('indicator-save').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('指标代码已存在');
  expect(problems).toEqual([]);
});
