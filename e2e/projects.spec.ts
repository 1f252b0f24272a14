import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { api, beijing, chooseOption, idNumber, pageAs, shot } from './helpers.ts';
import { port } from './playwright.config.ts';
import { fillApplicationWindow, openProgrammeForm, publishCall } from './project-steps.ts';

// A call from publication to an accepted project, and the plan target that counts projects.

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
  // the projects of the year other tests may already have started count too: this one adds one to them
  const started = async () =>
    (
      await api<{ targets: { indicatorCode: string | null; actual: number | null }[] }>(planner, 'GET', `/api/plans/${plan.id}/dashboard`)
    ).targets.find((t) => t.indicatorCode === 'project_started_count')?.actual ?? 0;
  const startedBefore = await started();

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
  await fillApplicationWindow(modal);
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
  expect(await started()).toBe(startedBefore + 1);
  await expect(targetRow).toContainText(new RegExp(`\\b${startedBefore + 1}\\s*项`));
  await shot(planner, out, 'plan-target');

  // 争资 reads the same bank's year: nothing recommended upward yet
  await planner.goto('/projects/upward');
  await expect(planner.getByTestId('project-upward')).toContainText('推荐项目数');
  await shot(planner, out, 'upward');
  expect(problems).toEqual([]);
});
