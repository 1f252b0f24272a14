import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect as baseExpect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { shot, signIn } from './helpers.ts';

// The 衡阳 seed plan, beside the repository as in CI (../shared/seeds).
const seed = path.resolve(import.meta.dirname, '../../shared/seeds/000_a0b3478110b595ee.txt');

// generous waits: the journey is long and the machine may be busy
const expect = baseExpect.configure({ timeout: 15_000 });

const leiyang = '耒阳市人民政府';
const hengnan = '衡南县人民政府';

/** Signs the current user out by dropping the session, then signs `username` in. */
async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** Picks `label` in an antd Select (single or multiple) by typing part of it. */
async function pick(page: Page, select: Locator, label: string, multiple = false) {
  await select.click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();
  if (multiple) {
    // searchable: narrow the list by typing, then take the first match; the list stays open after a choice
    const input = select.locator('input').first();
    await input.fill(label.slice(0, 2));
    await expect(option).toBeVisible();
    await input.press('Enter');
    await input.press('Escape');
  } else {
    // the list animates open; retry the choice until the select shows it
    await expect(async () => {
      if (!(await select.evaluate((el) => el.classList.contains('ant-select-open')))) await select.click();
      await option.click({ timeout: 2_000 });
      await baseExpect(select).toContainText(label, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }
  await expect(select).toContainText(label);
}

async function confirmPopover(page: Page) {
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s*定|确\s*认/ })
    .click();
}

async function reportOn(page: Page, row: Locator, opts: { narrative: string; percent: number; file: string }) {
  await row.getByTestId('inbox-report').click();
  const drawer = page.getByTestId('report-drawer');
  await expect(drawer.getByTestId('report-narrative')).toBeVisible();
  await drawer.getByTestId('report-narrative').fill(opts.narrative);
  const percent = drawer.locator('input[data-testid=report-percent], [data-testid=report-percent] input');
  await percent.fill(String(opts.percent));
  await percent.press('Tab');
  await drawer
    .getByTestId('report-self-status')
    .getByText(opts.percent === 100 ? '已完成' : '正常推进')
    .click();
  await drawer
    .locator('input[type=file]')
    .setInputFiles({ name: opts.file, mimeType: 'text/plain', buffer: Buffer.from(`${opts.narrative}\n佐证材料\n`, 'utf8') });
  await expect(drawer.getByTestId('report-attachments')).toContainText(opts.file, { timeout: 15_000 });
  await drawer.getByTestId('report-submit').click();
  await page.getByTestId('report-submit-confirm').click();
  await expect(page.getByText('已提交，等待科技局审核').last()).toBeVisible();
  await expect(drawer).toBeHidden();
}

test('plan execution: assign, report with evidence, review, dashboard and the bulletin files', async ({ page }, info) => {
  test.setTimeout(240_000);
  const out = (n: string) => info.outputPath(n);
  const year = new Date().getFullYear();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));

  // ---- the planner imports the 衡阳 plan ----
  await signIn(page, 'planner');
  await page.goto('/plans/import');
  await expect(page.getByTestId('page-plan-import')).toBeVisible();
  await page.getByTestId('plan-upload').locator('input[type=file]').setInputFiles(seed);
  await expect(page.getByTestId('plan-confirm')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('plan-confirm').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|确\s*认|创\s*建/ })
    .click();
  await expect(page.getByTestId('page-plan-detail')).toBeVisible({ timeout: 30_000 });
  const planId = Number(/\/plans\/(\d+)/.exec(page.url())?.[1]);
  expect(planId).toBeGreaterThan(0);
  const planTitle = ((await page.locator('h4').first().textContent()) ?? '').trim();
  expect(planTitle).toContain('衡阳');
  await expect(page.getByTestId('plan-subnav')).toBeVisible();

  // ---- execution view: run it this year, publish, assign three tasks to two units ----
  await page.getByTestId('plan-subnav').getByRole('tab', { name: '执行与分工' }).click();
  await expect(page.getByTestId('page-plan-execution')).toBeVisible();
  await expect(page.getByTestId('exec-task-row').first()).toBeVisible();

  await page.getByTestId('plan-meta-edit').click();
  const yearInput = page.locator('input[data-testid=plan-meta-year], [data-testid=plan-meta-year] input');
  await yearInput.fill(String(year));
  await page.getByLabel('调整原因').fill('按本年度执行');
  await page.getByTestId('plan-meta-save').click();
  await expect(page.getByTestId('page-plan-execution')).toContainText(`${year} 年`);

  await page.getByTestId('plan-publish').click();
  await confirmPopover(page);
  await expect(page.getByTestId('plan-state')).toHaveText('已发布');

  const rows = page.getByTestId('exec-task-row');
  const tasks: { id: number; title: string; unit: string }[] = [];
  const units = [leiyang, hengnan, leiyang];
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    const id = Number(await row.getAttribute('data-node'));
    const title = (await row.getAttribute('data-title')) ?? '';
    tasks.push({ id, title, unit: units[i] as string });
    await row.getByTestId('task-assign').click();
    const drawer = page.getByTestId('task-edit-drawer');
    await expect(drawer).toBeVisible();
    await pick(page, drawer.getByTestId('assign-lead'), units[i] as string, true);
    if (i === 2) await pick(page, drawer.getByTestId('assign-co'), hengnan, true);
    await pick(page, drawer.getByTestId('assign-cycle'), '按月');
    await drawer.getByTestId('task-edit-save').click();
    await expect(page.getByText('已保存').first()).toBeVisible();
    await expect(drawer).toBeHidden();
    await expect(page.locator(`[data-node="${id}"]`)).toContainText(units[i] === leiyang ? '耒阳' : '衡南', { timeout: 15_000 });
  }
  await expect(rows.first()).toContainText('按月');
  await page.mouse.wheel(0, -100_000);
  await page.screenshot({ path: out('1-execution.png') });

  // Excel round trip: export, import the same file back (checked row by row, then applied)
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-xlsx-export').click()]);
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  const exportPath = out('plan.xlsx');
  await exported.saveAs(exportPath);
  await page
    .getByTestId('plan-xlsx-import')
    .locator('xpath=ancestor::*[contains(@class,"ant-upload")][1]')
    .locator('input[type=file]')
    .setInputFiles(exportPath);
  await expect(page.getByTestId('plan-xlsx-counts')).toBeVisible();
  await page.getByTestId('plan-xlsx-confirm').click();
  await expect(page.getByText('导入完成')).toBeVisible();
  await page.keyboard.press('Escape');

  // the revision history keeps the versions before the edits
  await page.getByTestId('plan-subnav').getByRole('tab', { name: '修订记录' }).click();
  await expect(page.getByTestId('revision-row').first()).toBeVisible();
  await expect(page.getByTestId('page-plan-revisions')).toContainText('按本年度执行');
  await shot(page, out, '2-revisions');

  // ---- the 耒阳 reporter reports on both of its tasks, with evidence ----
  await switchUser(page, 'reporter.leiyang');
  await page.getByRole('menuitem', { name: '我的任务' }).click();
  await expect(page.getByTestId('page-my-tasks')).toBeVisible();
  // the demo data has plans of its own: look at this plan's rows
  const inboxRows = page.getByTestId('inbox-row').filter({ hasText: planTitle });
  await expect(inboxRows).toHaveCount(2);
  await expect(page.getByTestId('page-my-tasks')).not.toContainText(tasks[1]?.title.slice(0, 12) ?? '—');
  await shot(page, out, '3-my-tasks');

  const first = tasks[0] as (typeof tasks)[number];
  const third = tasks[2] as (typeof tasks)[number];
  await reportOn(page, inboxRows.filter({ hasText: first.title.slice(0, 12) }), {
    narrative: '已完成年度工作部署，相关政策文件已印发。',
    percent: 100,
    file: '部署文件.txt',
  });
  // a screenshot of the form itself, on the second task
  const thirdRow = inboxRows.filter({ hasText: third.title.slice(0, 12) });
  await thirdRow.getByTestId('inbox-report').click();
  await expect(page.getByTestId('report-narrative')).toBeVisible();
  await shot(page, out, '4-report-form');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('report-drawer')).toBeHidden();
  await reportOn(page, thirdRow, { narrative: '项目推进中，完成前期调研。', percent: 30, file: '调研报告.txt' });

  // ---- the planner returns one report and accepts the other ----
  await switchUser(page, 'planner');
  await page.goto(`/plans/${planId}/review`);
  await expect(page.getByTestId('review-row')).toHaveCount(2);
  await shot(page, out, '5-review-queue');

  await page
    .getByTestId('review-row')
    .filter({ hasText: third.title.slice(0, 12) })
    .getByTestId('review-open')
    .click();
  let drawer = page.getByTestId('review-drawer');
  await expect(drawer.getByTestId('report-view')).toContainText('项目推进中');
  await expect(drawer.getByTestId('report-attachments')).toContainText('调研报告.txt');
  await drawer.getByTestId('review-return').click();
  await expect(drawer).toContainText('退回时必须填写退回意见');
  await drawer.getByTestId('review-comment').fill('请补充调研报告的结论和下一步计划。');
  await shot(page, out, '6-review-return');
  await drawer.getByTestId('review-return').click();
  await expect(page.getByText('已退回，责任单位可在')).toBeVisible();
  await expect(page.getByTestId('review-row')).toHaveCount(1);

  await page.getByTestId('review-row').getByTestId('review-open').click();
  drawer = page.getByTestId('review-drawer');
  await expect(drawer.getByTestId('report-view')).toContainText('已完成年度工作部署');
  // a second reviewer (another tab) accepts it first: this drawer's decision meets a conflict
  const other = await page.context().newPage();
  await other.goto(`/plans/${planId}/review`);
  await other.getByTestId('review-row').getByTestId('review-open').click();
  await other.getByTestId('review-drawer').getByTestId('review-accept').click();
  await expect(other.getByText('已审核通过')).toBeVisible();
  await other.close();
  await drawer.getByTestId('review-comment').fill('再看一下');
  await drawer.getByTestId('review-return').click();
  await expect(drawer.getByTestId('review-conflict')).toContainText('该报送已被他人处理或修改');
  await shot(page, out, '6b-review-conflict');
  await drawer.getByTestId('review-reload').click();
  await expect(drawer.getByTestId('review-conflict')).toBeHidden();
  await expect(drawer.getByTestId('report-view').getByTestId('report-status')).toHaveText('已采纳');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-row')).toHaveCount(0);

  // the task page shows the report, its evidence and the timeline
  await page.goto(`/plans/${planId}/tasks/${first.id}`);
  await expect(page.getByTestId('page-task-detail')).toBeVisible();
  await expect(page.getByTestId('task-reports')).toContainText('已采纳');
  await expect(page.getByTestId('task-reports')).toContainText('部署文件.txt');
  await expect(page.getByTestId('task-timeline')).toContainText('审核通过');
  await expect(page.getByTestId('page-task-detail').getByTestId('task-status').first()).toHaveText('已完成');
  await shot(page, out, '7-task-detail');

  // ---- the dashboard shows the statuses ----
  await page.goto(`/plans/${planId}/dashboard`);
  await expect(page.getByTestId('dashboard-body')).toBeVisible();
  await expect(page.getByTestId('dashboard-count-done')).toContainText('1');
  const overdue = Number(
    (await page.getByTestId('dashboard-count-overdue_unreported').locator('.ant-statistic-content-value').textContent())?.trim(),
  );
  expect(overdue).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('dashboard-unit-row').filter({ hasText: '耒阳' })).toBeVisible();
  await expect(page.getByTestId('dashboard-target-row').first()).toBeVisible();
  await page.waitForTimeout(800); // chart animations
  await shot(page, out, '8-dashboard');

  // the execution view shows each task's status
  await page.goto(`/plans/${planId}/execution`);
  await expect(page.locator(`[data-node="${first.id}"]`).getByTestId('task-status')).toHaveText('已完成');
  await expect(page.locator(`[data-node="${tasks[1]?.id}"]`).getByTestId('task-status')).toHaveText('逾期未报');

  // ---- the bulletin: generate, then download and read both files ----
  await page.getByTestId('plan-subnav').getByRole('tab', { name: '进度通报' }).click();
  await expect(page.getByTestId('page-plan-bulletins')).toBeVisible();
  await page.getByTestId('bulletin-period').fill(`${year}年第一次`);
  await page.getByTestId('bulletin-generate').click();
  await expect(page.getByTestId('bulletin-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('bulletin-row')).toContainText(`${year}年第一次`);
  await shot(page, out, '9-bulletins');

  const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-docx').click()]);
  expect(docxDownload.suggestedFilename()).toMatch(/\.docx$/);
  const docxPath = out('bulletin.docx');
  await docxDownload.saveAs(docxPath);
  const { value: docText } = await mammoth.extractRawText({ buffer: await readFile(docxPath) });
  const flat = docText.replace(/\s+/g, '');
  expect(flat).toContain(planTitle.replace(/\s+/g, ''));
  expect(flat).toContain('已完成');
  expect(flat).toContain('逾期未报');
  expect(flat).toContain(hengnan);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxPath = out('bulletin.xlsx');
  await xlsxDownload.saveAs(xlsxPath);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
  const taskSheet = book.getWorksheet('任务进展');
  const targetSheet = book.getWorksheet('指标完成');
  expect(taskSheet).toBeDefined();
  expect(targetSheet).toBeDefined();
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const list: string[][] = [];
    ws.eachRow((row) => {
      list.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return list;
  };
  const taskRows = rowsOf(taskSheet as ExcelJS.Worksheet);
  expect(taskRows[0]?.join('')).toContain(planTitle);
  const head = taskRows.find((r) => r.includes('状态')) as string[];
  const statusCol = head.indexOf('状态');
  const taskCol = head.indexOf('任务');
  const acceptedRow = taskRows.find((r) => (r[taskCol] ?? '').includes(first.title.slice(0, 12)));
  expect(acceptedRow?.[statusCol]).toBe('已完成');
  expect(acceptedRow?.join('|')).toContain('已完成年度工作部署');
  const unreportedRow = taskRows.find((r) => (r[taskCol] ?? '').includes(tasks[1]?.title.slice(0, 12) ?? '—'));
  expect(unreportedRow?.[statusCol]).toBe('逾期未报');
  const targetRows = rowsOf(targetSheet as ExcelJS.Worksheet);
  const targetHead = targetRows.find((r) => r.includes('目标值')) as string[];
  const dataRows = targetRows.slice(targetRows.indexOf(targetHead) + 1).filter((r) => r.some(Boolean));
  expect(dataRows.length).toBeGreaterThan(0);
  const valueCol = targetHead.indexOf('目标值');
  expect(Number(dataRows[0]?.[valueCol])).not.toBeNaN();
  expect(dataRows[0]?.[targetHead.indexOf('指标')]).toBeTruthy();

  // ---- the reporter sees the return with its comment, and starts the correction ----
  await switchUser(page, 'reporter.leiyang');
  await page.goto('/my-tasks');
  await expect(page.getByTestId('inbox-row').filter({ hasText: third.title.slice(0, 12) })).toContainText('退回待改');
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notification-drawer')).toBeVisible();
  await shot(page, out, '10-notifications');
  await page.keyboard.press('Escape');
  await page
    .getByTestId('inbox-row')
    .filter({ hasText: third.title.slice(0, 12) })
    .getByTestId('inbox-report')
    .click();
  await expect(page.getByTestId('report-return-comment')).toContainText('请补充调研报告的结论');
  await page.getByTestId('report-revise').click();
  await expect(page.getByText('已新建草稿版本')).toBeVisible();
  await expect(page.getByTestId('report-narrative')).toHaveValue('项目推进中，完成前期调研。');
  await expect(page.getByTestId('report-return-comment')).toContainText('请补充调研报告的结论');
  await shot(page, out, '11-correction');
});
