import { type Browser, expect, type Page, test } from '@playwright/test';
import { chooseOption, shot, signIn } from './helpers.ts';
import { demoPassword, port } from './playwright.config.ts';

// 科技特派员: the bureau dispatches a 特派员 to a village of 衡南县; the 特派员 logs a service on a phone, with a
// photo; the village confirms it with its code; the bureau's counts move.

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

  // on the phone: choose the village, describe the service, save, then add a photo
  const phone = await as(browser, 'tpy.hengnan', 'Tepai2026x!', true);
  await phone.goto('/talent/field');
  await expect(phone.getByTestId('field-log')).toBeVisible();
  await chooseOption(phone, phone.locator('input#targetId'), '栗江镇湖塘村');
  await phone.getByTestId('field-content').fill('现场指导油茶林抚育和病虫害防治，发放技术资料 40 份');
  await phone.getByTestId('field-submit').click();
  const codeBox = phone.getByTestId('field-code');
  await expect(codeBox).toBeVisible();
  const code = /确认码\s*([A-Z0-9]{8})/.exec((await codeBox.textContent()) ?? '')?.[1];
  expect(code).toBeTruthy();
  const chooser = phone.waitForEvent('filechooser');
  await phone.getByTestId('field-photo').click();
  await (await chooser).setFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(phone.getByTestId('field-photo')).toContainText('（1）');
  await shot(phone, out, 'talent-field-log-phone');

  // the village confirms with the code (no account)
  const confirmed = await fresh.request.post('/api/public/service-confirmations', { data: { code, name: '湖塘村 李村长' } });
  expect(confirmed.ok(), await confirmed.text()).toBe(true);
  await fresh.close();
  await phone.reload();
  await expect(phone.getByText('已由 湖塘村 李村长 确认')).toBeVisible();
  await shot(phone, out, 'talent-field-log-confirmed');

  // the bureau sees the 特派员 and the counts
  await planner.goto('/talent?tab=commissioners');
  const counts = planner.getByTestId('commissioner-counts');
  await expect(counts.getByText('覆盖村数')).toBeVisible();
  await expect(planner.getByTestId('talent-commissioners').getByText('刘特派')).toBeVisible();
  await shot(planner, out, 'talent-commissioners');
  await planner.goto('/talent');
  await expect(planner.getByTestId('talent-people').locator('tr', { hasText: '刘特派' })).toContainText('油茶栽培');
  await shot(planner, out, 'talent-registry');
});
