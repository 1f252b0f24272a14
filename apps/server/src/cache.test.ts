import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing.ts';

// The embedded database runs with an in-memory read cache (one process is guaranteed by the lock).
// These check that no committed change is hidden by it.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ cache: true });
});
afterAll(async () => t?.close());

describe('read cache on the embedded database', () => {
  it('serves a list again from cache, and drops it when a unit is created', async () => {
    const admin = await t.login('admin');
    const first = (await admin.request({ method: 'GET', url: '/api/orgs?pageSize=200' })).json().total;
    expect((await admin.request({ method: 'GET', url: '/api/orgs?pageSize=200' })).json().total).toBe(first);
    await admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '缓存测试单位', kind: 'park', regionCode: '430400' } });
    expect((await admin.request({ method: 'GET', url: '/api/orgs?pageSize=200' })).json().total).toBe(first + 1);
  });

  it('ends cached sessions at once on log out everywhere and on disabling the user', async () => {
    const a = await t.login('reporter.hengnan');
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await a.request({ method: 'POST', url: '/api/auth/sessions/revoke-all' });
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    const victim = await t.login('expert');
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const admin = await t.login('admin');
    const u = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'version'])
      .where('username', '=', 'expert')
      .executeTakeFirstOrThrow();
    await admin.request({ method: 'POST', url: `/api/users/${u.id}/disable`, payload: { disabled: true, version: u.version } });
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('applies a role change to a cached session', async () => {
    const p = await t.login('province');
    expect((await p.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
    const admin = await t.login('admin');
    const u = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'version', 'org_id'])
      .where('username', '=', 'reporter.leiyang')
      .executeTakeFirstOrThrow();
    const r = await t.login('reporter.leiyang');
    expect((await r.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(403);
    const upd = await admin.request({
      method: 'PUT',
      url: `/api/users/${u.id}`,
      payload: { displayName: '李填报', orgId: u.org_id, roles: ['reporter', 'viewer'], version: u.version },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await r.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
  });
});
