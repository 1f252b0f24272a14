import { expect, type Page } from '@playwright/test';
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
