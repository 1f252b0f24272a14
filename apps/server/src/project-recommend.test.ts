import { hashPassword } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationBody, openCall } from './project-fixture.ts';
import { type Client, createTestApp, demoPassword, type TestApp } from './testing.ts';

// 主管部门推荐: on a call recommended by departments the applicant names its department, and only that
// department's users see the submitted application and recommend it before the bureau's formal check.

let t: TestApp;
let planner: Client;
let enterprise: Client;
let health: Client;
let education: Client;
const depts: Record<string, number> = {};

async function department(key: string, name: string, region: string, username: string) {
  const db = t.database.db;
  const { id } = await db
    .insertInto('organization')
    .values({ name, kind: 'department', region_code: region })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('app_user')
    .values({
      username,
      display_name: `${name}科技科`,
      org_id: id,
      roles: ['reporter'],
      password_hash: await hashPassword(demoPassword),
      must_change_password: false,
    })
    .execute();
  depts[key] = id;
}

beforeAll(async () => {
  t = await createTestApp();
  await department('health', '衡阳市卫生健康委员会', '430400', 'dept.health');
  await department('education', '衡阳市教育局', '430400', 'dept.education');
  await department('wuhan', '武汉市卫生健康委员会', '420100', 'dept.wuhan');
  [planner, enterprise, health, education] = await Promise.all([
    t.login('planner'),
    t.login('enterprise'),
    t.login('dept.health'),
    t.login('dept.education'),
  ]);
});
afterAll(async () => t?.close());

const audits = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const post = (c: Client, url: string, payload: unknown) => c.request({ method: 'POST', url, payload: payload as Record<string, unknown> });

describe('主管部门推荐', () => {
  it('takes the department named on the application, and only that department recommends', async () => {
    const call = await openCall(planner, t, { recommendation: 'department' });
    const offered = (await enterprise.request({ method: 'GET', url: `/api/project-calls/${call.id}/recommenders` })).json();
    expect(offered.map((o: { name: string }) => o.name).sort()).toEqual(
      ['衡阳市卫生健康委员会', '衡阳市发展和改革委员会', '衡阳市教育局'].sort(),
    );

    // no department named, or one from elsewhere: refused at submission, nothing written
    const body = applicationBody(call.id);
    let app = (await post(enterprise, '/api/project-applications', body)).json();
    const before = await audits();
    const none = await post(enterprise, `/api/project-applications/${app.id}/submit`, { version: app.version });
    expect(none.json().code).toBe('project/recommender_required');
    const { callId: _callId, ...content } = body;
    app = (
      await enterprise.request({
        method: 'PUT',
        url: `/api/project-applications/${app.id}`,
        payload: { ...content, recommenderOrgId: depts.wuhan, version: app.version },
      })
    ).json();
    const audited = await audits();
    expect(audited).toBe(before + 1);
    const elsewhere = await post(enterprise, `/api/project-applications/${app.id}/submit`, { version: app.version });
    expect(elsewhere.json().code).toBe('project/recommender_invalid');
    expect(await audits()).toBe(audited);

    app = (
      await enterprise.request({
        method: 'PUT',
        url: `/api/project-applications/${app.id}`,
        payload: { ...content, recommenderOrgId: depts.health, version: app.version },
      })
    ).json();
    const submitted = (await post(enterprise, `/api/project-applications/${app.id}/submit`, { version: app.version })).json();
    expect(submitted).toMatchObject({ status: 'submitted', recommenderOrgName: '衡阳市卫生健康委员会' });

    // the bureau and another department cannot recommend it; the other department cannot even read it
    const byBureau = await post(planner, `/api/project-applications/${app.id}/recommend`, { version: submitted.version });
    expect(byBureau.statusCode).toBe(403);
    expect(byBureau.json().code).toBe('project/not_recommender');
    const byOther = await post(education, `/api/project-applications/${app.id}/recommend`, { version: submitted.version });
    expect(byOther.json().code).toBe('project/not_recommender');
    expect((await education.request({ method: 'GET', url: `/api/project-applications/${app.id}` })).statusCode).toBe(403);
    expect((await education.request({ method: 'GET', url: '/api/project-applications' })).json().total).toBe(0);

    // the named department sees it in its list and recommends it; the bureau's formal check follows
    const listed = (await health.request({ method: 'GET', url: '/api/project-applications' })).json();
    expect(listed.items.map((a: { id: number }) => a.id)).toEqual([app.id]);
    const recommended = (
      await post(health, `/api/project-applications/${app.id}/recommend`, { version: submitted.version, opinion: '同意推荐' })
    ).json();
    expect(recommended.status).toBe('recommended');
    expect(recommended.timeline.at(-1)).toMatchObject({ kind: 'recommend', actor: '衡阳市卫生健康委员会科技科' });
    const checked = await post(planner, `/api/project-applications/${app.id}/formal-check`, {
      version: recommended.version,
      checklist: [{ item: '材料齐全', ok: true }],
    });
    expect(checked.json().status).toBe('under_review');
  });
});
