import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import mammoth from 'mammoth';
import { api, chooseOption, pageAs, shot } from './helpers.ts';
import { port } from './playwright.config.ts';

// The technology market: a contract from 卖方注册 to 登记证明, and the headline number it moves.

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const yes = /确\s*定/;

/**
 * Presses `button` and confirms its Popconfirm, waiting for the server's answer to `url`; a confirmation that
 * closed without sending (a re-render under it) is pressed again. A refusal fails with the server's body.
 */
async function confirmStep(page: Page, button: ReturnType<Page['getByTestId']>, url: RegExp) {
  let status = 0;
  let body = '';
  await expect(async () => {
    const answer = page.waitForResponse((r) => r.request().method() !== 'GET' && url.test(r.url()), { timeout: 5_000 });
    answer.catch(() => undefined);
    const pop = page.locator('.ant-popconfirm:visible');
    if ((await pop.count()) === 0) await button.click({ timeout: 2_000 });
    await pop.getByRole('button', { name: yes }).click({ timeout: 2_000 });
    const r = await answer;
    status = r.status();
    body = await r.text();
  }).toPass({ timeout: 30_000 });
  expect(status, body).toBe(200);
}

test('a contract runs from 卖方注册 through 补正 to 登记证明, and moves 技术合同成交额 and the plan target bound to it', async ({
  browser,
}, info) => {
  test.setTimeout(600_000);
  const out = (n: string) => info.outputPath(n);
  const problems: string[] = [];
  const planner = await pageAs(browser, 'planner');
  planner.on('pageerror', (e) => problems.push(e.message));
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

  // the bureau's registration point serves the city; its planners are the registrars
  const orgs = await api<{ items: { id: number; name: string }[] }>(
    planner,
    'GET',
    `/api/orgs?q=${encodeURIComponent('衡阳市科学技术局')}`,
  );
  const bureau = orgs.items.find((o) => o.name === '衡阳市科学技术局');
  expect(bureau).toBeDefined();
  // (the demo keeps one already; a fresh installation has none)
  const points = await api<{ name: string }[]>(planner, 'GET', '/api/techmarket/points');
  if (!points.some((p) => p.name === '潇湘科技要素大市场衡阳分中心'))
    await api(planner, 'POST', '/api/techmarket/points', { name: '潇湘科技要素大市场衡阳分中心', orgId: bureau?.id, regions: ['430400'] });
  // a plan of the year whose target is the city's 技术合同成交额, read live from the registry
  const plan = await api<{ id: number }>(planner, 'POST', '/api/plans', {
    title: `衡阳市${year}年技术市场工作要点（演示）`,
    regionCode: '430400',
    year,
    kind: 'plan',
    nodes: [{ key: 'n1', parentKey: null, kind: 'task', number: '1', title: '促进技术转移和成果转化', start: 0, end: 10 }],
    targets: [
      {
        nodeKey: 'n1',
        indicatorName: '技术合同成交额',
        indicatorCode: 'tech_contract_turnover',
        value: 5000,
        valueMax: null,
        unit: '万元',
        normalizedValue: 5000,
        normalizedUnit: '万元',
        comparator: null,
        qualifier: null,
        kind: 'level',
        targetYear: year,
        quote: '技术合同成交额5000万元',
        start: 0,
        end: 10,
      },
    ],
  });
  // before any registration the target has no 1200 万元 actual
  await planner.goto(`/plans/${plan.id}/dashboard`);
  const targetRow = planner.getByTestId('dashboard-target-row').filter({ hasText: '技术合同成交额' });
  await expect(targetRow).toContainText('5,000 万元');
  await expect(targetRow).not.toContainText('1,200 万元');
  await planner.goto('/techmarket/points');
  await expect(planner.getByTestId('techmarket-points')).toContainText('潇湘科技要素大市场衡阳分中心');
  await shot(planner, out, 'registrar-points');

  // 1. the enterprise registers as a seller and submits its contract with the written text
  const seller = await pageAs(browser, 'enterprise');
  seller.on('pageerror', (e) => problems.push(e.message));
  await seller.goto('/techmarket');
  const reg = seller.getByTestId('seller-register');
  await expect(reg).toBeVisible();
  await shot(seller, out, 'seller-register');
  await reg.getByLabel('统一社会信用代码').fill('91430408MA4L16XK37');
  await chooseOption(seller, reg.getByLabel('卖方类型'), '企业');
  await reg.getByLabel('联系人及电话').fill('赵企业 0734-1234567');
  await reg.getByTestId('seller-save').click();
  await expect(seller.getByTestId('seller-card')).toContainText('91430408MA4L16XK37');
  await seller.getByTestId('contract-new').click();
  const drawer = seller.locator('.ant-drawer');
  await drawer.getByLabel('合同名称').fill('高精度光谱仪联合研发合同');
  await chooseOption(seller, drawer.getByLabel('合同标的类别'), '委托开发');
  await drawer.getByLabel('签订日期').fill(`${year}-03-01`);
  await drawer.getByLabel('签订日期').press('Enter');
  await drawer.getByLabel('买方名称').fill('长沙某智能装备有限公司');
  await chooseOption(seller, drawer.getByLabel('买方地区'), '芙蓉区', '芙蓉区');
  await drawer.getByLabel('合同成交额（万元）').fill('1200');
  await chooseOption(seller, drawer.getByLabel('技术领域'), '先进制造');
  await chooseOption(seller, drawer.getByLabel('知识产权类型'), '技术秘密');
  await chooseOption(seller, drawer.getByLabel('社会经济目标'), '促进工业发展');
  await shot(seller, out, 'seller-contract-form');
  await drawer.getByTestId('contract-save').click();
  await expect(drawer.getByTestId('contract-upload')).toBeVisible();
  await drawer
    .locator('input[type=file]')
    .setInputFiles({ name: '高精度光谱仪联合研发合同.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(drawer.getByTestId('contract-files')).toContainText('高精度光谱仪联合研发合同.pdf');
  await confirmStep(seller, drawer.getByTestId('contract-submit'), /\/api\/techmarket\/contracts\/\d+\/submit$/);
  await expect(drawer).toBeHidden();
  const myRow = seller.getByTestId('my-contracts').locator('tr', { hasText: '高精度光谱仪联合研发合同' });
  await expect(myRow.getByTestId('contract-status')).toHaveText('待受理');
  await shot(seller, out, 'seller-contracts');

  // 2. the registrar accepts it and asks for 补正
  await planner.goto('/techmarket/queue');
  await planner.getByTestId('review-open').filter({ hasText: '高精度光谱仪联合研发合同' }).click();
  const review = planner.getByTestId('review-drawer');
  await expect(review.getByTestId('refusal-not_accepted')).toContainText('口头形式订立的技术合同');
  await shot(planner, out, 'registrar-submitted');
  await confirmStep(planner, review.getByTestId('review-accept'), /\/accept$/);
  await expect(review.getByTestId('contract-deadline')).toContainText('自受理之日起 30 日内办结');
  await review.getByTestId('review-correction-note').fill('请补充双方盖章页');
  await confirmStep(planner, review.getByTestId('review-correction'), /\/correction$/);
  await expect(review.getByTestId('contract-timeline')).toContainText('要求补正');
  await planner.keyboard.press('Escape');

  // 3. the seller sees the request, corrects and resubmits
  await seller.reload();
  await expect(myRow.getByTestId('contract-status')).toHaveText('待补正');
  await myRow.getByTestId('contract-open').click();
  await expect(drawer.getByTestId('contract-correction')).toContainText('请补充双方盖章页');
  await drawer.getByLabel('项目来源').fill('企业自选');
  await drawer.locator('input[type=file]').setInputFiles({ name: '合同（含盖章页）.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(drawer.getByTestId('contract-files')).toContainText('合同（含盖章页）.pdf');
  await shot(seller, out, 'seller-correction');
  await confirmStep(seller, drawer.getByTestId('contract-submit'), /\/submit$/);
  await expect(drawer).toBeHidden();
  await expect(myRow.getByTestId('contract-status')).toHaveText('已受理');

  // 4. recognised as 技术开发 with 200 万元 of equipment deducted: 技术交易额 1000 万元
  await planner.goto('/techmarket/queue?status=accepted');
  await planner.getByTestId('review-open').filter({ hasText: '高精度光谱仪联合研发合同' }).click();
  await expect(review.getByTestId('contract-timeline')).toContainText('补正后重新提交');
  // the registrar reads the written contract as the seller uploaded it
  const [written] = await Promise.all([planner.waitForEvent('download'), review.getByTestId('contract-file-download').last().click()]);
  expect((await readFile(await written.path())).equals(pdf)).toBe(true);
  await review.getByTestId('cost-add').click();
  const cost = review.getByTestId('cost-items').locator('tbody tr').first();
  await cost.getByLabel('单价').fill('200');
  await expect(review.getByTestId('recognition-preview')).toContainText('= 技术交易额 1000 万元');
  await shot(planner, out, 'registrar-recognition');
  await confirmStep(planner, review.getByTestId('review-register'), /\/register$/);
  await expect(review.getByTestId('contract-registered')).toContainText('认定为 技术开发（委托开发）');
  await expect(review.getByTestId('contract-amounts')).toContainText('合同成交额 1200 万元，核定技术交易额 1000 万元');
  await shot(planner, out, 'registrar-registered');
  await planner.keyboard.press('Escape');
  await planner.goto('/techmarket/registered');
  await expect(planner.getByTestId('registrar-registered').locator('tr', { hasText: '高精度光谱仪联合研发合同' })).toContainText(
    '技术开发',
  );
  await shot(planner, out, 'registrar-registered-list');
  const [register] = await Promise.all([planner.waitForEvent('download'), planner.getByTestId('registrar-registered-export').click()]);
  expect(register.suggestedFilename()).toBe('技术合同.xlsx');

  // 5. the seller downloads the 登记证明: both amounts are stated
  await seller.reload();
  await expect(myRow.getByTestId('contract-status')).toHaveText('已登记');
  await myRow.getByTestId('contract-open').click();
  const [docx] = await Promise.all([seller.waitForEvent('download'), drawer.getByTestId('contract-certificate').click()]);
  const text = (await mammoth.extractRawText({ buffer: await readFile(await docx.path()) })).value;
  expect(text).toContain('技术合同认定登记证明');
  expect(text).toMatch(/合同成交额\s*1200 万元/);
  expect(text).toMatch(/技术交易额（核定）\s*1000 万元/);
  await shot(seller, out, 'seller-registered');

  // 6. the city's 技术合同成交额 (输出) and the plan target bound to it show the registered contract
  await planner.goto('/techmarket/stats?region=430400');
  await expect(planner.getByTestId('stats-total')).toContainText('1200 万元');
  await expect(planner.getByTestId('stats-table')).toContainText('技术开发');
  await shot(planner, out, 'registrar-stats');
  await planner.goto(`/plans/${plan.id}/dashboard`);
  await expect(targetRow).toContainText('1,200 万元');
  await expect(targetRow).toContainText('24%');
  await shot(planner, out, 'plan-target');

  // 7. the market: the seller offers its achievement, a demand is published, matched, introduced at a 对接会
  //    and followed to the registered contract — the event's funnel counts it with its 成交额
  // its 科技成果 registered by the bureau first
  await seller.goto('/techmarket/achievements');
  await seller.getByTestId('achievement-new').click();
  const ach = seller.getByTestId('achievement-drawer');
  await ach.getByLabel('成果名称').fill('高分辨率光栅光谱仪光学系统');
  await ach.getByLabel('成果简介').fill('光栅光谱仪的光学设计与精密装调方法，分辨率达到0.05nm。');
  await chooseOption(seller, ach.getByLabel('技术领域'), '先进制造');
  await chooseOption(seller, ach.getByLabel('成熟度'), '中试');
  await ach.getByTestId('achievement-save').click();
  await expect(ach).toBeHidden();
  const achRow = seller.getByTestId('achievements').locator('tr', { hasText: '高分辨率光栅光谱仪光学系统' });
  await achRow.getByTestId('achievement-open').click();
  await confirmStep(seller, ach.getByTestId('achievement-submit'), /\/achievements\/\d+\/submit$/);
  await expect(achRow.getByTestId('achievement-status')).toHaveText('待登记');
  await planner.goto('/techmarket/achievements');
  await planner.getByTestId('achievement-open').filter({ hasText: '高分辨率光栅光谱仪光学系统' }).click();
  await confirmStep(planner, planner.getByTestId('achievement-register'), /\/register$/);
  await expect(
    planner.getByTestId('achievements').locator('tr', { hasText: '高分辨率光栅光谱仪光学系统' }).getByTestId('achievement-status'),
  ).toHaveText('已登记');
  await expect(planner.getByTestId('achievement-drawer')).toBeHidden();
  await shot(planner, out, 'registrar-achievements');

  await seller.goto('/techmarket/listings');
  await seller.getByTestId('listing-new').click();
  const sellerDrawer = seller.getByTestId('listing-drawer');
  await chooseOption(seller, sellerDrawer.getByLabel('清单'), '成果清单');
  await sellerDrawer.getByLabel('名称').fill('高精度光谱仪核心光学部件技术');
  await sellerDrawer.getByLabel('具体内容').fill('高分辨率光栅光谱仪的光学设计与精密装调技术，可用于智能装备在线检测。');
  await chooseOption(seller, sellerDrawer.getByLabel('技术领域'), '先进制造');
  await sellerDrawer.getByTestId('listing-save').click();
  await expect(sellerDrawer).toBeHidden();
  await seller.getByTestId('listing-open').filter({ hasText: '高精度光谱仪核心光学部件技术' }).click();
  await confirmStep(seller, sellerDrawer.getByTestId('listing-submit'), /\/listings\/\d+\/submit$/);

  await planner.goto('/techmarket/listings');
  await planner.getByTestId('listing-new').click();
  const listingDrawer = planner.getByTestId('listing-drawer');
  await chooseOption(planner, listingDrawer.getByLabel('清单'), /^技术需求清单$/);
  await listingDrawer.getByLabel('名称').fill('智能装备在线检测用光谱仪研发');
  await listingDrawer.getByLabel('具体内容').fill('需要高分辨率光谱仪及其光学部件，用于智能装备生产线的在线检测。');
  await chooseOption(planner, listingDrawer.getByLabel('技术领域'), '先进制造');
  await listingDrawer.getByLabel('拟投入经费（万元）').fill('1500');
  await listingDrawer.getByTestId('listing-save').click();
  await expect(listingDrawer).toBeHidden();
  for (const title of ['智能装备在线检测用光谱仪研发', '高精度光谱仪核心光学部件技术']) {
    await planner.getByTestId('listing-open').filter({ hasText: title }).click();
    if (title.startsWith('智能')) await confirmStep(planner, listingDrawer.getByTestId('listing-submit'), /\/submit$/);
    if (title.startsWith('智能')) await planner.getByTestId('listing-open').filter({ hasText: title }).click();
    await confirmStep(planner, listingDrawer.getByTestId('listing-publish'), /\/publish$/);
    await expect(listingDrawer).toBeHidden();
  }
  const demandRow = planner.getByTestId('listings').locator('tr', { hasText: '智能装备在线检测用光谱仪研发' });
  await expect(demandRow.getByTestId('listing-status')).toHaveText('已发布');
  await shot(planner, out, 'registrar-listings');
  await demandRow.getByTestId('listing-match').click();
  const matched = planner.getByTestId('match-listing').filter({ hasText: '高精度光谱仪核心光学部件技术' });
  // the reason names key terms the two share (the rarest first, so which ones depends on what else is listed)
  await expect(matched.getByTestId('match-reason')).toContainText(/光谱仪|光学部件|高分辨率/);
  await expect(planner.locator('.ant-drawer-content-wrapper')).toHaveCSS('transform', 'none');
  await shot(planner, out, 'registrar-matches');
  await planner.keyboard.press('Escape');

  // the public hall finds the published demand by a word and by pinyin initials, without a session
  const visitor = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
  await visitor.goto('/market');
  const box = visitor.getByPlaceholder(/输入中文关键词或拼音首字母/);
  await box.fill('光谱仪');
  await box.press('Enter');
  await expect(visitor.getByTestId('market-entry').filter({ hasText: '智能装备在线检测用光谱仪研发' })).toBeVisible();
  await shot(visitor, out, 'visitor-search');
  await box.fill('znzb');
  await box.press('Enter');
  await expect(visitor.getByTestId('market-entry').filter({ hasText: '智能装备在线检测用光谱仪研发' })).toBeVisible();
  await visitor.close();

  await planner.goto('/techmarket/events');
  await planner.getByTestId('event-new').click();
  const eventModal = planner.locator('.ant-modal');
  await eventModal.getByLabel('活动名称').fill(`${year}年衡阳市智能装备技术对接会`);
  await eventModal.getByLabel('举办日期').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  await eventModal.getByLabel('举办日期').press('Enter');
  await eventModal.getByRole('button', { name: yes }).click();
  await expect(eventModal).toBeHidden();
  await planner.getByTestId('event-open').filter({ hasText: '智能装备技术对接会' }).click();
  const eventDrawer = planner.getByTestId('event-drawer');
  await chooseOption(planner, eventDrawer.getByTestId('pair-demand').getByRole('combobox'), '智能装备在线检测用光谱仪研发');
  await chooseOption(planner, eventDrawer.getByTestId('pair-supply').getByRole('combobox'), '高精度光谱仪核心光学部件技术');
  await eventDrawer.getByTestId('pair-add').click();
  const pair = eventDrawer.getByTestId('event-pairs').locator('tr', { hasText: '智能装备在线检测用光谱仪研发' });
  await expect(pair.getByTestId('pair-status')).toHaveText('已对接');
  await pair.getByTestId('pair-intention').click();
  const intentionDate = planner.locator('input[data-testid=intention-date], [data-testid=intention-date] input');
  await intentionDate.fill(`${year}-03-01`);
  await intentionDate.press('Enter');
  await planner.getByTestId('intention-amount').fill('1200');
  await planner.getByTestId('intention-save').click();
  await expect(pair.getByTestId('pair-status')).toHaveText('已签意向');
  await pair.getByTestId('pair-contract').click();
  await chooseOption(planner, planner.getByTestId('pair-contract-select').getByRole('combobox'), '高精度光谱仪联合研发合同', '光谱仪');
  await planner.getByTestId('pair-contract-save').click();
  await expect(pair.getByTestId('pair-status')).toHaveText('已签合同');
  await expect(pair.getByTestId('pair-progress')).toContainText('1200 万元');
  const eventFunnel = eventDrawer.getByTestId('funnel-event');
  await expect(eventFunnel).toContainText('1200 万元');
  await shot(planner, out, 'registrar-event');
  await planner.keyboard.press('Escape');
  await expect(planner.getByTestId('funnel-year')).toContainText('1200 万元');
  await shot(planner, out, 'registrar-events');
  expect(problems).toEqual([]);
});

test('every market page, as a seller, a registrar, a province viewer and a visitor, loads without a failure', async ({ browser }, info) => {
  test.setTimeout(300_000);
  const out = (n: string) => info.outputPath(n);
  const problems: string[] = [];
  const tour: [string, string[]][] = [
    ['enterprise', ['', 'achievements', 'listings']],
    [
      'planner',
      ['queue', 'registered', 'stats', 'stats?by=region&direction=absorption', 'achievements', 'listings', 'events', 'brokers', 'points'],
    ],
    ['province', ['stats', 'achievements', 'listings', 'events', 'brokers', 'points']],
  ];
  for (const [user, tabs] of tour) {
    const page = await pageAs(browser, user);
    page.on('pageerror', (e) => problems.push(`${user}: ${e.message}`));
    for (const tab of tabs) {
      await page.goto(`/techmarket/${tab}`);
      await expect(page.getByTestId('page-techmarket'), problems.join('\n')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.getByText('加载失败'), `${user} /techmarket/${tab}`).toHaveCount(0);
      await shot(page, out, `${user}-${(tab || 'home').replace(/[?&=]/g, '-')}`);
    }
    await page.context().close();
  }
  // the visitor: no session, the public hall only
  const visitor = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
  visitor.on('pageerror', (e) => problems.push(`visitor: ${e.message}`));
  await visitor.goto('/market');
  await expect(visitor.getByTestId('page-public-market')).toBeVisible();
  await visitor.waitForLoadState('networkidle');
  await expect(visitor.getByText('加载失败')).toHaveCount(0);
  await shot(visitor, out, 'visitor-market');
  await visitor.close();
  expect(problems).toEqual([]);
});
