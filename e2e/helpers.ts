import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { demoPassword, port } from './playwright.config.ts';

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

/** A page in a fresh browser context (zh-CN, Beijing time, desktop size), signed in as `username` unless null. */
export async function pageAs(browser: Browser, username: string | null, password = demoPassword): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  if (username) await signIn(page, username, password);
  return page;
}

/** A JSON call with the session's CSRF token: the status and body, whatever the answer. */
export async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const token = (await page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
  const res = await page.request.fetch(path, { method, headers: { 'x-csrf-token': token }, ...(data === undefined ? {} : { data }) });
  return { status: res.status(), body: (await res.json()) as T };
}

/** A JSON call for the set-up a journey does not walk through; fails the test unless it succeeds. */
export async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
  const res = await apiCall<T>(page, method, path, data);
  expect(res.status < 300, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(true);
  return res.body;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid 18-character 公民身份号码 (GB 11643 check character) from its first 17 digits. */
export function idNumber(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (idWeights[i] as number), 0);
  return first17 + ('10X98765432'[sum % 11] as string);
}

/** Beijing wall-clock time `hours` from now, as date-time form fields take it (YYYY-MM-DD HH:mm). */
export function beijing(hours: number): string {
  return new Date(Date.now() + (8 + hours) * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Confirms the open Popconfirm and waits until it has closed. The popover zooms in: a click before it is still
 * can miss, and while it opens it can measure zero for a moment — so its closing is only looked for after a
 * click that landed, and a click that did not close it is repeated.
 */
export async function confirmPopover(page: Page, name: RegExp = /确\s*定|OK/) {
  const pop = page.locator('.ant-popconfirm:visible');
  await expect(async () => {
    await pop.last().getByRole('button', { name }).last().click({ timeout: 2_000 });
    await expect(pop).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
