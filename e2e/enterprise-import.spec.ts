import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { shot, signIn } from './helpers.ts';

// The all-or-nothing .xlsx import — a bad file shows its row errors and writes nothing; a good
// one is checked, confirmed and applied (enterprises, yearly figures, IP items, incidents).
const good = '91430405MA9E2E001E';
const other = '91430405MA9E2E002H';

async function workbook(rows: { enterprises: unknown[][]; years?: unknown[][]; ip?: unknown[][]; incidents?: unknown[][] }) {
  const b = new ExcelJS.Workbook();
  b.addWorksheet('企业名录').addRows([['统一社会信用代码', '企业名称', '所在地区代码', '行业代码', '成立日期'], ...rows.enterprises]);
  b.addWorksheet('年度数据').addRows([
    [
      '统一社会信用代码',
      '年度',
      '职工总数（全年月平均，人）',
      '科技人员数（全年月平均，人）',
      '销售收入（万元）',
      '研发费用-人员人工（万元）',
    ],
    ...(rows.years ?? []),
  ]);
  b.addWorksheet('知识产权').addRows([['统一社会信用代码', '专利号/登记号', '类型', '名称', '授权日期'], ...(rows.ip ?? [])]);
  b.addWorksheet('事故记录').addRows([['统一社会信用代码', '发生日期', '类型', '等级', '说明'], ...(rows.incidents ?? [])]);
  return Buffer.from(await b.xlsx.writeBuffer());
}
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('the bureau imports an .xlsx: row errors for a bad file, success for a good one', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await page.goto('/enterprises');
  const registry = page.getByTestId('enterprise-registry');
  await expect(registry).toBeVisible();
  const upload = registry.locator('input[type=file]');

  // a bad file: a wrong check character, a region outside 衡阳, a year out of range, an unknown IP kind
  const bad = await workbook({
    enterprises: [
      [good, '导入测试科技有限公司', '430405', 'C39', '2019-05-20'],
      ['91430405MA9E2E002X', '校验失败企业', '430405', '', ''],
      [other, '外地企业', '420102', '', ''],
    ],
    years: [[good, 1890, '80', '20', '5000', '200']],
    ip: [[good, 'ZL202210001234.5', '专利', '', '2022-04-01']],
  });
  await upload.setInputFiles({ name: '企业导入-错误.xlsx', mimeType: xlsx, buffer: bad });
  const errors = page.getByTestId('enterprise-import-errors');
  await expect(errors).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('未导入任何数据');
  await expect(errors).toContainText('统一社会信用代码');
  await expect(errors).toContainText('不在您的管辖范围内');
  await expect(errors).toContainText('年度应为 1990–2100 之间的四位整数');
  await expect(errors).toContainText('未知的知识产权类型“专利”');
  await shot(page, (n) => info.outputPath(n), 'import-errors');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^关\s+闭$/ })
    .click();
  await page.getByTestId('enterprise-search').locator('input').fill('导入测试');
  await page.getByTestId('enterprise-search').locator('input').press('Enter');
  await expect(registry.getByText('导入测试科技有限公司')).toHaveCount(0);

  // a good file: checked first (dry run), then applied on confirmation
  const ok = await workbook({
    enterprises: [[good, '导入测试科技有限公司', '430405', 'C39', '2019-05-20']],
    years: [
      [good, 2024, '80', '20', '5000', '200'],
      [good, 2025, '90', '22', '6000', '260'],
    ],
    ip: [[good, 'ZL202210001234.5', '发明专利', '一种检测装置', '2022-04-01']],
    incidents: [[good, '2025-03-01', '质量事故', '一般', '批次退货']],
  });
  await upload.setInputFiles({ name: '企业导入.xlsx', mimeType: xlsx, buffer: ok });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('校验通过');
  await expect(dialog).toContainText('新登记企业');
  await shot(page, (n) => info.outputPath(n), 'import-review');
  await page.getByTestId('enterprise-import-confirm').click();
  await expect(page.getByText(/导入完成：新登记 1 家，更新 0 家，年度数据 2 行，知识产权 1 项，事故记录 1 条/)).toBeVisible();
  await expect(registry.getByText('导入测试科技有限公司')).toBeVisible();

  // the imported records are on the enterprise's page
  await registry.getByText('导入测试科技有限公司').click();
  const record = page.getByTestId('enterprise-record');
  await expect(record.getByTestId('enterprise-ip')).toContainText('ZL202210001234.5');
  await expect(record.getByTestId('enterprise-incidents')).toContainText('质量事故');
  await shot(page, (n) => info.outputPath(n), 'import-applied');
  expect(problems).toEqual([]);
});
