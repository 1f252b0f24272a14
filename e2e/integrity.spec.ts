import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiCall, chooseOption, confirmPopover, idNumber, pageAs, shot } from './helpers.ts';

// 科研诚信: a revoked project suggests a case → the bureau records the leader from it and a ban on the unit,
// confirms and publishes → the public 黑名单 shows it (no identity number) → the leader's next application is
// refused; the register is exported.

const leaderId = idNumber('43040419790308417');

async function ok<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await apiCall<T>(page, method, path, data);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

type V = { id: number; version: number };

/** A call open now, an application by the demo enterprise with the leader, started, then revoked by the bureau. */
async function revokedProject(planner: Page, enterprise: Page): Promise<string> {
  const programme = await ok<V>(planner, 'POST', '/api/project-programmes', {
    regionCode: '430400',
    kind: 'key_rnd',
    name: '诚信旅程重点研发',
  });
  const now = Date.now();
  const draftCall = await ok<V>(planner, 'POST', '/api/project-calls', {
    programmeId: programme.id,
    regionCode: '430400',
    year: 2026,
    title: '2026年度重点研发计划（诚信旅程）',
    directions: ['智能制造'],
    maxGrantFen: 30_000_000,
    budgetFen: 90_000_000,
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 10 * 86_400_000).toISOString(),
    requiredAttachments: [],
    limitPerUnit: null,
    limitPerLeader: null,
    recommendation: 'direct',
    eligibility: { applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] },
  });
  const callRow = await ok<V>(planner, 'POST', `/api/project-calls/${draftCall.id}/publish`, { version: draftCall.version });
  const application = (over: { title: string }) => ({
    callId: callRow.id,
    title: over.title,
    direction: '智能制造',
    leader: { name: '孙研发', idNumber: leaderId, title: '高级工程师' },
    members: [],
    budget: [{ category: 'equipment', fiscalFen: 10_000_000, selfFen: 10_000_000 }],
    fiscalFen: 10_000_000,
    selfFen: 10_000_000,
    targets: [{ name: '样机精度', unit: 'nm', value: '1' }],
  });
  const created = await ok<V>(enterprise, 'POST', '/api/project-applications', application({ title: '精密光栅尺研制' }));
  const sent = await ok<V>(enterprise, 'POST', `/api/project-applications/${created.id}/submit`, { version: created.version });
  const passed = await ok<V>(planner, 'POST', `/api/project-applications/${sent.id}/formal-check`, {
    version: sent.version,
    checklist: [{ item: '材料齐全', ok: true }],
  });
  const decided = await ok<{ timeline: { detail: { projectId?: number } }[] }>(
    planner,
    'POST',
    `/api/project-applications/${passed.id}/decision`,
    {
      version: passed.version,
      selected: true,
      grantedFen: 10_000_000,
    },
  );
  const projectId = decided.timeline.at(-1)?.detail.projectId as number;
  const p0 = await ok<V>(planner, 'GET', `/api/projects/${projectId}`);
  const p1 = await ok<V>(planner, 'POST', `/api/projects/${projectId}/contract/confirm`, {
    version: p0.version,
    startOn: '2026-07-01',
    endOn: '2027-12-31',
  });
  const p2 = await ok<V>(enterprise, 'POST', `/api/projects/${projectId}/contract/confirm`, { version: p1.version });
  await ok(planner, 'POST', `/api/projects/${projectId}/end`, { version: p2.version, kind: 'revoke', reason: '伪造验收检测报告' });
  // the leader's next application, kept as a draft for the end of the journey
  const next = await ok<V>(enterprise, 'POST', '/api/project-applications', application({ title: '光栅尺二期研制' }));
  return String(next.id);
}

async function pickDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
  // close the calendar: click the drawer's title
  await page.getByTestId('integrity-drawer').locator('.ant-drawer-title').click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
}

