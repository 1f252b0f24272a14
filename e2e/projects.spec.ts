import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, type Response, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { api, beijing, chooseOption, confirmPopover, idNumber, pageAs, shot } from './helpers.ts';
import { port } from './playwright.config.ts';

// A call from publication to an accepted project, and the plan target that counts projects.

const yes = /确\s*定/;

/** Opens the call form's 新增计划类别 row (a click while the modal still animates in can miss). */
async function openProgrammeForm(page: Page) {
  await expect(async () => {
    const add = page.getByTestId('programme-add');
    if (await add.isVisible()) await add.click({ timeout: 2_000 });
    await expect(page.getByPlaceholder('类别名称')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** Confirms the open Popconfirm; a click while it still animates in can miss, so retry until it has closed. */
/**
 * Publishes the call in `row` through its Popconfirm and waits for the server's answer. If the confirmation closed
 * without sending anything (the row re-rendered under it), the button is pressed again; an answer other than 200
 * fails with the server's body, so a refusal is never mistaken for a slow list.
 */
async function publishCall(page: Page, row: Locator) {
  const sent = () =>
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/project-calls\/\d+\/publish$/.test(r.url()), {
      timeout: 5_000,
    });
  let answer: Response | undefined;
  await expect(async () => {
    const waiting = sent();
    waiting.catch(() => undefined); // awaited below; a failed attempt must not leave an unhandled rejection
    if ((await page.locator('.ant-popconfirm:visible').count()) === 0) await row.getByTestId('call-publish').click({ timeout: 2_000 });
    await confirmPopover(page);
    answer = await waiting;
  }).toPass({ timeout: 30_000 });
  expect(answer?.status(), await answer?.text()).toBe(200);
  await expect(row.getByTestId('call-status')).toHaveText('已发布');
}

test('a call runs from publication to 整改后通过, and the plan target bound to the project count shows it', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const out = (n: string) => info.outputPath(n);
  const planner = await pageAs(browser, 'planner');
  const problems: string[] = [];
  planner.on('pageerror', (e) => problems.push(e.message));
  const year = Number(beijing(0).slice(0, 4));

  // a plan of the year whose target counts the projects started (立项科技项目数), read live from the project records
  const plan = await api<{ id: number }>(planner, 'POST', '/api/plans', {
    title: `衡阳市${year}年科技项目工作安排（演示）`,
    regionCode: '430400',
    year,
    kind: 'plan',
    nodes: [{ key: 'n1', parentKey: null, kind: 'task', number: '1', title: '组织实施市级科技计划项目', start: 0, end: 12 }],
    targets: [
      {
        nodeKey: 'n1',
        indicatorName: '立项科技项目',
        indicatorCode: 'project_started_count',
        value: 5,
        valueMax: null,
        unit: '项',
        normalizedValue: 5,
        normalizedUnit: '项',
        comparator: null,
        qualifier: null,
        kind: 'level',
        targetYear: year,
        quote: '立项科技项目5项',
        start: 0,
        end: 8,
      },
    ],
  });

  // 1. the bureau drafts and publishes a call
  await planner.goto('/projects/calls');
  await expect(planner.getByTestId('project-calls')).toBeVisible();
  await planner.getByTestId('call-create').click();
  await openProgrammeForm(planner);
  await planner.getByPlaceholder('类别名称').fill('衡阳市自然科学基金');
  await planner.getByTestId('programme-save').click();
  await expect(planner.locator('.ant-modal').getByText('衡阳市自然科学基金（自然科学基金）')).toBeVisible();
  const modal = planner.locator('.ant-modal');
  await modal.getByLabel('指南名称').fill(`${year}年衡阳市自然科学基金项目申报指南`);
  await modal.getByLabel('支持方向').fill('先进制造');
  await modal.getByLabel('支持方向').press('Enter');
  await modal.getByLabel('资助强度（万元）').fill('50');
  await modal.getByLabel('本批次财政资金总额（万元）').fill('300');
  for (const [label, value] of [
    ['申报开始时间（北京时间）', beijing(-1)],
    ['申报截止时间（北京时间）', beijing(24 * 10)],
  ] as const) {
    await modal.getByLabel(label).click();
    await modal.getByLabel(label).fill(value);
    await modal.getByLabel(label).press('Enter');
  }
  await modal.getByLabel('每单位限报').fill('2');
  await shot(planner, out, 'call-form');
  await planner.getByTestId('call-save').click();
  await expect(modal).toBeHidden();
  const callRow = planner.getByTestId('project-calls').locator('tr', { hasText: '自然科学基金项目申报指南' });
  await expect(callRow.getByTestId('call-status')).toHaveText('草稿');
  await publishCall(planner, callRow);

  // the public page shows it without signing in
  const visitor = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
  await visitor.goto('/open-calls');
  await expect(visitor.getByTestId('public-call').filter({ hasText: '自然科学基金项目申报指南' })).toContainText('50 万元');
  await shot(visitor, out, 'public-calls');
  await visitor.close();

  // 2. an enterprise user applies with a budget and targets
  const unit = await pageAs(browser, 'enterprise');
  unit.on('pageerror', (e) => problems.push(e.message));
  await unit.goto('/projects/calls');
  await unit.getByTestId('project-calls').locator('tr', { hasText: '自然科学基金项目申报指南' }).getByTestId('call-apply').click();
  const drawer = unit.locator('.ant-drawer');
  await drawer.getByLabel('项目名称').fill('高精度光谱仪关键部件研发');
  await chooseOption(unit, drawer.getByLabel('申报方向'), '先进制造');
  await drawer.getByLabel('负责人姓名').fill('周明远');
  await drawer.getByLabel('身份证号码').fill(idNumber('43040519800101123'));
  await drawer.getByLabel('设备费 财政资金').fill('20');
  await drawer.getByLabel('业务费 财政资金').fill('10');
  await drawer.getByLabel('业务费 自筹资金').fill('15');
  await drawer.getByTestId('fiscal-total').fill('31');
  await drawer.getByTestId('self-total').fill('15');
  await expect(drawer.getByTestId('budget-mismatch')).toContainText('30');
  await expect(drawer.getByTestId('app-submit')).toBeDisabled();
  await drawer.getByTestId('fiscal-total').fill('30');
  await expect(drawer.getByTestId('budget-ok')).toBeVisible();
  await drawer.getByTestId('target-add').click();
  await drawer.getByLabel('考核指标').first().fill('申请发明专利');
  await drawer.getByLabel('指标值').first().fill('3');
  await drawer.getByLabel('单位').first().fill('件');
  await shot(unit, out, 'application-form');
  await drawer.getByTestId('app-submit').click();
  await expect(drawer).toBeHidden();
  await unit.goto('/projects/mine');
  const myRow = unit.getByTestId('my-applications').locator('tr', { hasText: '高精度光谱仪关键部件研发' });
  await expect(myRow.getByTestId('app-status')).toHaveText('已提交');
  await shot(unit, out, 'my-applications');

  // 3. the formal check returns it with a reason
  await planner.goto('/projects/desk');
  await chooseOption(planner, planner.getByTestId('desk-applications').getByRole('combobox').first(), '自然科学基金项目申报指南');
  await expect(planner.getByTestId('call-checks')).toContainText('已检查 1 份申报书');
  await planner.getByTestId('desk-open').filter({ hasText: '高精度光谱仪关键部件研发' }).click();
  const desk = planner.getByTestId('desk-drawer');
  await expect(desk.getByTestId('no-findings')).toBeVisible();
  await desk.getByTestId('desk-reasons').fill('考核指标缺少技术性能指标');
  await desk.getByTestId('desk-return').click();
  await expect(desk.getByTestId('app-timeline')).toContainText('退回修改');
  await shot(planner, out, 'desk-returned');
  await planner.keyboard.press('Escape');

  // 4. the unit corrects and resubmits
  await unit.reload();
  await expect(myRow.getByTestId('app-status')).toHaveText('已退回');
  await myRow.getByTestId('app-open').click();
  await expect(drawer.getByTestId('app-return-reasons')).toContainText('考核指标缺少技术性能指标');
  await drawer.getByLabel('身份证号码').fill(idNumber('43040519800101123'));
  await drawer.getByTestId('target-add').click();
  await drawer.getByLabel('考核指标').nth(1).fill('光谱分辨率');
  await drawer.getByLabel('指标值').nth(1).fill('0.05');
  await drawer.getByLabel('单位').nth(1).fill('nm');
  await drawer.getByTestId('app-submit').click();
  await expect(drawer).toBeHidden();
  await expect(myRow.getByTestId('app-status')).toHaveText('已提交');

  // 5. formal check passes; the review stub: the planner enters the decision
  await planner.reload();
  await planner.getByTestId('desk-open').filter({ hasText: '高精度光谱仪关键部件研发' }).click();
  await expect(desk.getByTestId('app-timeline')).toContainText('修改后重新提交');
  for (const item of ['申报书填写完整', '必备附件齐全', '经费预算编制合规', '申报单位符合条件']) await desk.getByLabel(item).check();
  await desk.getByTestId('desk-pass').click();
  const grant = desk.locator('input[data-testid=decision-grant], [data-testid=decision-grant] input');
  await expect(grant).toHaveValue('30');
  await grant.fill('30');
  await desk.getByTestId('decision-save').click();
  await expect(desk).toContainText('已立项，资助 30 万元');
  await shot(planner, out, 'desk-decided');
  await planner.keyboard.press('Escape');

  // 6. 立项公示 as .docx and .xlsx
  await planner.goto('/projects/calls');
  const published = planner.getByTestId('project-calls').locator('tr', { hasText: '自然科学基金项目申报指南' });
  const [docx] = await Promise.all([planner.waitForEvent('download'), published.getByTestId('approval-docx').click()]);
  const text = (await mammoth.extractRawText({ buffer: await readFile(await docx.path()) })).value;
  expect(text).toContain('高精度光谱仪关键部件研发');
  expect(text).toContain('衡阳衡山科学仪器有限公司');
  const [xlsx] = await Promise.all([planner.waitForEvent('download'), published.getByTestId('approval-xlsx').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
  const cells = (book.worksheets[0]?.getSheetValues() ?? []).flat().map(String);
  expect(cells.some((c) => c.includes('高精度光谱仪关键部件研发'))).toBe(true);

  // 7. 任务书 confirmed by both sides
  await planner.goto('/projects/bank');
  await planner.getByTestId('bank-open').filter({ hasText: '高精度光谱仪关键部件研发' }).click();
  await expect(planner.getByTestId('project-status')).toHaveText('待签任务书');
  const projectUrl = planner.url();
  await expect(planner.getByTestId('project-contract')).toContainText('申请发明专利');
  await planner.getByTestId('contract-confirm').click();
  await expect(planner.getByTestId('project-contract')).not.toContainText('科技局 待确认');
  await unit.goto(projectUrl);
  await unit.getByTestId('contract-confirm').click();
  await expect(unit.getByTestId('project-status')).toHaveText('执行中');

  // 8. 拨款
  await planner.reload();
  await planner.locator('input[data-testid=payment-amount], [data-testid=payment-amount] input').fill('15');
  await planner.getByTestId('payment-save').click();
  await expect(planner.getByTestId('project-paid')).toHaveText('15 万元');

  // 9. the unit files its 科技报告 and asks for acceptance
  await unit.reload();
  await chooseOption(unit, unit.getByTestId('project-reports').getByRole('combobox'), '科技报告');
  await unit.getByTestId('report-progress').fill('完成样机研制，申请发明专利3件，分辨率达到0.05nm。');
  await unit.getByTestId('report-save').click();
  await expect(unit.getByTestId('project-reports')).toContainText('科技报告');
  await unit.getByTestId('acceptance-request').click();
  await expect(unit.getByTestId('project-status')).toHaveText('已申请验收');

  // 10. acceptance: first round orders rectification (finance fails), second round passes after rectification
  await planner.reload();
  const form = planner.getByTestId('acceptance-form');
  await form.getByLabel('申请发明专利 实际完成').fill('3');
  await form.getByLabel('申请发明专利 达到').check();
  await form.getByLabel('光谱分辨率 实际完成').fill('0.05');
  await form.getByLabel('光谱分辨率 达到').check();
  await form.getByTestId('acceptance-finance').getByLabel('不通过').check();
  await chooseOption(planner, form.getByTestId('acceptance-verdict').getByRole('combobox'), '限期整改');
  await form.getByTestId('acceptance-save').click();
  await expect(planner.getByTestId('project-status')).toHaveText('整改中');
  await expect(form).toContainText('整改只有一次');
  await form.getByLabel('申请发明专利 实际完成').fill('3');
  await form.getByLabel('光谱分辨率 实际完成').fill('0.05');
  await form.getByTestId('acceptance-finance').getByLabel('通过', { exact: true }).check();
  await chooseOption(planner, form.getByTestId('acceptance-verdict').getByRole('combobox'), '整改后通过');
  await form.getByTestId('acceptance-save').click();
  await expect(planner.getByTestId('project-status')).toHaveText('整改后通过');
  await expect(planner.getByTestId('project-timeline')).toContainText('整改后通过');
  await shot(planner, out, 'project-accepted');

  // 11. the plan's target takes its actual from the project records
  await planner.goto(`/plans/${plan.id}/dashboard`);
  const targetRow = planner.getByTestId('dashboard-target-row').filter({ hasText: '立项科技项目' });
  await expect(targetRow).toContainText(/\b1\s*项/);
  await shot(planner, out, 'plan-target');

  // 争资 reads the same bank's year: nothing recommended upward yet
  await planner.goto('/projects/upward');
  await expect(planner.getByTestId('project-upward')).toContainText('推荐项目数');
  await shot(planner, out, 'upward');
  expect(problems).toEqual([]);
});

test('揭榜挂帅: a 榜单 is published, a bid selected, and the award paid by the milestone tied to its target', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const out = (n: string) => info.outputPath(n);
  const planner = await pageAs(browser, 'planner');
  const problems: string[] = [];
  planner.on('pageerror', (e) => problems.push(e.message));
  const year = Number(beijing(0).slice(0, 4));

  // the 榜单: an open-competition call with its demand; 榜额 is the maximum grant
  await planner.goto('/projects/calls');
  await planner.getByTestId('call-create').click();
  const modal = planner.locator('.ant-modal');
  await openProgrammeForm(planner);
  await chooseOption(planner, modal.getByTestId('programme-kind').getByRole('combobox'), '揭榜挂帅');
  await planner.getByPlaceholder('类别名称').fill('衡阳市揭榜挂帅项目');
  await planner.getByTestId('programme-save').click();
  await expect(modal.getByTestId('demand-fields')).toBeVisible();
  await modal.getByLabel('指南名称').fill(`${year}年衡阳市揭榜挂帅榜单（第一批）`);
  await modal.getByLabel('发榜方').fill('衡阳衡山科学仪器有限公司');
  await modal.getByLabel('实施期限（月）').fill('24');
  await modal.getByLabel('攻关目标').fill('突破高精度光栅刻划关键技术，实现进口替代');
  await modal.getByTestId('demand-target-add').click();
  await modal.getByLabel('榜单考核指标').fill('光栅刻线密度');
  await modal.getByLabel('榜单指标值').fill('3600');
  await modal.getByLabel('榜单指标单位').fill('线/mm');
  await modal.getByLabel('资助强度（万元）').fill('100');
  await modal.getByLabel('本批次财政资金总额（万元）').fill('100');
  for (const [label, value] of [
    ['申报开始时间（北京时间）', beijing(-1)],
    ['申报截止时间（北京时间）', beijing(24 * 10)],
  ] as const) {
    await modal.getByLabel(label).click();
    await modal.getByLabel(label).fill(value);
    await modal.getByLabel(label).press('Enter');
  }
  await shot(planner, out, 'demand-form');
  await planner.getByTestId('call-save').click();
  await expect(modal).toBeHidden();
  const row = planner.getByTestId('project-calls').locator('tr', { hasText: '揭榜挂帅榜单（第一批）' });
  await publishCall(planner, row);

  // a team bids: the form shows the 榜单 it takes on
  const unit = await pageAs(browser, 'enterprise');
  unit.on('pageerror', (e) => problems.push(e.message));
  await unit.goto('/projects/calls');
  await unit.getByTestId('project-calls').locator('tr', { hasText: '揭榜挂帅榜单（第一批）' }).getByTestId('call-apply').click();
  const drawer = unit.locator('.ant-drawer');
  await expect(drawer.getByTestId('demand-card')).toContainText('光栅刻线密度 3600线/mm');
  await drawer.getByLabel('项目名称').fill('高精度光栅刻划技术攻关');
  await drawer.getByLabel('负责人姓名').fill('李光栅');
  await drawer.getByLabel('身份证号码').fill(idNumber('43040519790202456'));
  await drawer.getByLabel('设备费 财政资金').fill('100');
  await drawer.getByTestId('fiscal-total').fill('100');
  await drawer.getByTestId('self-total').fill('0');
  await drawer.getByTestId('app-submit').click();
  await expect(drawer).toBeHidden();

  // a second bid, submitted and then withdrawn by the unit: kept on record as 已撤回
  await unit.getByTestId('project-calls').locator('tr', { hasText: '揭榜挂帅榜单（第一批）' }).getByTestId('call-apply').click();
  await drawer.getByLabel('项目名称').fill('光栅刻划备选方案');
  await drawer.getByLabel('负责人姓名').fill('王备选');
  await drawer.getByLabel('身份证号码').fill(idNumber('43040519800303789'));
  await drawer.getByTestId('app-submit').click();
  await expect(drawer).toBeHidden();
  await unit.goto('/projects/mine');
  const second = unit.getByTestId('my-applications').locator('tr', { hasText: '光栅刻划备选方案' });
  await second.getByTestId('app-open').click();
  // confirmed once the drawer closes: a click while the drawer still slides in can open no confirmation,
  // and a click while the confirmation still animates in can miss, so both are tried again until it closes
  await expect(async () => {
    const ok = unit.locator('.ant-popconfirm:visible').getByRole('button', { name: yes });
    if ((await ok.count()) === 0) await drawer.getByTestId('app-withdraw').click({ timeout: 2_000 });
    await ok.click({ timeout: 2_000 });
    await expect(drawer).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(second.getByTestId('app-status')).toHaveText('已撤回');

  // formal check and selection
  await planner.goto('/projects/desk');
  const [list] = await Promise.all([planner.waitForEvent('download'), planner.getByTestId('desk-export').click()]);
  const listBook = new ExcelJS.Workbook();
  await listBook.xlsx.load((await readFile(await list.path())) as unknown as ArrayBuffer);
  const listCells = (listBook.worksheets[0]?.getSheetValues() ?? []).flat().map(String);
  expect(listCells.some((c) => c.includes('高精度光栅刻划技术攻关'))).toBe(true);
  await planner.getByTestId('desk-open').filter({ hasText: '高精度光栅刻划技术攻关' }).click();
  const desk = planner.getByTestId('desk-drawer');
  for (const item of ['申报书填写完整', '必备附件齐全', '经费预算编制合规', '申报单位符合条件']) await desk.getByLabel(item).check();
  await desk.getByTestId('desk-pass').click();
  const grant = desk.locator('input[data-testid=decision-grant], [data-testid=decision-grant] input');
  await expect(grant).toHaveValue('100');
  await desk.getByTestId('decision-save').click();
  await expect(desk).toContainText('已立项，资助 100 万元');
  await planner.keyboard.press('Escape');

  // the 任务书 ties the award to a milestone per target; confirm is offered only when they add up to the grant
  await planner.goto('/projects/bank');
  await planner.getByTestId('bank-open').filter({ hasText: '高精度光栅刻划技术攻关' }).click();
  const contract = planner.getByTestId('project-contract');
  await expect(contract).toContainText('光栅刻线密度');
  const editor = contract.getByTestId('milestones-editor');
  await editor.getByRole('button', { name: '添加里程碑' }).click();
  await editor.getByPlaceholder('里程碑').fill('刻线密度达标验收');
  await editor.getByLabel('完成日期').fill(`${year + 1}-12-31`);
  await editor.getByLabel('拨付金额').fill('60');
  await chooseOption(planner, editor.getByRole('combobox'), '光栅刻线密度');
  await expect(editor).toContainText('里程碑拨款合计 60 万元，资助金额 100 万元');
  await expect(planner.getByTestId('contract-confirm')).toBeDisabled();
  await editor.getByLabel('拨付金额').fill('100');
  await expect(planner.getByTestId('contract-confirm')).toBeEnabled();
  await planner.getByTestId('contract-confirm').click();
  await expect(contract).toContainText('刻线密度达标验收（');
  const projectUrl = planner.url();
  await unit.goto(projectUrl);
  await unit.getByTestId('contract-confirm').click();
  await expect(unit.getByTestId('project-status')).toHaveText('执行中');
  await shot(unit, out, 'open-competition-unit');

  // paid by the milestone: the amount is the milestone's
  await planner.reload();
  await chooseOption(planner, planner.getByTestId('project-payments').getByRole('combobox'), '刻线密度达标验收');
  await expect(planner.locator('input[data-testid=payment-amount], [data-testid=payment-amount] input')).toHaveValue('100');
  await planner.getByTestId('payment-save').click();
  await expect(planner.getByTestId('project-paid')).toHaveText('100 万元');
  await shot(planner, out, 'open-competition-paid');

  // 揭榜挂帅项目数 follows the records
  const values = await api<Array<{ value: string; regionCode: string; supersededAt: string | null }>>(
    planner,
    'GET',
    `/api/indicators/values?indicator=open_competition_count&region=430400&period=${year}`,
  );
  // the city and the district of the unit each count it; earlier versions are kept, superseded
  const current = values.filter((v) => v.supersededAt === null);
  expect(current.map((v) => [v.regionCode, Number(v.value)]).sort()).toEqual([
    ['430400', 1],
    ['430408', 1],
  ]);

  // a provincial viewer reads the bank and the project, with no step offered
  const viewer = await pageAs(browser, 'province');
  viewer.on('pageerror', (e) => problems.push(e.message));
  await viewer.goto('/projects/bank');
  await expect(viewer.getByTestId('project-bank')).toContainText('高精度光栅刻划技术攻关');
  await shot(viewer, out, 'viewer-bank');
  await viewer.goto(projectUrl);
  await expect(viewer.getByTestId('project-status')).toHaveText('执行中');
  await expect(viewer.getByTestId('payment-save')).toHaveCount(0);
  await expect(viewer.getByTestId('contract-confirm')).toHaveCount(0);
  expect(problems).toEqual([]);
});
