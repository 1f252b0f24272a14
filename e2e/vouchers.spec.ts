import { expect, test } from '@playwright/test';
import { api, chooseOption, confirmPopover, pageAs, shot } from './helpers.ts';
import { port } from './playwright.config.ts';

// 科技创新券: an enterprise gets a quota, uses it on a contract with a listed provider, the provider redeems it
// with its evidence, and the bureau approves, batches and pays.

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const yes = /确\s*定|OK/;

test('an enterprise gets a voucher, uses it, and the provider redeems it', async ({ browser }, info) => {
  test.setTimeout(300_000);
  const out = (n: string) => info.outputPath(n);
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const admin = await pageAs(browser, 'admin');
  const planner = await pageAs(browser, 'planner');

  // set-up the journey does not walk through: a testing company on the provider registry with its account, and
  // the enterprise's 科技型中小企业 number of this year
  const lab = await api<{ id: number }>(admin, 'POST', '/api/orgs', {
    name: '衡阳雁峰检测认证有限公司',
    kind: 'enterprise',
    regionCode: '430408',
  });
  await api(planner, 'POST', '/api/vouchers/providers', { orgId: lab.id, services: ['testing', 'rnd'], registeredOn: `${year}-01-05` });
  const created = await api<{ temporaryPassword: string }>(admin, 'POST', '/api/users', {
    username: 'provider.nhu',
    displayName: '衡检检测 业务部',
    orgId: lab.id,
    roles: ['enterprise'],
  });
  const fresh = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const login = await fresh.request.post('/api/auth/login', { data: { username: 'provider.nhu', password: created.temporaryPassword } });
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const changed = await fresh.request.post('/api/auth/password', {
    headers: { 'x-csrf-token': csrf },
    data: { currentPassword: created.temporaryPassword, newPassword: 'Provider2026x!' },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  await fresh.close();

  const company = await pageAs(browser, 'enterprise');
  const me = await api<{ enterpriseId: number }>(company, 'GET', '/api/vouchers/me');
  await api(planner, 'POST', `/api/enterprises/${me.enterpriseId}/tech-sme-registrations`, {
    year,
    number: `${year}43040800777`,
    registeredOn: `${year}-01-03`,
  });

  // the enterprise applies for 20万
  await company.goto('/vouchers');
  await expect(company.getByTestId('voucher-quotas')).toBeVisible();
  await company.getByTestId('quota-apply').click();
  await company.getByTestId('amount-input').fill('200000');
  await company.getByRole('dialog').getByRole('button', { name: yes }).click();
  await expect(company.getByTestId('voucher-quotas').getByText('待核定')).toBeVisible();

  // the bureau grants it
  await planner.goto('/vouchers');
  const row = planner.getByTestId('voucher-quotas').getByRole('row', { name: /衡阳衡山科学仪器/ });
  await row.locator('[data-testid^="grant-"]').click();
  await planner.getByRole('dialog').getByRole('button', { name: yes }).click();
  await expect(row.getByText('已核定')).toBeVisible();
  await shot(planner, out, 'voucher-bureau-quotas');

  // the enterprise uses it on a 30万 contract: half is covered (15万)
  await company.reload();
  await company.getByRole('button', { name: '使用创新券' }).click();
  const dialog = company.getByRole('dialog');
  await chooseOption(company, dialog.locator('input#providerId'), '衡阳雁峰检测认证有限公司');
  await chooseOption(company, dialog.locator('input#service'), '检验检测');
  await dialog.locator('input#contractNo').fill('NHU-JC-2026-031');
  await dialog.locator('input#contractAmount').fill('300000');
  await dialog.locator('input#signedOn').fill(`${year}-02-10`);
  await dialog.locator('input#signedOn').press('Enter');
  await dialog.getByTestId('use-not-related').check();
  await shot(company, out, 'voucher-use-form');
  await dialog.getByRole('button', { name: yes }).click();
  await expect(company.getByText('已使用创新券：150,000.00 元')).toBeVisible();
  await company.getByRole('tab', { name: '使用与兑付' }).click();
  await expect(company.getByTestId('voucher-uses').getByText('150,000.00 元')).toBeVisible();

  // the provider uploads the contract, invoice and payment proof, and applies
  const provider = await pageAs(browser, 'provider.nhu', 'Provider2026x!');
  await provider.goto('/vouchers');
  await expect(provider.getByTestId('voucher-redeem')).toBeVisible();
  await provider.getByTestId('voucher-redeem').getByRole('button', { name: '兑付材料' }).first().click();
  for (const kind of ['contract', 'invoice', 'payment']) {
    const chooser = provider.waitForEvent('filechooser');
    await provider.getByTestId(`upload-${kind}`).click();
    await (await chooser).setFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await expect(provider.getByText(`${kind}.pdf`)).toBeVisible();
  }
  await shot(provider, out, 'voucher-provider-evidence');
  await provider.getByTestId('redeem-submit').click();
  await confirmPopover(provider);
  await expect(provider.locator('.ant-drawer').getByText('待审核兑付')).toBeVisible();

  // the bureau approves, batches the quarter and pays
  await planner.goto('/vouchers?tab=uses');
  await planner.getByTestId('voucher-uses').locator('[data-testid^="approve-"]').click();
  await confirmPopover(planner);
  await expect(planner.getByTestId('voucher-uses').getByText('兑付审核通过')).toBeVisible();
  await planner.getByRole('tab', { name: '兑付批次' }).click();
  await planner.getByTestId('batch-create').click();
  await confirmPopover(planner);
  const batches = planner.getByTestId('voucher-batches');
  await expect(batches.getByText('150,000.00 元')).toBeVisible();
  await batches.getByRole('button', { name: '拨付完成' }).click();
  await confirmPopover(planner);
  await expect(batches.getByText('已拨付')).toBeVisible();
  await shot(planner, out, 'voucher-batches');
  await company.reload();
  await expect(company.getByTestId('voucher-uses').getByText('已兑付')).toBeVisible();
  await shot(company, out, 'voucher-enterprise-uses');
});
