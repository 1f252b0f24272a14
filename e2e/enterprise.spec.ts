import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// An enterprise user enters a year's data and sees the unmet conditions and the gaps.
test('an enterprise user self-assesses and sees the unmet R&D condition with the gap', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'enterprise');

  // the module page leads to the self-check
  await page.goto('/enterprises');
  await expect(page.getByTestId('page-enterprises')).toBeVisible();
  await page.getByTestId('assess-entry').getByRole('link').click();
  await expect(page.getByTestId('page-enterprise-assess')).toBeVisible();
  await expect(page.getByTestId('assess-notice')).toContainText('预评估');

  // a fixed assessment date makes the three fiscal years 2023–2025
  await page.goto('/enterprises/assess?at=2026-06-01');
  await expect(page.getByTestId('page-enterprise-assess')).toBeVisible();
  await page.getByLabel('注册成立日期').fill('2018-03-15');
  await page.getByLabel('注册成立日期').press('Enter');
  const year = (y: number, field: string) => page.getByLabel(`${y}年 ${field}`, { exact: true });
  // R&D 550万元 on sales 16500万元 over three years = 3.33% < 4% (last-year sales 6000万元)
  const figures: Array<[number, string, string]> = [
    [2023, '5000', '150'],
    [2024, '5500', '200'],
    [2025, '6000', '200'],
  ];
  for (const [y, sales, rd] of figures) {
    await year(y, '职工总数（人）').fill('100');
    await year(y, '科技人员数（人）').fill('20');
    await year(y, '销售收入').fill(sales);
    await year(y, '收入总额').fill(String(Number(sales) + 200));
    await year(y, '其中：不征税收入').fill('0');
    await year(y, '高新技术产品（服务）收入').fill('4500');
    await year(y, '人员人工费用').fill(rd);
  }
  await shot(page, (n) => info.outputPath(n), 'assess-form');

  await page.getByTestId('assess-submit').click();
  const result = page.getByTestId('assess-result');
  await expect(result).toBeVisible();
  const unmet = result.locator('[data-testid="condition-row"][data-status="unmet"]');
  await expect(unmet.first()).toBeVisible();
  const rdRow = result.locator('[data-testid="condition-row"][data-condition="hnte.c5.ratio"]');
  await expect(rdRow).toHaveAttribute('data-status', 'unmet');
  await expect(rdRow).toContainText('研发费用占比3.33% < 4%');
  // the hint names the gap with a number
  await expect(rdRow).toContainText(/需增加研发投入约\d+(\.\d+)?万元/);
  await expect(result.locator('[data-testid="condition-row"][data-status="met"]').first()).toBeVisible();
  await expect(result.getByTestId('assess-outcome').first()).toHaveText('暂不符合');
  await expect(page.getByText('认定通过')).toHaveCount(0);
  await rdRow.scrollIntoViewIfNeeded();
  await shot(page, (n) => info.outputPath(n), 'assess-result');
  expect(problems).toEqual([]);
});

test('the bureau sees the ladder funnel, the registry and the reserve pool; an enterprise sees its own record', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await page.goto('/enterprises');
  await expect(page.getByTestId('enterprise-funnel')).toBeVisible();
  await expect(page.getByTestId('enterprise-funnel').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('enterprise-registry')).toContainText('衡阳衡山科学仪器有限公司');
  await expect(page.getByTestId('enterprise-reserve')).toContainText(/需增加研发投入约\d+(\.\d+)?万元/);
  await shot(page, (n) => info.outputPath(n), 'bureau');

  await page.context().clearCookies();
  await signIn(page, 'enterprise');
  await page.goto('/enterprises');
  const mine = page.getByTestId('my-enterprise');
  await expect(mine).toContainText('衡阳衡山科学仪器有限公司');
  await expect(mine.getByTestId('assess-result')).toBeVisible();
  await expect(mine.locator('[data-testid="condition-row"]').first()).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'my-enterprise');
  expect(problems).toEqual([]);
});
