import type { TExpert, TExpertSummary } from '@kechuang/contracts';
import type { Page } from '@playwright/test';
import { api } from './helpers.ts';

/** What the journeys around the expert pool share: the pool's .xlsx columns and the demo `expert` account's link. */

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns of the expert pool's .xlsx import, in its order. */
export const expertPoolHeader = [
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

/** Saves an expert entry unchanged but for the linked account, as the bureau does on the pool page. */
function setAccount(planner: Page, e: TExpert, username: string | null) {
  return api(planner, 'PUT', `/api/experts/${e.id}`, {
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
}

/** Unlinks the demo `expert` account from whichever active entry holds it. */
export async function unlinkExpertAccount(planner: Page) {
  const list = await api<{ items: TExpertSummary[] }>(planner, 'GET', '/api/experts?pageSize=200&status=active');
  for (const item of list.items.filter((x) => x.hasAccount)) {
    const e = await api<TExpert>(planner, 'GET', `/api/experts/${item.id}`);
    if (e.username === 'expert') await setAccount(planner, e, null);
  }
}

/** Links the demo `expert` account to the given entry (and unlinks it elsewhere). */
export async function linkExpertAccount(planner: Page, expertId: number) {
  await unlinkExpertAccount(planner);
  await setAccount(planner, await api<TExpert>(planner, 'GET', `/api/experts/${expertId}`), 'expert');
}
