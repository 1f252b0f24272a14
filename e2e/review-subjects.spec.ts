import type { TDrawRecord, TExpert, TPanel } from '@kechuang/contracts';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expertPoolHeader, linkExpertAccount, xlsxType } from './expert-fixtures.ts';
import { chooseOption, pageAs, shot } from './helpers.ts';

// Review panels beyond project applications: a platform 认定 round gets its panel on the bureau's platform call
// page (the same draw / rubric / ranking tabs as the review page) — the 依托单位's own employee is left out with
// the reason, the expert declares and scores, the ranking shows the score and the 认定 decision sees it.

const discipline = '413.30';
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const token = (await page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
  const res = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': token, ...(Buffer.isBuffer(data) ? { 'content-type': xlsxType } : {}) },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('a platform 认定 application gets a panel: draw, declare, score, ranking beside the decision', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const planner = await pageAs(browser, 'planner');
  const enterprise = await pageAs(browser, 'enterprise');
  const problems: string[] = [];
  for (const p of [planner, enterprise]) p.on('pageerror', (e) => problems.push(e.message));
  const out = (n: string) => info.outputPath(n);
  const stamp = Date.now() % 100000;

  // the pool: two experts of the discipline, one of them working for the 依托单位
  const book = new ExcelJS.Workbook();
  book
    .addWorksheet('专家库')
    .addRows([
      expertPoolHeader,
      [`认定评审甲${stamp}`, '', '男', '教授', '南华大学', '', '430407', discipline, '', '仪器仪表', '', '', '', ''],
      [
        `认定同单位${stamp}`,
        '',
        '女',
        '正高级工程师',
        '衡阳衡山科学仪器有限公司',
        '',
        '430408',
        discipline,
        '',
        '光谱仪器',
        '',
        '',
        '',
        '',
      ],
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
  const expert = await pageAs(browser, 'expert');
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

test('an acceptance panel beside the decision, the unit’s avoidance request, the bureau editing an expert’s relations', async ({
  browser,
}, info) => {
  test.setTimeout(150_000);
  const planner = await pageAs(browser, 'planner');
  const institute = await pageAs(browser, 'institute');
  const problems: string[] = [];
  for (const p of [planner, institute]) p.on('pageerror', (e) => problems.push(e.message));
  const out = (n: string) => info.outputPath(n);
  const stamp = Date.now() % 100000;

  // a pool of two for the discipline
  const book = new ExcelJS.Workbook();
  book
    .addWorksheet('专家库')
    .addRows([
      expertPoolHeader,
      [`验收评审甲${stamp}`, '', '男', '教授', '湖南工学院', '', '430407', '416.20', '', '光谱仪器', '', '', '', ''],
      [`验收评审乙${stamp}`, '', '女', '研究员', '衡阳师范学院', '', '430407', '416.20', '', '光学测量', '', '', '', ''],
    ]);
  await api(planner, 'POST', '/api/experts/import?dryRun=false', Buffer.from(await book.xlsx.writeBuffer()));

  // 南华大学's running project: the unit asks on its acceptance page to keep a unit off the panel, withdraws it, asks again
  const list = await api<{ items: Array<{ id: number; orgName: string; title: string }> }>(
    planner,
    'GET',
    '/api/projects?status=executing&pageSize=100',
  );
  const project = list.items.find((p) => p.orgName === '南华大学');
  expect(project, 'the demo has a running project of 南华大学').toBeTruthy();
  const id = (project as { id: number }).id;
  await institute.goto(`/projects/item/${id}`);
  const avoid = institute.getByTestId('avoidance-card');
  await expect(avoid).toBeVisible();
  await avoid.getByTestId('avoid-org').fill('某竞争研究院');
  await avoid.getByTestId('avoid-reason').fill('同一技术路线的竞争单位');
  await avoid.getByTestId('avoid-add').click();
  await expect(avoid.getByTestId('avoidance-list')).toContainText('某竞争研究院');
  await avoid.getByTestId('avoid-person').fill('钱某某');
  await avoid.getByTestId('avoid-reason').fill('曾有合作纠纷');
  await avoid.getByTestId('avoid-add').click();
  await expect(avoid.getByTestId('avoidance-list').locator('tbody tr')).toHaveCount(2);
  await avoid.getByTestId('avoidance-withdraw').last().click();
  await institute.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(avoid.getByTestId('avoidance-list').locator('tbody tr')).toHaveCount(1);
  await shot(institute, out, 'acceptance-avoidance');

  // the 科技报告, then the request for acceptance (through the API)
  let p = await api<{ version: number }>(institute, 'POST', `/api/projects/${id}/reports`, {
    kind: 'tech_report',
    period: null,
    content: { progress: '完成全部研究内容，形成科技报告。', spentFen: 10_000_000, targets: [] },
  });
  p = await api<{ version: number }>(institute, 'POST', `/api/projects/${id}/acceptance/request`, { version: p.version });

  // the bureau draws the acceptance panel from the project's acceptance card
  await planner.goto(`/projects/item/${id}`);
  const panel = planner.getByTestId('acceptance-panel');
  await expect(panel.getByTestId('decision-review')).toContainText('尚未抽取评审专家');
  await panel.getByTestId('acceptance-panel-open').click();
  const batch = planner.getByTestId('review-batch-acceptance');
  await expect(batch).toBeVisible();
  await batch.getByTestId('draw-size').fill('1');
  await batch.getByTestId('draw-reserves').fill('0');
  await batch.getByTestId('draw-discipline').fill('416.20');
  await batch.getByTestId('draw-submit').click();
  const record = planner.getByTestId('draw-record');
  await expect(record.getByTestId('panel-members').locator('tbody tr')).toHaveCount(1);
  await shot(planner, out, 'acceptance-draw-record');
  await planner.keyboard.press('Escape');
  await expect(record).toBeHidden();
  await batch.getByRole('tab', { name: '评分标准' }).click();
  await expect(batch.getByTestId('rubric-criterion').first().locator('input').first()).toHaveValue('考核指标完成情况');
  await batch.getByTestId('rubric-save').click();
  await expect(planner.getByText('评分标准已保存')).toBeVisible();

  // open and score through the API (the first journey walks the expert's pages)
  const draws = await api<Array<{ id: number }>>(planner, 'GET', `/api/review/draws?subjectKind=acceptance&batchId=${id}`);
  const drawId = draws[0]?.id as number;
  await api(planner, 'POST', `/api/review/draws/${drawId}/open`);
  const full = await api<TDrawRecord>(planner, 'GET', `/api/review/draws/${drawId}`);
  const seat = (full.panelList[0] as TPanel).members[0] as TPanel['members'][number];
  await linkExpertAccount(planner, seat.expertId);
  const expert = await pageAs(browser, 'expert');
  await api(expert, 'POST', `/api/review/assignments/${seat.assignmentId}/declare`, { conflict: false });
  await api(expert, 'PUT', `/api/review/assignments/${seat.assignmentId}/score`, {
    scores: { targets: '36', results: '21', funds: '22', records: '9' },
    opinion: '完成任务书规定的考核指标，经费使用规范，同意通过验收。',
  });

  // the score beside the acceptance decision
  await planner.reload();
  await expect(planner.getByTestId('acceptance-panel').getByTestId('decision-review')).toContainText('验收专家组评分 88.00（1 位专家）');
  await expect(planner.getByTestId('acceptance-form')).toBeVisible();
  await shot(planner, out, 'acceptance-decision');

  // the bureau's expert form edits the declared relations
  await planner.goto(`/experts?open=${seat.expertId}`);
  await planner.getByTestId('expert-edit').click();
  const form = planner.getByTestId('expert-form-relations');
  await form.getByTestId('relation-add').click();
  await chooseOption(planner, form.getByTestId('relation-row').last().getByRole('combobox'), '持股');
  await form.getByTestId('relation-row').last().getByPlaceholder('关系单位（持股、兼职等）').fill('衡阳某仪器有限公司');
  await shot(planner, out, 'expert-form-relations');
  await planner.getByTestId('expert-form-save').click();
  await expect(planner.getByText('已保存')).toBeVisible();
  const saved = await api<TExpert>(planner, 'GET', `/api/experts/${seat.expertId}`);
  expect(saved.relations).toContainEqual(expect.objectContaining({ kind: 'shareholding', orgName: '衡阳某仪器有限公司' }));
  expect(problems).toEqual([]);
});
