import { expect, type Page, test } from '@playwright/test';
import { api, chooseOption, pageAs, shot } from './helpers.ts';
import { port } from './playwright.config.ts';

// A city 认定 round for a 工程技术研究中心 from call to 认定, the platform's yearly report, its 绩效评价 grade, and
// the plan target bound to the count of city platforms.

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** Presses the open modal's OK and waits for it to close (a click during the opening animation can miss). */
async function okModal(page: Page, url: RegExp) {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && url.test(r.url()));
  await page.getByTestId('platform-dialog-ok').click();
  const res = await answer;
  expect(res.status(), await res.text()).toBe(200);
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
}

async function setDate(page: Page, label: string, value: string) {
  const input = page.locator('.ant-modal:visible').getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test('a city 认定 round makes a 工程技术研究中心 that reports, is graded, and moves the plan target', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const out = (n: string) => info.outputPath(n);
  const planner = await pageAs(browser, 'planner');
  const problems: string[] = [];
  planner.on('pageerror', (e) => problems.push(e.message));
  const year = Number(day(0).slice(0, 4));

  // a plan of the year whose target counts the city platforms (市级科技创新平台数), read live from the registry
  const plan = await api<{ id: number }>(planner, 'POST', '/api/plans', {
    title: `衡阳市${year}年创新平台建设工作安排（演示）`,
    regionCode: '430400',
    year,
    kind: 'plan',
    nodes: [{ key: 'n1', parentKey: null, kind: 'task', number: '1', title: '开展市级科技创新平台认定', start: 0, end: 12 }],
    targets: [
      {
        nodeKey: 'n1',
        indicatorName: '市级科技创新平台',
        indicatorCode: 'municipal_platform_count',
        value: 3,
        valueMax: null,
        unit: '个',
        normalizedValue: 3,
        normalizedUnit: '个',
        comparator: null,
        qualifier: null,
        kind: 'level',
        targetYear: year,
        quote: '新认定市级科技创新平台3个',
        start: 0,
        end: 12,
      },
    ],
  });

  // the city's count before the round (the demo registry already holds some city platforms)
  const actualNow = async () =>
    (
      await api<{ targets: { indicatorCode: string | null; actual: number | null }[] }>(planner, 'GET', `/api/plans/${plan.id}/dashboard`)
    ).targets.find((x) => x.indicatorCode === 'municipal_platform_count')?.actual ?? 0;
  const before = await actualNow();

  // 1. the bureau opens a round for 工程技术研究中心 and publishes it
  await planner.goto('/platforms/calls');
  await expect(planner.getByTestId('platform-calls')).toBeVisible();
  await planner.getByTestId('platform-call-create').click();
  const modal = planner.locator('.ant-modal:visible');
  await modal.getByLabel('批次名称').fill(`${year}年衡阳市工程技术研究中心认定`);
  // a multiple select keeps its list open: choose, then close it
  await expect(async () => {
    await modal.getByLabel('受理类型').click();
    await planner
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工程技术研究中心' })
      .first()
      .click({ timeout: 2_000 });
    await expect(modal.locator('.ant-select-selection-item', { hasText: '工程技术研究中心' })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await modal.getByLabel('批次名称').click();
  await okModal(planner, /\/api\/platform-calls$/);
  const row = planner.locator('tr', { hasText: `${year}年衡阳市工程技术研究中心认定` });
  await row.getByTestId('platform-call-publish').click();
  await expect(row.getByTestId('platform-call-status')).toHaveText('受理中');
  await shot(planner, out, 'platform-calls');

  // 2. the enterprise applies with its centre's figures; the type's conditions are checked when it submits
  const enterprise = await pageAs(browser, 'enterprise');
  const calls = await api<Array<{ id: number; title: string }>>(enterprise, 'GET', '/api/platform-calls');
  const round = calls.find((c) => c.title === `${year}年衡阳市工程技术研究中心认定`);
  expect(round).toBeTruthy();
  const app = await api<{ id: number; conditions: Array<{ met: boolean }> }>(enterprise, 'POST', '/api/platform-applications', {
    callId: round?.id,
    name: '衡阳市精密分析仪器工程技术研究中心',
    typeCode: 'eng_center',
    fields: { rd_staff: 16, rd_area: 620, equipment_wan: 480, rd_spend_wan: 560, invention_patents: 7 },
  });
  expect(app.conditions.every((c) => c.met)).toBe(true);
  await api(enterprise, 'POST', `/api/platform-applications/${app.id}/submit`);

  // 3. the expert review's outcome is recorded on the application
  await planner.reload();
  await row.locator('.ant-table-row-expand-icon').click();
  const apps = planner.getByTestId('platform-call-apps');
  await expect(apps).toContainText('衡阳市精密分析仪器工程技术研究中心');
  await expect(apps).toContainText('✓ 专职研发人员不少于10人');
  await apps.getByTestId('platform-app-review').click();
  const review = planner.locator('.ant-modal:visible');
  await review.getByLabel('得分').fill('88');
  await review.getByLabel('评审意见').fill('研发条件完备，成果转化成效明显，同意通过。');
  await okModal(planner, /\/review$/);
  await expect(apps.getByTestId('platform-app-status')).toHaveText('评审通过');
  await shot(planner, out, 'platform-review');

  // 4. 公示 (held from two weeks ago, five working days), then 认定 with the document number
  await row.getByTestId('platform-call-publicity').click();
  await setDate(planner, '公示开始日期', day(-14));
  await okModal(planner, /\/publicity$/);
  await expect(row.getByTestId('platform-call-status')).toHaveText('公示中');
  await row.getByTestId('platform-call-recognise').click();
  await planner.locator('.ant-modal:visible').getByLabel('认定文号').fill(`衡科发〔${year}〕52号`);
  await okModal(planner, /\/recognise$/);
  await expect(row.getByTestId('platform-call-status')).toHaveText('已认定');
  await expect(row).toContainText(`衡科发〔${year}〕52号`);

  // 5. the platform's own unit reports its year
  const mine = await api<{ items: Array<{ id: number; name: string }> }>(enterprise, 'GET', '/api/platforms');
  const platform = mine.items.find((p) => p.name === '衡阳市精密分析仪器工程技术研究中心');
  expect(platform).toBeTruthy();
  await api(enterprise, 'PUT', `/api/platforms/${platform?.id}/reports/${year}`, {
    data: { rd_staff: 18, rd_area: 620, equipment_wan: 500, rd_spend_wan: 620, invention_patents: 9, transferred: 5 },
    submit: true,
  });

  // the registry shows it with its status history and the report
  await planner.goto('/platforms/registry');
  await planner.getByTestId('platform-search').locator('input').fill('精密分析仪器');
  await planner.getByTestId('platform-search').locator('input').press('Enter');
  await planner.getByTestId('platform-open').filter({ hasText: '衡阳市精密分析仪器工程技术研究中心' }).click();
  const drawer = planner.getByTestId('platform-drawer');
  await expect(drawer.getByTestId('platform-event')).toContainText(`认定 · 市级 · ${day(0)}`);
  await expect(drawer).toContainText(`衡科发〔${year}〕52号`);
  await expect(drawer.locator('.ant-table-row', { hasText: String(year) }).first()).toContainText('620');
  await shot(planner, out, 'platform-drawer');
  await drawer.locator('.ant-drawer-close').click();

  // 6. 绩效评价 of the year's 工程技术研究中心 grades it, and the bureau confirms
  await planner.goto('/platforms/evaluations');
  await chooseOption(planner, planner.getByTestId('platform-eval-type').locator('input'), '工程技术研究中心');
  await planner.getByTestId('platform-eval-run').click();
  const results = planner.getByTestId('platform-eval-results');
  const graded = results.locator('tr', { hasText: '衡阳市精密分析仪器工程技术研究中心' });
  await expect(graded.getByTestId('platform-grade')).toHaveText('优秀');
  await planner.getByTestId('platform-eval-confirm').click();
  await planner.locator('.ant-modal:visible').getByLabel('文号').fill(`衡科发〔${year}〕60号`);
  await okModal(planner, /\/confirm$/);
  await expect(planner.getByTestId('platform-eval-confirm')).toHaveCount(0);
  await shot(planner, out, 'platform-evaluation');

  // the counts by type × level
  await planner.goto('/platforms/stats');
  await expect(planner.getByTestId('platform-stats').locator('tr', { hasText: '工程技术研究中心' })).toBeVisible();
  await shot(planner, out, 'platform-stats');

  // 7. the plan's target takes its actual from the registry
  await planner.goto(`/plans/${plan.id}/dashboard`);
  const targetRow = planner.getByTestId('dashboard-target-row').filter({ hasText: '市级科技创新平台' });
  await expect(targetRow).toContainText(new RegExp(`\\b${before + 1}\\s*个`));
  expect(await actualNow()).toBe(before + 1);
  await shot(planner, out, 'platform-plan-target');

  // the public list names it without signing in
  const visitor = await browser.newPage({ baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN' });
  await visitor.goto('/platforms-public');
  await expect(visitor.getByTestId('public-platform-table')).toContainText('衡阳市精密分析仪器工程技术研究中心');
  await shot(visitor, out, 'platform-public');
  expect(problems).toEqual([]);
});
