import { expect as baseExpect, test } from '@playwright/test';
import { chooseOption, shot, signIn } from './helpers.ts';

// generous waits: the machine may be busy
const expect = baseExpect.configure({ timeout: 15_000 });

const hengnan = '衡南县人民政府';

test('代为填报: the planner enters a unit’s overdue report for it, and the report shows under the unit', async ({ page }, info) => {
  test.setTimeout(120_000);
  const out = (n: string) => info.outputPath(n);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // ---- the demo planner opens task 3 of the demo plan (lead 衡南县, its last quarter not reported) ----
  await signIn(page, 'planner');
  await page.goto('/plans');
  await expect(page.getByTestId('page-plans')).toBeVisible();
  await page.getByRole('row').filter({ hasText: '（演示）' }).getByRole('link', { name: '执行与分工' }).click();
  await expect(page.getByTestId('page-plan-execution')).toBeVisible();
  const row = page.getByTestId('exec-task-row').filter({ hasText: '新增省级以上研发平台' });
  await row.getByTestId('task-link').click();
  const taskPage = page.getByTestId('page-task-detail');
  await expect(taskPage).toBeVisible();
  // the planner's own unit is not assigned: no 填报 of its own, but 代为填报
  await expect(page.getByTestId('task-report')).toHaveCount(0);
  const reports = page.getByTestId('task-reports');
  const before = await reports.getByText(hengnan).count();

  // ---- step one: which unit ----
  await page.getByTestId('task-report-behalf').click();
  const modal = page.getByRole('dialog').filter({ hasText: '代为填报：选择责任单位' });
  await expect(modal).toBeVisible();
  // a single assigned unit is chosen already; choosing it again keeps it
  await chooseOption(page, modal.getByLabel('责任单位'), `${hengnan}（牵头）`);
  await shot(page, out, '1-choose-unit');
  await modal.getByTestId('behalf-next').click();

  // ---- step two: the drawer works for 衡南县 ----
  const drawer = page.getByTestId('report-drawer');
  await expect(drawer).toBeVisible();
  await expect(page.locator('.ant-drawer-title')).toContainText(`代${hengnan}填报：3`);
  await expect(drawer.getByTestId('report-behalf-notice')).toContainText(`您正在代${hengnan}填报`);
  const period = ((await drawer.getByTestId('report-period').textContent()) ?? '').slice(0, 6); // e.g. 2026Q3
  expect(period).toMatch(/^\d{4}Q[1-4]$/);
  await drawer.getByTestId('report-narrative').fill('据衡南县 11 月 20 日纸质报送材料录入：新增省级研发平台 2 个，累计 8 个。');
  const percent = drawer.locator('input[data-testid=report-percent], [data-testid=report-percent] input');
  await percent.fill('80');
  await percent.press('Tab');
  await drawer.getByTestId('report-self-status').getByText('正常推进').click();
  await shot(page, out, '2-drawer');

  await drawer.getByTestId('report-submit').click();
  const confirm = page.getByRole('dialog').filter({ hasText: `确定代${hengnan}提交本期进度？` });
  await expect(confirm).toContainText(`将以${hengnan}的名义提交，由科技局代为填报`);
  await shot(page, out, '3-confirm');
  await page.getByTestId('report-submit-confirm').click();
  await expect(page.getByText(`已代${hengnan}提交，等待审核`).last()).toBeVisible();
  await expect(drawer).toBeHidden();

  // ---- the task's report list shows the new report under 衡南县, submitted by the planner ----
  const group = reports.locator('.ant-collapse-item').filter({ hasText: period }).filter({ hasText: hengnan });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('待审核');
  await expect(reports.getByText(hengnan)).not.toHaveCount(before);
  if (!(await group.getByTestId('report-view').isVisible())) await group.locator('.ant-collapse-header').click();
  const view = group.getByTestId('report-view');
  await expect(view).toContainText('据衡南县 11 月 20 日纸质报送材料录入');
  await expect(view).toContainText('王规划');
  await expect(page.getByTestId('task-timeline')).toContainText('王规划');
  await expect(page.getByTestId('task-timeline')).toContainText('代为填报');
  await shot(page, out, '4-task-reports');
  expect(problems).toEqual([]);
});
