import type { TDrawRecord, TPanel } from '@kechuang/contracts';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expertPoolHeader, linkExpertAccount, xlsxType } from './expert-fixtures.ts';
import { pageAs, shot } from './helpers.ts';

// 专家评审: a pool from .xlsx → a random draw of 5 + 2 for an application (every exclusion with its reason) → one
// expert declares a conflict and the first reserve takes the seat → the meeting's secretary enters the scores →
// the ranking flags the dispersion → the draw verifies → a ban recorded on the leader blocks his next application.

const discipline = '120.40';
/** 18-character identity number with its GB 11643 check character. */
function idNumber(seq: number): string {
  const first17 = `43040419790101${String(100 + seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  return first17 + ('10X98765432'[sum % 11] as string);
}

/** A JSON call with the session's CSRF token, for the set-up the journey does not walk through. */
async function api<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
  ok = true,
): Promise<{ status: number; body: T }> {
  const token = (await page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
  const res = await page.request.fetch(path, { method, headers: { 'x-csrf-token': token }, ...(data === undefined ? {} : { data }) });
  if (ok) expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return { status: res.status(), body: (await res.json()) as T };
}

function applicationBody(callId: number, leaderId: string, title: string) {
  return {
    callId,
    title,
    fieldCode: '120',
    direction: '智能制造',
    summary: '研制高精度光谱仪的关键部件，替代进口。',
    leader: { name: '周研发', idNumber: leaderId, title: '高级工程师' },
    members: [{ person: { name: '吴成员' }, role: '结构设计', workMonths: 6 }],
    budget: [{ category: 'equipment', fiscalFen: 20_000_000, selfFen: 10_000_000 }],
    fiscalFen: 20_000_000,
    selfFen: 10_000_000,
    targets: [{ name: '样机测量精度', unit: 'nm', value: '0.5' }],
  };
}

/** A published call with one application passed through 形式审查, set up through the API. */
async function callWithApplication(planner: Page, enterprise: Page, title: string, leaderId: string, appTitle: string) {
  const programme = (
    await api<{ id: number }>(planner, 'POST', '/api/project-programmes', {
      regionCode: '430400',
      kind: 'natural_science',
      name: `${title}计划类别`,
    })
  ).body;
  const now = Date.now();
  const call = (
    await api<{ id: number; version: number }>(planner, 'POST', '/api/project-calls', {
      programmeId: programme.id,
      regionCode: '430400',
      year: 2026,
      title: title,
      directions: ['智能制造'],
      maxGrantFen: 30_000_000,
      budgetFen: 100_000_000,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 10 * 86_400_000).toISOString(),
      requiredAttachments: [],
      limitPerUnit: null,
      limitPerLeader: null,
      recommendation: 'direct',
      eligibility: { applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] },
    })
  ).body;
  await api(planner, 'POST', `/api/project-calls/${call.id}/publish`, { version: call.version });
  const draft = (
    await api<{ id: number; version: number }>(
      enterprise,
      'POST',
      '/api/project-applications',
      applicationBody(call.id, leaderId, appTitle),
    )
  ).body;
  const sub = (
    await api<{ id: number; version: number }>(enterprise, 'POST', `/api/project-applications/${draft.id}/submit`, {
      version: draft.version,
    })
  ).body;
  await api(planner, 'POST', `/api/project-applications/${sub.id}/formal-check`, {
    version: sub.version,
    checklist: [{ item: '材料齐全', ok: true }],
  });

  return { call, sub };
}

test('a pool from .xlsx, a verified draw, a replacement, scores, a ranking with a dispersion flag, a ban', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const planner = await pageAs(browser, 'planner');
  const enterprise = await pageAs(browser, 'enterprise');
  const problems: string[] = [];
  for (const p of [planner, enterprise]) p.on('pageerror', (e) => problems.push(e.message));
  const out = (n: string) => info.outputPath(n);

  // a call with one application passed through 形式审查 (set up through the API)
  const leaderId = idNumber(Date.now() % 800);
  const { call, sub } = await callWithApplication(planner, enterprise, '2026年度评审旅程项目申报指南', leaderId, '光谱仪关键部件国产化');

  // the pool from .xlsx through the expert pool's import: seven experts of the discipline, one of them at the applicant unit
  const book = new ExcelJS.Workbook();
  const names = ['评审甲', '评审乙', '评审丙', '评审丁', '评审戊', '评审己', '评审庚'];
  book
    .addWorksheet('专家库')
    .addRows([
      expertPoolHeader,
      ...names.map((n, i) => [
        n,
        '',
        '男',
        '教授',
        `评审旅程单位${i + 1}`,
        '',
        i < 2 ? '430481' : '430407',
        discipline,
        '',
        '系统评估',
        '',
        '',
        '',
        '',
      ]),
      ['评审同单位', '', '女', '正高级工程师', '衡阳衡山科学仪器有限公司', '', '430408', discipline, '', '光谱仪器', '', '', '', ''],
    ]);
  await planner.goto('/experts');
  const pool = planner.getByTestId('expert-pool');
  await expect(pool).toBeVisible();
  await pool
    .locator('input[type=file]')
    .setInputFiles({ name: '评审专家.xlsx', mimeType: xlsxType, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
  await expect(planner.getByRole('dialog')).toContainText('校验通过');
  await planner.getByTestId('expert-import-confirm').click();
  await expect(planner.getByText('已导入 8 名专家')).toBeVisible();

  // the rubric: a meeting review (会评), trimmed mean, dispersion threshold 30
  await planner.goto(`/review?call=${call.id}&tab=rubric`);
  await expect(planner.getByTestId('rubric-criterion').first()).toBeVisible();
  await planner.getByText('会评', { exact: true }).click();
  await planner.getByTestId('rubric-save').click();
  await expect(planner.getByText('评分标准已保存')).toBeVisible();
  await shot(planner, out, 'rubric');

  // the draw: 5 + 2 in the discipline; the record lists every exclusion with its reason
  await planner.goto(`/review?call=${call.id}&tab=draw`);
  await planner.getByTestId('draw-discipline').fill(discipline);
  await planner.getByTestId('draw-submit').click();
  const record = planner.getByTestId('draw-record');
  await expect(record).toBeVisible();
  await expect(record.getByTestId('panel-members').locator('tbody tr')).toHaveCount(7);
  await expect(record.getByTestId('draw-seed')).toHaveText(/^[0-9a-f]{32}$/);
  await record.getByText(/回避排除名单/).click();
  await expect(record.getByTestId('panel-exclusions')).toContainText('同单位');
  await expect(record.getByTestId('panel-exclusions')).toContainText('现任职于衡阳衡山科学仪器有限公司');
  await shot(planner, out, 'draw-record');
  await planner.keyboard.press('Escape');

  // the demo expert account sits on the first seat (linked on the pool page's entry); then the review opens
  const draws = (await api<Array<{ id: number }>>(planner, 'GET', `/api/review/draws?batchId=${call.id}`)).body;
  const drawId = draws[0]?.id as number;
  const drawn = (await api<TDrawRecord>(planner, 'GET', `/api/review/draws/${drawId}`)).body;
  const panel = drawn.panelList[0] as TPanel;
  const first = panel.members[0] as TPanel['members'][number];
  const firstReserve = panel.members[5] as TPanel['members'][number];
  await linkExpertAccount(planner, first.expertId);
  await planner.getByTestId('draw-open').click();
  await planner.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(planner.getByText('评审已开启')).toBeVisible();

  // the expert sees the seat, not yet the title, and declares a conflict: the first reserve takes the seat
  const expert = await pageAs(browser, 'expert');
  expert.on('pageerror', (e) => problems.push(e.message));
  await expert.goto('/review');
  const mine = expert.getByTestId('my-reviews');
  await expect(mine).toContainText(`申报书 #${sub.id}（声明后可见）`);
  await shot(expert, out, 'expert-before-declaring');
  await mine.getByTestId('my-declare').click();
  await expert.getByTestId('declare-conflict').click();
  await expert.getByTestId('declare-reason').fill('与项目负责人曾合作发表论文');
  await expert.locator('#declare-confirm').click();
  await expect(expert.getByText('已记录，该席位由备选专家按顺序递补')).toBeVisible();
  await expect(mine).not.toContainText(`申报书 #${sub.id}`);

  // the secretary records the declarations and enters the scores (one in the page, four through the API)
  await planner.goto(`/review?call=${call.id}&tab=ranking`);
  await planner.getByTestId('ranking-panel').click();
  const card = planner.getByTestId('panel-card');
  await expect(card.getByRole('row', { name: new RegExp(first.name) })).toContainText('利益冲突');
  await expect(card.getByRole('row', { name: new RegExp(firstReserve.name) })).toContainText('待声明');
  await card
    .getByRole('row', { name: new RegExp(firstReserve.name) })
    .getByTestId('secretary-score')
    .click();
  await planner.getByTestId('declare-none').click();
  await expect(card.getByRole('row', { name: new RegExp(firstReserve.name) })).toContainText('已声明无冲突');
  await card
    .getByRole('row', { name: new RegExp(firstReserve.name) })
    .getByTestId('secretary-score')
    .click();
  const subject = planner.getByTestId('review-subject');
  await expect(subject).toContainText('光谱仪关键部件国产化');
  for (const [key, v] of [
    ['innovation', '29'],
    ['feasibility', '24'],
    ['team', '14'],
    ['benefit', '18'],
    ['budget', '9'],
  ] as const)
    await subject.getByTestId(`score-${key}`).fill(v);
  await subject.getByTestId('score-opinion').fill('创新性突出，技术路线可行，建议立项。');
  await shot(planner, out, 'secretary-score');
  await subject.getByTestId('score-submit').click();
  await expect(planner.getByText('评分已提交，总分 94')).toBeVisible();
  const others = panel.members.slice(1, 5);
  const sheets = [
    { innovation: '25', feasibility: '20', team: '12', benefit: '15', budget: '8' }, // 80
    { innovation: '24', feasibility: '20', team: '12', benefit: '16', budget: '8' }, // 80
    { innovation: '22', feasibility: '18', team: '10', benefit: '14', budget: '6' }, // 70
    { innovation: '15', feasibility: '10', team: '8', benefit: '10', budget: '5' }, // 48
  ];
  for (const [k, m] of others.entries()) {
    await api(planner, 'POST', `/api/review/assignments/${m.assignmentId}/declare`, { conflict: false });
    await api(planner, 'PUT', `/api/review/assignments/${m.assignmentId}/score`, { scores: sheets[k], opinion: '同意' });
  }
  await planner.keyboard.press('Escape');

  // the ranking: trimmed mean of 48, 70, 80, 80, 94 = 76.67, spread 46 > 30 → 分差过大
  await planner.goto(`/review?call=${call.id}&tab=ranking`);
  const ranking = planner.getByTestId('ranking-table');
  await expect(ranking.getByTestId('ranking-score')).toHaveText('76.67');
  await expect(ranking.getByTestId('flag-dispersed')).toBeVisible();
  await shot(planner, out, 'ranking');

  // the decision step shows the ranking
  await planner.goto(`/projects/desk?call=${call.id}`);
  await planner.getByTestId('desk-open').first().click();
  await expect(planner.getByTestId('decision-review')).toContainText('评审得分 76.67，本批次第 1 名');
  await shot(planner, out, 'decision');
  await planner.keyboard.press('Escape');

  // verify: the same panel from the record
  await planner.goto(`/review?call=${call.id}&tab=draw`);
  await planner.getByTestId('draw-verify').first().click();
  await expect(planner.getByTestId('verify-result')).toContainText('验证通过');
  await shot(planner, out, 'verify');

  // a ban recorded on the leader blocks his next application, with a zh-CN reason
  const app = (await api<{ leader: { id: number } }>(planner, 'GET', `/api/project-applications/${sub.id}`)).body;
  const ban = (
    await api<{ id: number; version: number }>(planner, 'POST', '/api/integrity/records', {
      subjectKind: 'person',
      personId: app.leader.id,
      listKind: 'black',
      misconductType: 'fabrication',
      severity: 'serious',
      measures: ['criticism', 'ban'],
      banScope: ['apply', 'undertake'],
      periodStart: '2026-04-01',
      periodYears: 3,
      docNo: '衡科诚〔2026〕9号',
      issuer: '衡阳市科学技术局',
      decidedOn: '2026-04-01',
      occurredOn: '2026-03-25',
      summary: '项目评审材料中伪造检测报告',
    })
  ).body;
  await api(planner, 'POST', `/api/integrity/records/${ban.id}/confirm`, { version: ban.version });
  const next = (
    await api<{ id: number; version: number }>(
      enterprise,
      'POST',
      '/api/project-applications',
      applicationBody(call.id, leaderId, '光谱仪第二期'),
    )
  ).body;
  const refused = await api<{ code: string; title: string; detail?: string }>(
    enterprise,
    'POST',
    `/api/project-applications/${next.id}/submit`,
    { version: next.version },
    false,
  );
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('project/barred');
  expect(`${refused.body.title} ${refused.body.detail ?? ''}`).toMatch(/科研诚信|衡科诚〔2026〕9号/);

  expect(problems).toEqual([]);
});

