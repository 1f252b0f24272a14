import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

/*
 * Every demo role: sign in, open every menu entry and every tab the page shows, and fail on an error
 * box, a 403 answer or a code on screen that was meant to be translated. The 工作台 of each role is
 * saved as a screenshot (test-results/e2e/…/workbench-<user>.png).
 */
const users = ['admin', 'planner', 'reporter.leiyang', 'reporter.hengnan', 'enterprise', 'expert', 'province', 'planner.changsha'];

/** i18n keys left untranslated (common.xxx, planExec.status.xxx) and raw snake_case codes (rd_intensity). */
const untranslated =
  /\b(?:common|shell|home|plan|planExec|indicator|enterprise|errors|modules|org|user|region|audit|session|notification)\.[a-zA-Z_]+(?:\.[a-zA-Z_/]+)*\b|\b[a-z]{2,}_[a-z]{2,}(?:_[a-z]+)*\b/;

async function assertClean(page: Page, where: string, forbidden: string[]) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning'), `${where}: still loading`).toHaveCount(0, { timeout: 15_000 });
  expect(forbidden, `${where}: 403 answers`).toEqual([]);
  await expect(page.getByTestId('page-forbidden'), `${where}: forbidden page`).toHaveCount(0);
  await expect(page.locator('.ant-result-error, .ant-result-warning, .ant-alert-error'), `${where}: error box`).toHaveCount(0);
  await expect(page.getByText('加载失败'), `${where}: load failure`).toHaveCount(0);
  // text a person reads; identifiers shown on purpose as code (the catalogue's 代码 column, usernames) are left out
  const text = await page
    .locator('main, .ant-layout-content')
    .first()
    .evaluate((el) => {
      const copy = el.cloneNode(true) as typeof el;
      for (const c of copy.querySelectorAll('code')) c.remove();
      return copy.textContent ?? '';
    });
  expect(text.match(untranslated)?.[0] ?? null, `${where}: untranslated code on screen`).toBeNull();
}

async function visitTabs(page: Page, where: string, forbidden: string[]) {
  // the page's own tab bar (not tabs nested inside a tab), by label: a tab bar re-renders as tabs load
  const nav = page.locator('.ant-layout-content .ant-tabs-nav').first();
  if ((await nav.count()) === 0) return;
  const labels = (await nav.locator('.ant-tabs-tab .ant-tabs-tab-btn').allTextContents()).map((l) => l.trim()).filter(Boolean);
  for (const label of labels) {
    const tab = nav.locator('.ant-tabs-tab-btn', { hasText: label }).first();
    await expect(tab, `${where}: tab ${label}`).toBeAttached();
    await tab.dispatchEvent('click');
    await assertClean(page, `${where} › ${label}`, forbidden);
  }
}

for (const username of users) {
  test(`${username}: every menu entry and tab opens without an error`, async ({ page }, info) => {
    const forbidden: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) forbidden.push(`${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    await signIn(page, username);
    await expect(page.getByTestId('workbench')).toBeVisible();
    await assertClean(page, `${username} 工作台`, forbidden);
    await shot(page, (n) => info.outputPath(n), `workbench-${username}`);

    // open the sub-menus, then every entry in turn
    const sider = page.locator('.ant-layout-sider');
    for (const sub of await sider.locator('.ant-menu-submenu-title').all()) await sub.click();
    const entries = await sider.locator('.ant-menu-item').allInnerTexts();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      await sider.locator('.ant-menu-item', { hasText: entry }).first().click();
      const where = `${username} › ${entry.trim()}`;
      // the route has changed (the menu marks the entry of the current path) and the page has loaded
      await expect(sider.locator('.ant-menu-item-selected'), where).toContainText(entry.trim());
      await expect(page.locator('.ant-layout-content .ant-skeleton'), `${where}: still loading`).toHaveCount(0, { timeout: 15_000 });
      await assertClean(page, where, forbidden);
      await visitTabs(page, where, forbidden);
    }
  });
}
