import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expertPoolHeader, unlinkExpertAccount, xlsxType } from './expert-fixtures.ts';
import { pageAs, shot } from './helpers.ts';

// 评审专家库: the bureau builds its pool from .xlsx and decides on entries; an expert joins, is approved and
// declares relations and unavailable dates.

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('专家库').addRows([expertPoolHeader, ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('the bureau imports a pool and decides; an expert joins and declares relations', async ({ browser }, info) => {
  const planner = await pageAs(browser, 'planner');
  const problems: string[] = [];
  planner.on('pageerror', (e) => problems.push(e.message));
  await unlinkExpertAccount(planner);
  await planner.goto('/experts');
  const pool = planner.getByTestId('expert-pool');
  await expect(pool).toBeVisible();
  const upload = pool.locator('input[type=file]');

  // a file with a bad row is refused whole, with the row and column of each problem
  await upload.setInputFiles({
    name: '专家-错误.xlsx',
    mimeType: xlsxType,
    buffer: await workbook([
      ['周正', '', '男', '教授', '南华大学', '', '430407', '520.20', 'I65', '机器学习', '', '', '', ''],
      ['武汉专家', '', '男', '教授', '武汉大学', '', '420100', '999', '', '', '', '', '', ''],
    ]),
  });
  const errors = planner.getByTestId('expert-import-errors');
  await expect(errors).toBeVisible();
  await expect(errors).toContainText('不在您的管辖范围内');
  await expect(errors).toContainText('学科代码');
  await shot(planner, (n) => info.outputPath(n), 'import-errors');
  await planner
    .getByRole('dialog')
    .getByRole('button', { name: /^关\s+闭$/ })
    .click();

  // a good file: checked first, imported on confirmation
  await upload.setInputFiles({
    name: '专家名单.xlsx',
    mimeType: xlsxType,
    buffer: await workbook([
      [
        '周正',
        '',
        '男',
        '教授',
        '南华大学',
        '湖南大学（2008-09~2014-07）',
        '430407',
        '520.20；520.60',
        'I65',
        '机器学习、医疗大数据',
        '13907340001',
        '',
        '',
        '',
      ],
      ['钱慧', '', '女', '研究员', '衡阳市农业科学研究所', '', '430422', '210.30', 'A01', '水稻育种', '', '', 15, ''],
      ['孙铭', '', '男', '正高级工程师', '衡阳衡山科学仪器有限公司', '', '430408', '535.10；460.20', 'C40', '光谱仪器', '', '', '', ''],
    ]),
  });
  const dialog = planner.getByRole('dialog');
  await expect(dialog).toContainText('校验通过');
  await shot(planner, (n) => info.outputPath(n), 'import-review');
  await planner.getByTestId('expert-import-confirm').click();
  await expect(planner.getByText('已导入 3 名专家')).toBeVisible();
  await planner.goto('/experts/pool?q=衡阳');
  await expect(pool.getByText('钱慧')).toBeVisible();
  await expect(pool.getByText('孙铭')).toBeVisible();
  await shot(planner, (n) => info.outputPath(n), 'pool');

  // filter by 学科 prefix (520 → 520.20) and text, and open the entry
  await planner.goto('/experts/pool?discipline=520&q=周正');
  await expect(pool.getByText('周正')).toBeVisible();
  await expect(pool.getByText('钱慧')).toHaveCount(0);
  await pool.getByTestId('expert-open').first().click();
  const drawer = planner.getByTestId('expert-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('expert-employments')).toContainText('湖南大学');
  await expect(drawer.getByTestId('expert-employments')).toContainText('2008-09-01 ~ 2014-07-31');
  await expect(drawer).toContainText('人工智能');
  await shot(planner, (n) => info.outputPath(n), 'drawer');
  await planner.getByTestId('expert-edit').click();
  const form = planner.getByTestId('expert-form');
  await expect(form.getByTestId('expert-form-name')).toHaveValue('周正');
  await expect(form).toContainText('人工智能');
  await expect(planner.getByTestId('expert-form-save')).toBeInViewport({ ratio: 1 });
  await shot(planner, (n) => info.outputPath(n), 'edit-form');
  await planner.getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(form).toHaveCount(0);

  // pausing needs a reason, which the history keeps
  await drawer.getByTestId('expert-action-pause').click();
  await planner.getByTestId('expert-action-ok').click();
  await expect(planner.getByText('请填写理由')).toBeVisible();
  await planner.getByTestId('expert-action-reason').fill('赴外地挂职一年');
  await planner.getByTestId('expert-action-ok').click();
  await expect(drawer.getByTestId('expert-status').first()).toHaveText('暂停');
  await expect(drawer.getByTestId('expert-history')).toContainText('理由：赴外地挂职一年');

  // an expert joins: the entry waits for the bureau
  const expert = await pageAs(browser, 'expert');
  expert.on('pageerror', (e) => problems.push(e.message));
  await expert.goto('/experts');
  const join = expert.getByTestId('expert-join');
  await expect(join).toBeVisible();
  await shot(expert, (n) => info.outputPath(n), 'expert-join');
  await join.getByTestId('expert-form-name').fill('陈志远');
  const disciplines = join.getByTestId('expert-form-disciplines');
  await expect(async () => {
    await disciplines.click();
    await disciplines.locator('input').fill('核安全');
    await expert.locator('.ant-select-tree-node-content-wrapper:visible').filter({ hasText: '核安全' }).first().click({ timeout: 2_000 });
    await expect(disciplines).toContainText('核安全', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await join.getByTestId('expert-form-org').first().fill('南华大学');
  await join.getByTestId('expert-me-save').click();
  const status = expert.getByTestId('expert-me-status');
  await expect(status).toContainText('等待科技局审核');

  // the bureau approves it
  await planner.goto('/experts/pool?status=pending&q=陈志远');
  await expect(pool.getByText('陈志远')).toBeVisible();
  await pool.getByTestId('expert-open').first().click();
  await drawer.getByTestId('expert-action-approve').click();
  await planner.getByTestId('expert-action-ok').click();
  await expect(drawer.getByTestId('expert-status').first()).toHaveText('在库');

  // the expert, now in the pool, declares a relation and dates they cannot review
  await expert.reload();
  await expect(status).toContainText('您已在专家库中');
  const relations = expert.getByTestId('expert-relations-card');
  await relations.getByTestId('relation-add').click();
  const kind = relations.getByTestId('relation-kind');
  await expect(async () => {
    await kind.click();
    await expert.locator('.ant-select-item-option:visible').filter({ hasText: '师生' }).first().click({ timeout: 2_000 });
    await expect(kind).toContainText('师生', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await relations.getByTestId('relation-person').fill('欧阳核');
  await relations.getByTestId('expert-relations-save').click();
  await expect(expert.getByText('已保存')).toBeVisible();
  await expert.reload();
  await expect(expert.getByTestId('expert-relations-card').getByTestId('relation-person')).toHaveValue('欧阳核');
  await shot(expert, (n) => info.outputPath(n), 'expert-me');

  // the bureau sees the declaration in the entry
  await planner.reload();
  await expect(planner.getByTestId('expert-drawer').getByTestId('expert-relations')).toContainText('师生');
  expect(problems).toEqual([]);
});
