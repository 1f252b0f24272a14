import { idNumberCheckChar } from '@kechuang/contracts';
import { hashPassword } from '@kechuang/core';
import type { Client, TestApp } from './testing.ts';
import { demoPassword } from './testing.ts';

/** Test data for the projects module: identity numbers, calls, applications, extra applicant accounts. */

let seq = 0;

/** A valid 18-character identity number (check character computed), different on every call. */
export function idNumber(): string {
  const first17 = `43040419800101${String(100 + (++seq % 900)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const hours = 3_600_000;

export function callBody(programmeId: number, over: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    programmeId,
    regionCode: '430400',
    year: 2026,
    title: `2026年度自然科学基金项目申报指南${++seq}`,
    directions: ['智能制造', '生物医药'],
    maxGrantFen: 30_000_000, // 30 万元
    budgetFen: 50_000_000, // 50 万元
    opensAt: new Date(now - 24 * hours).toISOString(),
    closesAt: new Date(now + 240 * hours).toISOString(),
    requiredAttachments: [],
    limitPerUnit: 2,
    limitPerLeader: 1,
    recommendation: 'direct',
    eligibility: { applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] },
    ...over,
  };
}

export function applicationBody(callId: number, over: Record<string, unknown> = {}) {
  return {
    callId,
    title: `高精度光谱仪关键部件国产化研究${++seq}`,
    direction: '智能制造',
    leader: { name: '周研发', idNumber: idNumber(), title: '高级工程师' },
    members: [{ person: { name: '吴成员' }, role: '结构设计', workMonths: 6 }],
    budget: [
      { category: 'equipment', fiscalFen: 10_000_000, selfFen: 10_000_000 },
      { category: 'business', fiscalFen: 10_000_000, selfFen: 0 },
    ],
    fiscalFen: 20_000_000,
    selfFen: 10_000_000,
    targets: [{ name: '样机测量精度', unit: 'nm', value: '0.5' }],
    ...over,
  };
}

export async function programme(t: TestApp, region = '430400'): Promise<number> {
  const row = await t.database.db
    .insertInto('project_programme')
    .values({ region_code: region, kind: 'natural_science', name: `自然科学基金${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A published call of the bureau, open now (unless the body says otherwise). */
export async function openCall(planner: Client, t: TestApp, over: Record<string, unknown> = {}): Promise<{ id: number; version: number }> {
  const created = await planner.request({
    method: 'POST',
    url: '/api/project-calls',
    payload: callBody(await programme(t, (over.regionCode as string) ?? '430400'), over),
  });
  if (created.statusCode !== 200) throw new Error(created.body);
  const c = created.json() as { id: number; version: number };
  const pub = await planner.request({ method: 'POST', url: `/api/project-calls/${c.id}/publish`, payload: { version: c.version } });
  if (pub.statusCode !== 200) throw new Error(pub.body);
  return pub.json() as { id: number; version: number };
}

/** A new applicant organisation of a kind with one signed-in user (enterprise role for enterprises, reporter for institutes). */
export async function applicantAccount(
  t: TestApp,
  kind: 'enterprise' | 'institute',
  region = '430408',
): Promise<{ client: Client; orgId: number }> {
  const db = t.database.db;
  const n = ++seq;
  const { id: orgId } = await db
    .insertInto('organization')
    .values({ name: `申报单位${n}`, kind, region_code: region })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('app_user')
    .values({
      username: `applicant${n}`,
      display_name: `申报人${n}`,
      org_id: orgId,
      roles: [kind === 'enterprise' ? 'enterprise' : 'reporter'],
      password_hash: await hashPassword(demoPassword),
      must_change_password: false,
    })
    .execute();
  return { client: await t.login(`applicant${n}`), orgId };
}

/** Creates and submits an application; returns its latest state. */
export async function submitted(client: Client, callId: number, over: Record<string, unknown> = {}) {
  const created = await client.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(callId, over) });
  if (created.statusCode !== 200) throw new Error(created.body);
  const a = created.json() as { id: number; version: number };
  const res = await client.request({ method: 'POST', url: `/api/project-applications/${a.id}/submit`, payload: { version: a.version } });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { id: number; version: number; status: string };
}
