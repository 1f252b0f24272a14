import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { chooseOption, shot, signIn } from './helpers.ts';

// two cores shared with other runs: give each view time to load
const later = expect.configure({ timeout: 15_000 });

// Target binding: on the demo plan a planner unbinds 科技型中小企业数 (the dashboard then says why there is
// no actual), binds it again by typing pinyin initials, and sees the live actual from the catalogue —
// rolled up from the counties' registry counts — on the dashboard and in the bulletin .docx.
test('a planner binds a target to a catalogue indicator and sees its live actual on the dashboard and in the bulletin', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await signIn(page, 'planner');
  const plans = (await (await page.request.get('/api/plans')).json()) as { items: Array<{ id: number; title: string }> };
  const plan = plans.items.find((p) => p.title.includes('演示')) as { id: number };
  const row = () => page.getByTestId('target-row').filter({ hasText: '科技型中小企业数' });
  const dashboardRow = () => page.getByTestId('dashboard-target-row').filter({ hasText: '科技型中小企业数' });

  // unbind on the plan's 指标 tab
  await page.goto(`/plans/${plan.id}`);
  await page.getByRole('tab', { name: /指标/ }).click();
  const binding = row().getByTestId('target-binding');
  await later(binding).toContainText('科技型中小企业数');
  await binding.hover();
  await binding.locator('.ant-select-clear').click();
  await later(page.getByText('已解除绑定')).toBeVisible();
  await page.goto(`/plans/${plan.id}/dashboard`);
  await later(dashboardRow().getByTestId('target-source')).toContainText('未绑定指标库指标');

  // bind again, found by pinyin initials (科技型中小企业数 → kjxzxqys)
  await page.goto(`/plans/${plan.id}`);
  await page.getByRole('tab', { name: /指标/ }).click();
  await chooseOption(page, row().getByTestId('target-binding').locator('input'), '科技型中小企业数', 'kjxzx');
  await later(page.getByText('已绑定指标')).toBeVisible();

  // the dashboard: the actual with its source
  await page.goto(`/plans/${plan.id}/dashboard`);
  await later(dashboardRow().getByTestId('target-source')).toContainText('由下级地区汇总');
  await expect(dashboardRow()).toContainText(/\d+/);
  await shot(page, (n) => info.outputPath(n), 'dashboard-bound');

  // the bulletin .docx names the actual and where it comes from
  await page.goto(`/plans/${plan.id}/bulletins`);
  await page.getByTestId('bulletin-period').fill('绑定测试');
  await page.getByTestId('bulletin-generate').click();
  await later(page.getByTestId('bulletin-row').filter({ hasText: '绑定测试' })).toHaveCount(1, { timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('bulletin-row').filter({ hasText: '绑定测试' }).getByTestId('bulletin-docx').click(),
  ]);
  const path = info.outputPath('bulletin.docx');
  await download.saveAs(path);
  const { value: text } = await mammoth.extractRawText({ buffer: await readFile(path) });
  expect(text).toContain('科技型中小企业数');
  expect(text).toMatch(/指标库 \d{4} 年实际值（衡阳市，由下级地区汇总）/);
  // honest roll-ups: no section without tasks, and the unassigned share stated when there is one
  expect(text).not.toContain('暂无任务');
});