test('an expert reviews online in blind mode: declares, reads without the applicant, scores', async ({ browser }, info) => {
  const planner = await pageAs(browser, 'planner');
  const enterprise = await pageAs(browser, 'enterprise');
  const out = (n: string) => info.outputPath(n);
  const { call, sub } = await callWithApplication(
    planner,
    enterprise,
    '2026年度网评盲评项目申报指南',
    idNumber((Date.now() + 400) % 800),
    '智能传感器盲评课题',
  );
  await api(planner, 'PUT', '/api/review/rubrics', {
    batchId: call.id,
    criteria: [
      { key: 'innovation', name: '创新性', max: '60' },
      { key: 'feasibility', name: '可行性', max: '40', commentRequired: true },
    ],
    mode: 'online',
    blind: true,
  });
  // the demo pool of 衡阳: 5 + 2, then the demo expert account on the first seat
  const drawn = (
    await api<TDrawRecord>(planner, 'POST', '/api/review/draws', {
      batchId: call.id,
      constraints: { size: 5, reserves: 2, reviewFrom: '2026-12-20', reviewTo: '2026-12-21' },
    })
  ).body;
  const seat = (drawn.panelList[0] as TPanel).members[0] as TPanel['members'][number];
  await linkExpertAccount(planner, seat.expertId);
  await api(planner, 'POST', `/api/review/draws/${drawn.id}/open`);

  const expert = await pageAs(browser, 'expert');
  await expert.goto('/review');
  const mine = expert.getByTestId('my-reviews');
  await mine
    .getByRole('row', { name: new RegExp(`#${sub.id}`) })
    .getByTestId('my-declare')
    .click();
  await expert.getByTestId('declare-none').click();
  await expect(expert.getByText('已声明无利益冲突，可以查看申报书并评分')).toBeVisible();
  await mine
    .getByRole('row', { name: /智能传感器盲评课题/ })
    .getByTestId('my-score')
    .click();
  const subject = expert.getByTestId('review-subject');
  await expect(subject).toContainText('本批次为盲评');
  await expect(subject).not.toContainText('衡阳衡山科学仪器有限公司');
  await expect(subject).not.toContainText('周研发');
  await subject.getByTestId('score-innovation').fill('52');
  await subject.getByTestId('score-feasibility').fill('33');
  await subject.getByTestId('score-opinion').fill('方案可行。');
  await subject.getByTestId('score-submit').click();
  // the required comment is asked for before anything is sent
  await expect(subject.getByText('该指标须填写评语')).toBeVisible();
  await subject.getByTestId('comment-feasibility').fill('样机验证计划充分');
  await shot(expert, out, 'expert-blind-score');
  await subject.getByTestId('score-submit').click();
  await expect(expert.getByText('评分已提交，总分 85')).toBeVisible();
  await expect(mine.getByRole('row', { name: /智能传感器盲评课题/ }).getByTestId('my-status')).toHaveText('已评分');
});
