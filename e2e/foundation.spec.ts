import { expect, test } from '@playwright/test';
import { chooseOption, shot, signIn } from './helpers.ts';

const modules: Array<[string, string]> = [
  ['/plans', 'page-plans'],
  ['/indicators', 'page-indicators'],
  ['/enterprises', 'page-enterprises'],
  ['/projects', 'page-projects'],
  ['/techmarket', 'page-techmarket'],
  ['/talent', 'page-talent'],
];

test('the demo planner signs in and opens every module page', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await expect(page.getByTestId('page-home')).toContainText('衡阳市科学技术局');
  await shot(page, (n) => info.outputPath(n), '00-home');
  for (const [path, testId] of modules) {
    await page.goto(path);
    await expect(page.getByTestId(testId)).toBeVisible();
    await shot(page, (n) => info.outputPath(n), path.slice(1));
  }
  // administration is for admins: a planner gets a clear refusal, not a broken page
  await page.goto('/admin/users');
  await expect(page.getByTestId('page-forbidden')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'admin-forbidden');
  expect(problems).toEqual([]);
});

test('an admin creates a unit and a user, and finds both in the audit log', async ({ page }, info) => {
  await signIn(page, 'admin');
  const name = `衡阳市科技创新服务中心${Date.now() % 100000}`;

  await page.goto('/admin/orgs');
  await expect(page.getByTestId('page-orgs')).toBeVisible();
  await page.getByRole('button', { name: /新建单位/ }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('单位名称').fill(name);
  await chooseOption(page, drawer.getByLabel('单位类型'), '服务机构');
  // the region picker finds 衡阳市 by its pinyin initials
  await chooseOption(page, drawer.getByLabel('所在地区'), '衡阳市', 'hys');
  await shot(page, (n) => info.outputPath(n), 'org-form');
  await drawer.getByRole('button', { name: /保\s*存|确\s*定|提\s*交/ }).click();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'orgs');

  await page.goto('/admin/users');
  await expect(page.getByTestId('page-users')).toBeVisible();
  await page.getByRole('button', { name: /新建用户/ }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('用户名').fill('e2e.reporter');
  await form.getByLabel('姓名').fill('测试填报人');
  await chooseOption(page, form.getByLabel('所属单位'), '耒阳市人民政府', '耒阳');
  await form.getByLabel('责任单位填报人').check();
  await form.getByRole('button', { name: /保\s*存|确\s*定|提\s*交/ }).click();
  await expect(page.getByTestId('temp-password')).toBeVisible();
  const temp = ((await page.getByTestId('temp-password').textContent()) ?? '').trim();
  expect(temp).toMatch(/^[A-Za-z0-9]{10,}$/);
  await shot(page, (n) => info.outputPath(n), 'user-created');
  await page.getByTestId('temp-password-modal').getByRole('button').last().click();

  await page.goto('/admin/audit');
  await expect(page.getByTestId('page-audit')).toBeVisible();
  // actions in zh-CN (the code in the tooltip)
  await expect(page.getByTestId('audit-action').filter({ hasText: '单位 · 新建' }).first()).toBeVisible();
  await expect(page.getByTestId('audit-action').filter({ hasText: '用户 · 新建' }).first()).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'audit');

  // the new user must change the temporary password at first sign-in
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill('e2e.reporter');
  await page.getByLabel('密码').fill(temp);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/password/);
  await page.getByLabel('当前密码').fill(temp);
  await page.getByLabel('新密码', { exact: true }).fill('Leiyang2026ok');
  await page.getByLabel('确认新密码').fill('Leiyang2026ok');
  await page.getByRole('button', { name: /确认修改/ }).click();
  await expect(page.getByTestId('page-home')).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'reporter-home');
});

test('the interface switches to English', async ({ page }, info) => {
  await signIn(page, 'province');
  await page.getByTestId('language-switch').click();
  const english = page.getByText('English').or(page.getByText('EN'));
  if (await english.first().isVisible()) await english.first().click();
  await expect(page.getByText(/Work plans|Plans/).first()).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'english');
});
