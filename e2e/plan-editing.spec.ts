import { expect as baseExpect, type Page, test } from '@playwright/test';
import { chooseOption, shot, signIn } from './helpers.ts';

// generous waits: the machine may be busy
const expect = baseExpect.configure({ timeout: 15_000 });

/** The titles of the task rows on the execution page, top to bottom. */
async function taskTitles(page: Page): Promise<string[]> {
  return page.getByTestId('exec-task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-title') ?? ''));
}

test('plan editing: add, rename, give milestones, move and delete a task, add a section, all kept in the history', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const out = (n: string) => info.outputPath(n);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const year = new Date().getFullYear();

  // ---- the demo planner opens the demo plan's execution page ----
  await signIn(page, 'planner');
  await page.goto('/plans');
  await expect(page.getByTestId('page-plans')).toBeVisible();
  await page.getByRole('row').filter({ hasText: '（演示）' }).getByRole('link', { name: '执行与分工' }).click();
  await expect(page.getByTestId('page-plan-execution')).toBeVisible();
  await expect(page.getByTestId('exec-task-row')).toHaveCount(6);
  // other journeys may have edited the demo plan already: count this journey's revisions from here
  const planId = /\/plans\/(\d+)/.exec(page.url())?.[1];
  const revisionsBefore = ((await (await page.request.get(`/api/plans/${planId}/revisions`)).json()) as { items: unknown[] }).items.length;
  const before = await taskTitles(page);
  const lastOfTwo = before[5] as string; // task 6, the last of section 二
  expect(lastOfTwo).toContain('技术合同');
  await shot(page, out, '1-execution');

  // ---- 新增任务 under section 二, with a reason; the drawer opens on the new task ----
  const sectionTwo = page.getByTestId('exec-section-row').filter({ hasText: '优化科技创新生态' });
  await sectionTwo.getByTestId('node-add-task').click();
  const modal = page.getByRole('dialog').filter({ hasText: '新增任务' });
  await expect(modal).toContainText('在“二 优化科技创新生态”下新增任务');
  await expect(modal.getByTestId('node-number')).toHaveValue('7'); // the next number of a plan numbered 1…6
  // a title is required
  await modal.getByTestId('node-modal-save').click();
  await expect(modal).toContainText('请填写标题');
  await modal.getByTestId('node-title').fill('建设科技创新券服务平台');
  await modal.getByTestId('node-reason').fill('年中新增任务');
  await shot(page, out, '2-add-task');
  await modal.getByTestId('node-modal-save').click();
  await expect(page.getByText('已新增，计划已更新到第').first()).toBeVisible();
  await expect(modal).toBeHidden();

  let drawer = page.getByTestId('task-edit-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('task-edit-title')).toHaveValue('建设科技创新券服务平台');
  expect(await taskTitles(page)).toEqual([...before, '建设科技创新券服务平台']);

  // ---- rename it and give it two milestones, one done ----
  const title = '建设科技创新券线上服务平台';
  await drawer.getByTestId('task-edit-title').fill(title);
  await drawer.getByTestId('milestone-add').click();
  await drawer.getByTestId('milestone-add').click();
  const milestones = drawer.getByTestId('milestone-row');
  await expect(milestones).toHaveCount(2);
  // an empty milestone is refused on the form, before anything is sent
  await drawer.getByTestId('task-edit-save').click();
  await expect(drawer).toContainText('请填写里程碑内容');
  await milestones.nth(0).getByTestId('milestone-title').fill('完成平台需求调研');
  await milestones.nth(0).getByText('已完成').click();
  const due = milestones.nth(1).locator('input[data-testid=milestone-due], [data-testid=milestone-due] input');
  await milestones.nth(1).getByTestId('milestone-title').fill('平台上线试运行');
  await due.click();
  await due.fill(`${year}-09-30`);
  await due.press('Enter');
  await expect(due).toHaveValue(`${year}-09-30`);
  await drawer.getByTestId('task-edit-reason').fill('补充里程碑');
  await shot(page, out, '3-task-drawer');
  await drawer.getByTestId('task-edit-save').click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await expect(drawer).toBeHidden();
  const row = page.locator(`[data-testid=exec-task-row][data-title="${title}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('7');

  // the drawer shows what was saved
  await row.getByTestId('task-assign').click();
  drawer = page.getByTestId('task-edit-drawer');
  await expect(drawer.getByTestId('milestone-row')).toHaveCount(2);
  await expect(drawer.getByTestId('milestone-title').first()).toHaveValue('完成平台需求调研');
  await expect(drawer.getByTestId('milestone-row').nth(0).locator('input[type=checkbox]')).toBeChecked();
  await expect(drawer.getByTestId('milestone-row').nth(1).locator('input[type=checkbox]')).not.toBeChecked();
  await expect(
    drawer.getByTestId('milestone-row').nth(1).locator('input[data-testid=milestone-due], [data-testid=milestone-due] input'),
  ).toHaveValue(`${year}-09-30`);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // ---- 上移: it moves above task 6; at the end of its section 下移 is off ----
  await expect(row.getByTestId('node-down')).toBeDisabled();
  await row.getByTestId('node-up').click();
  await expect(page.getByText('已调整顺序').first()).toBeVisible();
  await expect.poll(() => taskTitles(page)).toEqual([...before.slice(0, 5), title, lastOfTwo]);
  await expect(row.getByTestId('node-down')).toBeEnabled();
  // the first section cannot go up
  await expect(page.getByTestId('exec-section-row').first().getByTestId('node-up')).toBeDisabled();
  // the order holds on the section filter too
  await chooseOption(page, page.getByRole('combobox', { name: '按章节筛选' }), '二 优化科技创新生态');
  await expect(page.getByTestId('exec-task-row')).toHaveCount(4);
  await expect.poll(() => taskTitles(page)).toEqual([...before.slice(3, 5), title, lastOfTwo]);
  await shot(page, out, '4-moved');
  await page.goto(page.url().replace(/\?.*$/, ''));
  await expect(page.getByTestId('exec-task-row')).toHaveCount(7);

  // ---- a section whose tasks have reports cannot be deleted: the zh-CN refusal, nothing removed ----
  const sectionOne = page.getByTestId('exec-section-row').filter({ hasText: '培育壮大创新主体' });
  await sectionOne.getByTestId('node-remove').click();
  let popup = page.locator('.ant-popconfirm:visible').filter({ hasText: '培育壮大创新主体' });
  await expect(popup).toContainText('章节下的全部任务将一并删除');
  await popup.getByTestId('node-remove-confirm').click();
  await expect(page.getByText('该任务或其下级任务已有进度报送，不能删除').first()).toBeVisible();
  await expect(page.getByTestId('exec-task-row')).toHaveCount(7);
  await expect(popup).toHaveCount(0);

  // ---- 删除 the new task, with a reason ----
  await row.getByTestId('node-remove').click();
  popup = page.locator('.ant-popconfirm:visible').filter({ hasText: title });
  await expect(popup).toContainText('删除前的版本保留在“修订记录”中');
  await popup.getByTestId('node-remove-reason').fill('试点取消，并入第 6 项');
  await expect(popup.getByTestId('node-remove-reason')).toHaveValue('试点取消，并入第 6 项');
  await page.waitForTimeout(400); // the popup fades in
  await shot(page, out, '5-remove');
  await popup.getByTestId('node-remove-confirm').click();
  await expect(page.getByText('已删除，原版本可在“修订记录”中查看').first()).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await taskTitles(page)).toEqual(before);

  // ---- 新增章节 at the top level: last, so it cannot go down ----
  await page.getByTestId('add-section').click();
  const sectionModal = page.getByRole('dialog').filter({ hasText: '新增章节' });
  await sectionModal.getByTestId('node-number').fill('三');
  await sectionModal.getByTestId('node-title').fill('强化科技人才支撑');
  await sectionModal.getByTestId('node-reason').fill('增设人才工作章节');
  await sectionModal.getByTestId('node-modal-save').click();
  await expect(sectionModal).toBeHidden();
  const sectionThree = page.getByTestId('exec-section-row').filter({ hasText: '强化科技人才支撑' });
  await expect(sectionThree).toBeVisible();
  await expect(page.getByTestId('exec-section-row').last()).toContainText('三 强化科技人才支撑');
  await expect(sectionThree.getByTestId('node-down')).toBeDisabled();
  await expect(page.getByTestId('task-edit-drawer')).toBeHidden(); // only a new task opens the drawer
  // rename it
  await sectionThree.getByTestId('node-edit').click();
  const editModal = page.getByRole('dialog').filter({ hasText: '修改章节' });
  await expect(editModal.getByTestId('node-title')).toHaveValue('强化科技人才支撑');
  await editModal.getByTestId('node-title').fill('强化科技人才引育');
  await editModal.getByTestId('node-modal-save').click();
  await expect(editModal).toBeHidden();
  await expect(page.getByTestId('exec-section-row').last()).toContainText('三 强化科技人才引育');
  await shot(page, out, '6-section');

  // ---- a stale page: another tab moved task 6 up first; this move is refused, the page reloads, the retry works ----
  const taskRow = (t: string) => page.locator(`[data-testid=exec-task-row][data-title="${t}"]`);
  const [four, five, six] = before.slice(3) as [string, string, string];
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.locator(`[data-testid=exec-task-row][data-title="${six}"]`).getByTestId('node-up').click();
  await expect(other.getByText('已调整顺序').first()).toBeVisible();
  await other.close();
  await taskRow(four).getByTestId('node-down').click();
  await expect(page.getByText('数据已被他人修改，请刷新后重试').first()).toBeVisible();
  await expect.poll(() => taskTitles(page)).toEqual([...before.slice(0, 3), four, six, five]);
  await taskRow(four).getByTestId('node-down').click();
  await expect.poll(() => taskTitles(page)).toEqual([...before.slice(0, 3), six, four, five]);

  // ---- every edit is in 修订记录, with its reason ----
  await page.getByTestId('plan-subnav').getByRole('tab', { name: '修订记录' }).click();
  const revisions = page.getByTestId('page-plan-revisions');
  await expect(page.getByTestId('revision-row').first()).toBeVisible();
  for (const reason of ['年中新增任务', '补充里程碑', `调整顺序：“7 ${title}”上移`, '试点取消，并入第 6 项', '增设人才工作章节'])
    await expect(revisions).toContainText(reason);
  // add, edit, move, delete, add section, rename section, the two moves; the refused delete and move left none
  await expect(page.getByTestId('revision-row')).toHaveCount(revisionsBefore + 8);
  await shot(page, out, '7-revisions');
  expect(problems).toEqual([]);
});

test('bulk assignment: tick a section, add a co-unit to all its tasks at once; then a task moves to another section', async ({
  page,
}, info) => {
  const out = (n: string) => info.outputPath(n);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'planner');
  await page.goto('/plans');
  await page.getByRole('row').filter({ hasText: '（演示）' }).getByRole('link', { name: '执行与分工' }).click();
  await expect(page.getByTestId('page-plan-execution')).toBeVisible();
  await expect(page.getByTestId('bulk-assign-open')).toBeDisabled();

  // ticking section 一 ticks its tasks
  const sectionOne = page.getByTestId('exec-section-row').first();
  const tasksOfOne = await page
    .getByTestId('exec-task-row')
    .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-title') ?? ''));
  await sectionOne.getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-assign-open')).toContainText('批量分工（3）');
  await page.getByTestId('bulk-assign-open').click();
  const modal = page.getByRole('dialog').filter({ hasText: '批量分工' });
  await expect(modal).toContainText('已选 3 项任务');
  await expect(modal).toContainText('章节不分工，已略过');
  await modal.getByTestId('bulk-assign-mode').getByText('追加').click();
  const co = modal.getByTestId('bulk-assign-co');
  await co.click();
  await co.locator('input').fill('衡南');
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '衡南县' }).first()).toBeVisible();
  await co.locator('input').press('Enter');
  await co.locator('input').press('Escape');
  await expect(co).toContainText('衡南县');
  await shot(page, out, 'bulk-modal');
  await modal.getByTestId('bulk-assign-save').click();
  await expect(page.getByText(/批量分工已保存，\d+ 项任务的分工有变化/).first()).toBeVisible();
  await expect(modal).toBeHidden();
  for (const title of tasksOfOne) await expect(page.locator(`[data-testid=exec-task-row][data-title="${title}"]`)).toContainText('衡南县');
  await expect(page.getByTestId('bulk-assign-open')).toBeDisabled(); // the selection is cleared
  await shot(page, out, 'bulk-done');

  // ---- 所属章节: the last task of section 二 moves to the end of section 一 ----
  const rows = await taskTitles(page);
  const moving = rows.at(-1) as string;
  await page.locator(`[data-testid=exec-task-row][data-title="${moving}"]`).getByTestId('task-assign').click();
  const drawer = page.getByTestId('task-edit-drawer');
  await chooseOption(page, drawer.getByLabel('所属章节'), '培育壮大创新主体');
  await drawer.getByTestId('task-edit-reason').fill('并入第一部分');
  await drawer.getByTestId('task-edit-save').click();
  await expect(drawer).toBeHidden();
  await expect.poll(() => taskTitles(page)).toEqual([...tasksOfOne, moving, ...rows.slice(3, -1)]);
  expect(problems).toEqual([]);
});
