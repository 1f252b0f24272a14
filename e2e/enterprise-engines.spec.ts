import { expect, test } from '@playwright/test';
import { chooseOption, shot, signIn } from './helpers.ts';

// Issue 17: staff entered month by month in the self-check; the scheme editor's transform, sd and relative tiers.
test('the self-check takes 职工总数 and 科技人员数 month by month and shows the computed averages', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'enterprise');
  await page.goto('/enterprises/assess?at=2026-06-01');
  await expect(page.getByTestId('page-enterprise-assess')).toBeVisible();
  // 2025 is the third column: its 逐月填写 button
  await page.getByRole('button', { name: '逐月填写' }).nth(2).click();
  const dialog = page.getByRole('dialog', { name: '2025年职工总数、科技人员数（逐月）' });
  await expect(dialog).toBeVisible();
  for (let m = 1; m <= 12; m++) {
    await dialog.getByLabel(`${m}月职工总数月初数`, { exact: true }).fill('100');
    await dialog.getByLabel(`${m}月职工总数月末数`, { exact: true }).fill(m === 6 ? '101' : '100');
    await dialog.getByLabel(`${m}月科技人员月初数`, { exact: true }).fill('10');
    await dialog.getByLabel(`${m}月科技人员月末数`, { exact: true }).fill('10');
  }
  await expect(dialog).toContainText('按12个月计算：职工总数全年月平均 100.041666 人，科技人员全年月平均 10 人');
  await shot(page, (n) => info.outputPath(n), 'staff-months');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('按12个月计算：职工总数全年月平均 100.041666 人').first()).toBeVisible();
  await expect(page.getByLabel('2025年 职工总数（人）', { exact: true })).toBeDisabled();
  expect(problems).toEqual([]);
});

test('the scheme editor offers the transform, the sd and tiers relative to the average', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await page.goto('/indicators');
  await page.getByTestId('tab-evaluation').click();
  await page.getByTestId('scheme-new').click();
  await page.getByTestId('scheme-name').fill('相对梯队与数据变换（测试）');
  const group = page.getByTestId('scheme-group').first();
  await chooseOption(page, group.getByRole('combobox').nth(2), 'Z 分数');
  await expect(group.getByLabel('标准差').first()).toBeVisible();
  await chooseOption(page, group.getByLabel('标准差').first(), '样本标准差');
  await chooseOption(page, group.getByLabel('数据变换').first(), '对数变换');
  await chooseOption(page, page.getByLabel('门槛依据').first(), '参评地区平均分');
  await shot(page, (n) => info.outputPath(n), 'scheme-editor-options');
  await page.getByTestId('scheme-save').click();
  await expect(page.getByTestId('scheme-item').filter({ hasText: '相对梯队与数据变换（测试）' })).toBeVisible();
  await expect(page.getByText('参评地区平均分的 80%')).toBeVisible();
  expect(problems).toEqual([]);
});