/** Ticks options of a multiple select (its list stays open), then closes the list. */
async function tick(page: Page, field: Locator, labels: string[]) {
  const openList = page.locator('.ant-select-dropdown:visible');
  for (const label of labels) {
    await expect(async () => {
      if ((await openList.count()) === 0) await field.click();
      const option = openList.locator('.ant-select-item-option').filter({ hasText: label }).first();
      const selected = /ant-select-item-option-selected/;
      if (!selected.test((await option.getAttribute('class')) ?? '')) await option.click({ timeout: 2_000 });
      await expect(option).toHaveClass(selected, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }
  await expect(async () => {
    if ((await openList.count()) > 0) await page.keyboard.press('Escape');
    await expect(openList).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

test('a revoked project becomes a confirmed, published ban that blocks the leader and shows on the public list', async ({
  browser,
}, info) => {
  const planner = await pageAs(browser, 'planner');
  const enterprise = await pageAs(browser, 'enterprise');
  const nextApplication = await revokedProject(planner, enterprise);

  await planner.goto('/integrity');
  await expect(planner.getByTestId('page-integrity')).toBeVisible();
  await expect(planner.getByTestId('integrity-records')).toBeVisible();
  await shot(planner, info.outputPath.bind(info), 'integrity-01-empty-register');

  // the suggestion: record the leader from it (prefilled), then complete and confirm
  await planner.getByRole('tab', { name: '待处理线索' }).click();
  const row = planner.getByTestId('integrity-suggestions').locator('tr', { hasText: '精密光栅尺研制' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('项目撤销');
  await shot(planner, info.outputPath.bind(info), 'integrity-02-suggestions');
  await row.getByTestId('suggestion-record-leader').click();
  const drawer = planner.getByTestId('integrity-drawer');
  await expect(drawer).toContainText('来自项目线索');
  await expect(drawer.getByLabel('姓名 / 单位名称')).toHaveValue('孙研发');
  await chooseOption(planner, drawer.getByLabel('失信类型'), /伪造研究成果/);
  await chooseOption(planner, drawer.getByLabel('严重程度'), '较重');
  await tick(planner, drawer.getByLabel('处理措施'), ['通报批评', '一定期限禁止（取消）相关资格']);
  await tick(planner, drawer.getByLabel('限制范围'), ['申报', '承担']);
  await pickDate(planner, '起始日期', '2026-11-20');
  await drawer.getByTestId('integrity-period-years').fill('3');
  await drawer.getByLabel('处理决定文号').fill('衡科发〔2026〕52号');
  await drawer.getByLabel('作出单位').fill('衡阳市科学技术局');
  await pickDate(planner, '作出日期', '2026-11-20');
  await pickDate(planner, '行为发生日期', '2026-10-15');
  await expect(drawer).toContainText('令第24号');
  await drawer.getByLabel('事实摘要').fill('项目执行中伪造第三方检测报告，项目已撤销。');
  await shot(planner, info.outputPath.bind(info), 'integrity-03-drawer-from-suggestion');
  await drawer.getByTestId('integrity-confirm').click();
  await confirmPopover(planner, /确\s*(定|认生效)|公\s*布/);
  await expect(drawer.getByTestId('integrity-view-status')).toHaveText('已确认');
  await expect(drawer).toContainText('2026-11-20 ～ 2029-11-20');
  await drawer.getByTestId('integrity-publish').click();
  await confirmPopover(planner, /确\s*(定|认生效)|公\s*布/);
  await expect(drawer.getByTestId('integrity-view-status')).toHaveText('已公布');
  await shot(planner, info.outputPath.bind(info), 'integrity-04-published');
  await planner.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // a watch-list entry on another person, created from the register (kept as draft)
  await planner.getByRole('tab', { name: '诚信记录' }).click();
  await planner.getByTestId('integrity-new').click();
  const fresh = planner.getByTestId('integrity-drawer');
  await chooseOption(planner, fresh.getByLabel('对象', { exact: true }), /孙研发/, leaderId);
  await fresh.getByText('重点关注名单').click();
  await pickDate(planner, '起始日期', '2026-12-01');
  await fresh.getByTestId('integrity-period-years').fill('1');
  await shot(planner, info.outputPath.bind(info), 'integrity-05-new-drawer');
  await fresh.getByTestId('integrity-save').click();
  await expect(planner.getByText('已保存')).toBeVisible();
  await planner.keyboard.press('Escape');
  await expect(fresh).toBeHidden();

  const register = planner.getByTestId('integrity-records');
  await expect(register.locator('tr', { hasText: '衡科发〔2026〕52号' })).toContainText('已公布');
  await expect(register).not.toContainText(leaderId);
  await shot(planner, info.outputPath.bind(info), 'integrity-06-register');
  const [download] = await Promise.all([planner.waitForEvent('download'), planner.getByTestId('integrity-export').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('科研诚信记录');
  const names = (sheet?.getColumn(4).values ?? []).slice(2);
  expect(names).toEqual(expect.arrayContaining(['孙研发']));

  // the public list, without signing in
  const visitor = await pageAs(browser, null);
  await visitor.goto('/integrity-public');
  const table = visitor.getByTestId('public-integrity-table');
  await expect(table).toContainText('孙研发');
  await expect(table).toContainText('衡科发〔2026〕52号');
  await expect(visitor.getByTestId('page-public-integrity')).not.toContainText(leaderId);
  await expect(visitor.getByTestId('page-public-integrity')).not.toContainText(leaderId.slice(-4));
  await shot(visitor, info.outputPath.bind(info), 'integrity-07-public-black');

  // the leader's next application is refused
  const draft = await ok<V>(enterprise, 'GET', `/api/project-applications/${nextApplication}`);
  const refused = await apiCall<{ code: string }>(enterprise, 'POST', `/api/project-applications/${nextApplication}/submit`, {
    version: draft.version,
  });
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('project/barred');
});
