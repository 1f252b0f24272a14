/** Steps the project browser tests share: the call form and publishing a call. */
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { beijing, confirmPopover } from './helpers.ts';

export const yes = /确\s*定/;

/** Opens the call form's 新增计划类别 row (a click while the modal still animates in can miss). */
export async function openProgrammeForm(page: Page) {
  await expect(async () => {
    const add = page.getByTestId('programme-add');
    if (await add.isVisible()) await add.click({ timeout: 2_000 });
    await expect(page.getByPlaceholder('类别名称')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Publishes the call in `row` through its Popconfirm and waits for the server's answer. If the confirmation closed
 * without sending anything (the row re-rendered under it), the button is pressed again; an answer other than 200
 * fails with the server's body, so a refusal is never mistaken for a slow list.
 */
export async function publishCall(page: Page, row: Locator) {
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

/** Opens applications from yesterday for ten days in the call form (the pickers take Beijing time). */
export async function fillApplicationWindow(modal: Locator) {
  for (const [label, value] of [
    ['申报开始时间（北京时间）', beijing(-1)],
    ['申报截止时间（北京时间）', beijing(24 * 10)],
  ] as const) {
    await modal.getByLabel(label).click();
    await modal.getByLabel(label).fill(value);
    await modal.getByLabel(label).press('Enter');
  }
}
