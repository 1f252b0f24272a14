import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// two cores shared with other runs: give each view time to load
const later = expect.configure({ timeout: 20_000 });

// A plan of a past year is imported as an archive: the review warns, the planner keeps the tick, and the
// plan is marked 历史存档 (no reminders, no overdue periods) instead of being overdue by years at once.
test('importing a plan of a past year keeps it as an archive', async ({ page }, info) => {
  test.setTimeout(120_000);
  await signIn(page, 'planner');
  await page.goto('/plans/import');
  const text = [
    '衡阳市2021年科技创新工作要点（存档测试）',
    '衡科发〔2021〕9号',
    '一、培育创新主体',
    '1. 实施高新技术企业倍增计划，全年新增高新技术企业 100 家。',
  ].join('\n');
  await page.getByPlaceholder(/粘贴到这里/).fill(text);
  await page.getByRole('button', { name: /识\s*别/ }).click();
  // the year as the review shows it (the importer's guess, or typed)
  const year = page.getByLabel('年度', { exact: true });
  await later(year).toBeVisible();
  if ((await year.inputValue()) !== '2021') await year.fill('2021');
  await later(page.getByTestId('plan-past-year')).toContainText('2021');
  await expect(page.getByTestId('plan-archive')).toBeChecked();
  await shot(page, (n) => info.outputPath(n), 'past-year-review');
  await page.getByTestId('plan-confirm').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确认创建/ })
    .click();
  await later(page).toHaveURL(/\/plans\/\d+$/);
  await page.goto('/plans');
  const row = page.locator('tr', { hasText: '存档测试' });
  await later(row.getByTestId('plan-archived')).toBeVisible();
});
