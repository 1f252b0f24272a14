import { mkdirSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { chooseOption, confirmPopover, shot as save, signIn } from './helpers.ts';
import { demoPassword, port } from './playwright.config.ts';

// 科技特派员: the bureau dispatches a 特派员 to a village of 衡南县 and corrects the 服务对象 on its list; the 特派员
// logs a service on a phone, with a photo; the village opens the confirmation link on its own phone (no account)
// and confirms; the 特派员's and the bureau's views show 已确认; the bureau assesses the year and opens a round.

// every screenshot also lands in /tmp/shots-talent/ for review
async function shot(page: Page, out: (n: string) => string, name: string) {
  await save(page, out, name);
  mkdirSync('/tmp/shots-talent', { recursive: true });
  await page.screenshot({ path: `/tmp/shots-talent/${name}.png`, fullPage: true });
}

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

async function as(browser: Browser, username: string, password = demoPassword, phone = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

async function call<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const token = (await page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
  const res = await page.request.fetch(path, { method, headers: { 'x-csrf-token': token }, ...(data === undefined ? {} : { data }) });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('a 特派员 logs a service on a phone-sized screen and the village confirms it', async ({ browser }, info) => {
  test.setTimeout(300_000);
  const out = (n: string) => info.outputPath(n);
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const admin = await as(browser, 'admin');
  const planner = await as(browser, 'planner');

  // the 特派员's account (until commissioner accounts get their own menu entry, a county viewer account)
  const orgs = await call<{ items: { id: number; name: string }[] }>(admin, 'GET', `/api/orgs?q=${encodeURIComponent('衡南县人民政府')}`);
  const county = orgs.items.find((o) => o.name === '衡南县人民政府');
  const created = await call<{ user: { id: number }; temporaryPassword: string }>(admin, 'POST', '/api/users', {
    username: 'tpy.hengnan',
    displayName: '刘特派',
    orgId: county?.id,
    roles: ['viewer'],
  });
  const fresh = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const login = await fresh.request.post('/api/auth/login', { data: { username: 'tpy.hengnan', password: created.temporaryPassword } });
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const changed = await fresh.request.post('/api/auth/password', {
    headers: { 'x-csrf-token': csrf },
    data: { currentPassword: created.temporaryPassword, newPassword: 'Tepai2026x!' },
  });
  expect(changed.ok(), await changed.text()).toBe(true);

  // the bureau registers the talent and dispatches them to a village of 衡南县
  const talent = await call<{ id: number }>(planner, 'POST', '/api/talent/people', {
    person: { name: '刘特派', title: '高级农艺师', employerName: '衡阳市农业科学研究所' },
    regionCode: '430422',
    field: '油茶栽培',
    level: 'high',
  });
  const c = await call<{ id: number }>(planner, 'POST', '/api/talent/commissioners', {
    talentId: talent.id,
    year,
    regionCode: '430422',
    userId: created.user.id,
  });
  await call(planner, 'POST', `/api/talent/commissioners/${c.id}/targets`, {
    kind: 'village',
    name: '栗江镇湖塘村',
    regionCode: '430422',
    villageCode: '430422105201',
  });

  // the bureau corrects the 服务对象 on its list (the village's name as the county records it)
  await planner.goto(`/talent?tab=targets&q=${encodeURIComponent('刘特派')}`);
  const targets = planner.getByTestId('talent-targets');
  const row = targets.locator('tr', { hasText: '栗江镇湖塘村' });
  await expect(row).toContainText('430422105201');
  await row.getByRole('button', { name: /编\s*辑/ }).click();
  const dialog = planner.getByRole('dialog');
  await dialog.getByTestId('target-name').fill('栗江镇湖塘村（油茶基地）');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(targets.locator('tr', { hasText: '栗江镇湖塘村（油茶基地）' })).toBeVisible();
  await shot(planner, out, 'talent-targets');

  // on the phone: choose the village, describe the service, save, then add a photo
  const phone = await as(browser, 'tpy.hengnan', 'Tepai2026x!', true);
  await phone.goto('/talent/field');
  await expect(phone.getByTestId('field-log')).toBeVisible();
  await chooseOption(phone, phone.locator('input#targetId'), '栗江镇湖塘村（油茶基地）');
  await phone.getByTestId('field-content').fill('现场指导油茶林抚育和病虫害防治，发放技术资料 40 份');
  await phone.getByTestId('field-submit').click();
  await expect(phone.getByTestId('field-code')).toBeVisible();
  const link = (await phone.getByTestId('field-link-url').textContent()) ?? '';
  expect(link).toMatch(/\/service-confirm\/[A-Za-z0-9_-]{32}$/);
  const chooser = phone.waitForEvent('filechooser');
  await phone.getByTestId('field-photo').click();
  await (await chooser).setFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(phone.getByTestId('field-photo')).toContainText('（1）');
  await shot(phone, out, 'talent-field-log-phone');

  // the village opens the link on its own phone (no account), sees the one service and confirms it
  const villagePhone = await browser.newContext({
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const village = await villagePhone.newPage();
  await village.goto(new URL(link).pathname);
  const summary = village.getByTestId('confirm-summary');
  await expect(summary).toContainText('刘特派');
  await expect(summary).toContainText('发放技术资料 40 份');
  await expect(summary).toContainText('现场照片 1 张');
  await shot(village, out, 'talent-confirm-phone');
  await village.getByTestId('confirm-name').fill('湖塘村 李村长');
  await village.getByTestId('confirm-yes').click();
  await confirmPopover(village);
  await expect(village.getByTestId('confirm-done')).toContainText('您已确认本次服务');
  await shot(village, out, 'talent-confirm-phone-done');
  // the link answers once: opened again it says who answered, with no form
  await village.reload();
  await expect(village.getByTestId('confirm-done')).toContainText('湖塘村 李村长');
  await expect(village.getByTestId('confirm-yes')).toHaveCount(0);
  await village.goto('/service-confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(village.getByTestId('confirm-invalid')).toBeVisible();
  await shot(village, out, 'talent-confirm-phone-invalid');
  await villagePhone.close();
  await fresh.close();

  await phone.reload();
  await expect(phone.getByText('已由 湖塘村 李村长 确认')).toBeVisible();
  await shot(phone, out, 'talent-field-log-confirmed');

  // the bureau sees the answer in the service logs, assesses the year, and the counts
  await planner.goto('/talent?tab=logs');
  await expect(planner.getByTestId('talent-logs').locator('tr', { hasText: '刘特派' })).toContainText('已确认');
  await shot(planner, out, 'talent-logs');
  await planner.goto(`/talent?tab=assessment&q=${encodeURIComponent('刘特派')}`);
  await planner.getByTestId(`assess-${c.id}`).click();
  const assess = planner.getByRole('dialog');
  await assess.getByText('优秀').click();
  await assess.locator('textarea').fill('服务记录完整，服务对象确认及时');
  await assess.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(planner.getByTestId('talent-assessment').locator('tr', { hasText: '刘特派' })).toContainText('优秀');
  await shot(planner, out, 'talent-assessment');
  await planner.goto('/talent?tab=commissioners');
  const counts = planner.getByTestId('commissioner-counts');
  await expect(counts.getByText('覆盖村数')).toBeVisible();
  await expect(planner.getByTestId('talent-commissioners').getByText('刘特派')).toBeVisible();
  await shot(planner, out, 'talent-commissioners');
  await planner.getByTestId('dispatch-open').click();
  await expect(planner.getByRole('dialog')).toContainText('登录账号');
  await shot(planner, out, 'talent-dispatch-dialog');
  await planner
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消|Cancel/ })
    .click();

  // 人才计划: a round opened on the screen, the 特派员 nominated from the registry and selected
  await planner.goto('/talent?tab=programmes');
  const programme = planner.getByTestId('talent-programmes').locator('[data-testid^="programme-"]').first();
  await expect(programme).toBeVisible();
  await shot(planner, out, 'talent-programmes');
  await programme.locator('[data-testid^="new-round-"]').click();
  const roundDialog = planner.getByRole('dialog');
  await roundDialog.getByTestId('round-title').fill(`${year}年度特派员英才遴选`);
  await roundDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  const roundRow = programme.locator('tr', { hasText: `${year}年度特派员英才遴选` });
  await roundRow.getByRole('button', { name: /查\s*看/ }).click();
  const panel = planner.getByTestId('round-panel');
  await chooseOption(planner, panel.getByTestId('nominate-talent').locator('input'), /刘特派/, '刘特派');
  await panel.getByTestId('nominate').click();
  const nominee = panel.locator('tr', { hasText: '刘特派' });
  await expect(nominee).toContainText('油茶栽培');
  await nominee.locator('input[type="checkbox"]').check();
  await shot(planner, out, 'talent-round-open');
  await panel.getByTestId('decide').click();
  await confirmPopover(planner);
  await expect(nominee).toContainText('入选');
  await shot(planner, out, 'talent-round');
  await planner.goto('/talent');
  await expect(planner.getByTestId('talent-people').locator('tr', { hasText: '刘特派' })).toContainText('油茶栽培');
  await shot(planner, out, 'talent-registry');
});
