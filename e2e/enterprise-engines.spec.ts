import { expect, test } from '@playwright/test';
import { chooseOption, shot, signIn } from './helpers.ts';

// Staff entered month by month in the self-check; the scheme editor's transform, sd and relative tiers.
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

test('the bureau registers a 科技型中小企业 number and revokes it; the same year is then barred', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await page.goto('/enterprises');
  await page.getByTestId('enterprise-create').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('统一社会信用代码').fill('91430405MA9E2E0172');
  await form.getByLabel('企业名称').fill('入库撤销测试科技有限公司');
  await chooseOption(page, form.getByLabel('所在地区'), '衡南县', '衡南');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  const card = page.getByTestId('enterprise-record').getByTestId('tech-sme-registrations');
  await expect(card).toContainText('尚无入库登记编号');

  await card.getByRole('button', { name: '登记入库编号' }).click();
  const add = page.getByRole('dialog', { name: '登记入库编号' });
  await add.getByLabel('入库登记编号').fill('2026430422A0000017');
  const registeredOn = add.getByLabel('入库日期');
  await registeredOn.click();
  await registeredOn.fill('2026-03-01');
  await registeredOn.press('Enter');
  await add.getByRole('button', { name: /保\s*存/ }).click();
  await expect(card).toContainText('2026430422A0000017');
  await expect(card).toContainText('有效至 2026-12-31');

  await card
    .getByRole('button', { name: '撤 销' })
    .or(card.getByRole('button', { name: '撤销' }))
    .first()
    .click();
  const revoke = page.getByRole('dialog', { name: /撤销入库登记编号/ });
  await expect(revoke).toContainText('当年不得再次参与评价');
  await chooseOption(page, revoke.getByLabel(/撤销原因/), '被列入经营异常名录');
  await revoke.getByRole('button', { name: /撤\s*销/ }).click();
  await expect(card).toContainText('已撤销');

  // a new number in the same year is refused with the rule
  await card.getByRole('button', { name: '登记入库编号' }).click();
  const again = page.getByRole('dialog', { name: '登记入库编号' });
  await again.getByLabel('入库登记编号').fill('2026430422A0000018');
  await again.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/当年不得再次参与/).first()).toBeVisible();
  await shot(page, (n) => info.outputPath(n), 'tech-sme-revoked');
  expect(problems).toEqual([]);
});
