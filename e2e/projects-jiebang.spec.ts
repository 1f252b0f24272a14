import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { api, beijing, chooseOption, idNumber, pageAs, shot } from './helpers.ts';
import { fillApplicationWindow, openProgrammeForm, publishCall, yes } from './project-steps.ts';

// 揭榜挂帅: a 榜单 from publication to the award paid by the milestone tied to a plan target.

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
  await fillApplicationWindow(modal);
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
