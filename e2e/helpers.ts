import { expect, type Locator, type Page } from '@playwright/test';
import { demoPassword } from './playwright.config.ts';

export async function signIn(page: Page, username: string, password = demoPassword) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('page-home')).toBeVisible();
}

/** Saves a full-page screenshot under the test's output directory (test-results/e2e/…). */
export async function shot(page: Page, outputPath: (name: string) => string, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: outputPath(`${name}.png`), fullPage: true });
}

/**
 * Chooses `label` in the antd Select or Cascader behind the form field `field` (found by its label), typing
 * `search` first when given. The list animates open and a click during the animation can miss, leaving it open
 * over the next field: retry until the select shows the choice and the list has closed.
 */
export async function chooseOption(page: Page, field: Locator, label: string | RegExp, search?: string) {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ") or contains(concat(" ", normalize-space(@class), " "), " ant-cascader ")][1]',
  );
  const openList = page.locator(':is(.ant-select-dropdown, .ant-cascader-dropdown):visible');
  const option = openList.locator(':is(.ant-select-item-option, .ant-cascader-menu-item)').filter({ hasText: label }).first();
  await expect(async () => {
    if ((await openList.count()) === 0) await field.click();
    if (search !== undefined && (await field.inputValue()) !== search) await field.fill(search);
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(label, { timeout: 1_000 });
    await expect(openList).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
