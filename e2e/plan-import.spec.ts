import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// The 长沙 seed plan, beside the repository as in CI (../shared/seeds).
const seed = path.resolve(import.meta.dirname, '../../shared/seeds/001_5d503257357a60f2.txt');

test('a planner imports the 长沙 plan, corrects a target, confirms, and finds the plan', async ({ page }, info) => {
  const out = (n: string) => info.outputPath(n);
  await signIn(page, 'planner.changsha');
  await page.goto('/plans');
  await expect(page.getByTestId('page-plans')).toBeVisible();
  await page.getByTestId('plan-import-button').click();
  await expect(page.getByTestId('page-plan-import')).toBeVisible();
  await page.getByTestId('plan-upload').locator('input[type=file]').setInputFiles(seed);

  // review: the source with highlighted targets, the tree and the target table
  await expect(page.getByTestId('plan-confirm')).toBeVisible({ timeout: 30_000 });
  await shot(page, out, 'review-meta');
  await page.getByRole('tab', { name: /指标/ }).click();
  const rows = page.getByTestId('target-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('plan-source').locator('mark').first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(10);
  await shot(page, out, 'review');

  // correct the first target's value
  const firstValue = rows.first().locator('input[data-testid="target-value"], [data-testid="target-value"] input').first();
  await firstValue.fill('3.1');
  await firstValue.press('Tab');
  await expect(firstValue).toHaveValue('3.1');

  await page.getByTestId('plan-confirm').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|确\s*认|创\s*建/ })
    .click();
  await expect(page.getByTestId('page-plan-detail')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('page-plan-detail')).toContainText('长政办发〔2021〕11号');
  await page.getByRole('tab', { name: /指标/ }).click();
  await expect(page.getByTestId('plan-targets')).toContainText('3.1');
  await shot(page, out, 'detail');

  await page.goto('/plans');
  await expect(page.getByRole('cell', { name: /长沙市/ }).first()).toBeVisible();
  await shot(page, out, 'list');
});
