import type { TDrawRecord, TExpert, TExpertSummary, TPanel } from '@kechuang/contracts';
import { type Browser, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { shot, signIn } from './helpers.ts';
import { port } from './playwright.config.ts';

// Review panels beyond project applications: a platform 认定 round gets its panel on the bureau's platform call
// page (the same draw / rubric / ranking tabs as the review page) — the 依托单位's own employee is left out with
// the reason, the expert declares and scores, the ranking shows the score and the 认定 decision sees it.

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const discipline = '413.30';
const header = [
  '姓名',
  '身份证号码',
  '性别',
  '职称',
  '现工作单位',
  '曾任职单位',
  '所在地区代码',
  '学科代码',
  '行业代码',
  '研究方向',
  '手机',
  '电子邮箱',
  '年度评审上限',
  '状态',
];

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const token = (await page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
  const res = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': token, ...(Buffer.isBuffer(data) ? { 'content-type': xlsx } : {}) },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** Links the demo `expert` account to the given entry (and unlinks it elsewhere), as the bureau does on the pool page. */
async function linkExpertAccount(planner: Page, expertId: number) {
  const put = async (e: TExpert, username: string | null) =>
    api(planner, 'PUT', `/api/experts/${e.id}`, {
      name: e.name,
      gender: e.gender,
      title: e.title,
      phone: e.phone,
      email: e.email,
      regionCode: e.regionCode,
      disciplineCodes: e.disciplineCodes,
      industryCodes: e.industryCodes,
      specialty: e.specialty,
      employments: e.employments.map(({ orgName, fromDate, toDate }) => ({ orgName, fromDate, toDate })),
      yearlyQuota: e.yearlyQuota,
      username,
      version: e.version,
    });
  const list = await api<{ items: TExpertSummary[] }>(planner, 'GET', '/api/experts?pageSize=200&status=active');
  for (const item of list.items.filter((x) => x.hasAccount)) {
    const e = await api<TExpert>(planner, 'GET', `/api/experts/${item.id}`);
    if (e.username === 'expert') await put(e, null);
  }
  await put(await api<TExpert>(planner, 'GET', `/api/experts/${expertId}`), 'expert');
}

test('a platform 认定 application gets a panel: draw, declare, score, ranking beside the decision', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const planner = await as(browser, 'planner');
  const enterprise = await as(browser, 'enterprise');
  const problems: string[] = [];
  for (const p of [planner, enterprise]) p.on('pageerror', (e) => problems.push(e.message));
  const out = (n: string) => info.outputPath(n);
  const stamp = Date.now() % 100000;

  // the pool: two experts of the discipline, one of them working for the 依托单位
  const book = new ExcelJS.Workbook();
  book.addWorksheet('专家库').addRows([
    header,
    [`认定评审甲${stamp}`, '', '男', '教授', '南华大学', '', '430407', discipline, '', '仪器仪表', '', '', '', ''],
    [`认定同单位${stamp}`, '', '女', '正高级工程师', '衡阳衡山科学仪器有限公司', '', '430408', discipline, '', '光谱仪器', '', '', '', ''],
  ]);
  await api(planner, 'POST', '/api/experts/import?dryRun=false', Buffer.from(await book.xlsx.writeBuffer()));

  // the round and one application of the demo enterprise, set up through the API
  const call = await api<{ id: number; title: string }>(planner, 'POST', '/api/platform-calls', {
    title: `认定评审旅程批次${stamp}`,
    regionCode: '430400',
    year: 2026,
    typeCodes: ['eng_center'],
    closesOn: '2099-12-31',
  });
  await api(planner, 'POST', `/api/platform-calls/${call.id}/publish`);
  const app = await api<{ id: number }>(enterprise, 'POST', '/api/platform-applications', {
    callId: call.id,
    name: `衡阳市光谱仪器工程技术研究中心${stamp}`,
    typeCode: 'eng_center',
    fields: { rd_staff: 18, rd_area: 600, equipment_wan: 420, rd_spend_wan: 520, invention_patents: 6, transferred: 2 },
  });
  await api(enterprise, 'POST', `/api/platform-applications/${app.id}/submit`);

  // the bureau's platform call page: 专家评审 opens the draw / rubric / ranking of the round
  await planner.goto('/platforms/calls');
  const row = planner.getByTestId('platform-calls').locator('tr', { hasText: call.title });
  await row.getByTestId('platform-call-panel').click();
  const drawer = planner.getByTestId('platform-review-drawer');
  await expect(drawer.getByTestId('review-batch-platform_application')).toBeVisible();
  await expect(drawer.getByText('本认定批次有 1 份已提交')).toBeVisible();
  await drawer.getByTestId('draw-size').fill('1');
  await drawer.getByTestId('draw-reserves').fill('0');
  await drawer.getByTestId('draw-discipline').fill(discipline);
  await drawer.getByTestId('draw-submit').click();
  const record = planner.getByTestId('draw-record');
  await expect(record).toBeVisible();
  await expect(record.getByTestId('panel-members').locator('tbody tr')).toHaveCount(1);
  await expect(record).toContainText(`认定评审甲${stamp}`);
  await record.getByText(/回避排除名单/).click();
  await expect(record).toContainText(`认定同单位${stamp}`);
  await expect(record).toContainText('衡阳衡山科学仪器有限公司');
  await shot(planner, out, 'platform-draw-record');
  await planner.keyboard.press('Escape');
  await expect(record).toBeHidden();

  // the rubric (the 认定 defaults), then open the review
  await drawer.getByRole('tab', { name: '评分标准' }).click();
  await expect(drawer.getByTestId('rubric-criterion').first()).toBeVisible();
  await expect(drawer.getByTestId('rubric-criterion').first().locator('input').first()).toHaveValue('基础条件');
  await drawer.getByTestId('rubric-save').click();
  await expect(planner.getByText('评分标准已保存')).toBeVisible();
  await drawer.getByRole('tab', { name: '抽取专家' }).click();
  await drawer.getByTestId('draw-verify').first().click();
  await expect(drawer.getByTestId('verify-result')).toContainText('一致');
  await drawer.getByTestId('draw-open').first().click();
  await planner.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(drawer.getByText('已开启')).toBeVisible();

  // the seated expert signs in (the demo account linked to the drawn entry), declares and scores
  const draws = await api<Array<{ id: number }>>(planner, 'GET', `/api/review/draws?subjectKind=platform_application&batchId=${call.id}`);
  const full = await api<TDrawRecord>(planner, 'GET', `/api/review/draws/${draws[0]?.id}`);
  const seat = (full.panelList[0] as TPanel).members[0] as TPanel['members'][number];
  await linkExpertAccount(planner, seat.expertId);
  const expert = await as(browser, 'expert');
  expert.on('pageerror', (e) => problems.push(e.message));
  await expert.goto('/review?view=mine');
  const mine = expert.getByTestId('my-reviews').locator('tr', { hasText: call.title });
  await mine.getByTestId('my-declare').click();
  await expert.getByTestId('declare-none').click();
  await mine.getByTestId('my-score').click();
  const subject = expert.getByTestId('review-subject');
  await expect(subject).toContainText(`衡阳市光谱仪器工程技术研究中心${stamp}`);
  await expect(subject.getByTestId('review-facts')).toContainText('专职研发人员不少于10人');
  for (const [key, v] of [
    ['conditions', '22'],
    ['team', '18'],
    ['results', '21'],
    ['management', '12'],
    ['plan', '13'],
  ] as const)
    await expert.getByTestId(`score-${key}`).fill(v);
  await expert.getByTestId('score-opinion').fill('基础条件扎实，研发投入持续，建议认定。');
  await shot(expert, out, 'platform-expert-sheet');
  await expert.getByTestId('score-submit').click();
  await expect(expert.getByText('评分已提交，总分 86')).toBeVisible();

  // the ranking on the platform page, and the panel's score beside the 认定 decision
  await planner.reload();
  await planner.getByTestId('platform-calls').locator('tr', { hasText: call.title }).getByTestId('platform-call-panel').click();
  await drawer.getByRole('tab', { name: '评审排名' }).click();
  await expect(drawer.getByTestId('ranking-table')).toContainText(`衡阳市光谱仪器工程技术研究中心${stamp}`);
  await expect(drawer.getByTestId('ranking-score')).toHaveText('86.00');
  await shot(planner, out, 'platform-ranking');
  await planner.keyboard.press('Escape');
  const callRow = planner.getByTestId('platform-calls').locator('tr', { hasText: call.title });
  await callRow.locator('.ant-table-row-expand-icon').click();
  await planner.getByTestId('platform-app-review').click();
  const dialog = planner.getByRole('dialog');
  await expect(dialog.getByTestId('decision-review')).toContainText('评审得分 86.00，本批次第 1 名');
  await expect(dialog.getByRole('spinbutton')).toHaveValue('86');
  await shot(planner, out, 'platform-decision');
  expect(problems).toEqual([]);
});
