import { authPolicy } from '@kechuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, demoPassword, type TestApp } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const loginReq = (username: string, password: string, ip = '10.0.0.1') => ({
  method: 'POST' as const,
  url: '/api/auth/login',
  payload: { username, password },
  remoteAddress: ip,
});

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await t.app.inject(loginReq('planner', demoPassword));
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === authPolicy.sessionCookie);
    const csrf = res.cookies.find((c) => c.name === authPolicy.csrfCookie);
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(res.json().user.username).toBe('planner');
    // the token is stored only as a hash
    const rows = await t.database.db.selectFrom('session').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(session?.value);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const a = await t.app.inject(loginReq('planner', 'wrong-password-1', '10.0.0.2'));
    const b = await t.app.inject(loginReq('nobody', 'wrong-password-1', '10.0.0.2'));
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('auth/invalid_credentials');
    expect(b.json().title).toBe(a.json().title);
  });

  it('slows repeated failures down alike for a real and an unknown username, never with a lock', async () => {
    const seen: string[] = [];
    for (let i = 0; i < authPolicy.accountFreeFailures + 2; i++) {
      const real = await t.app.inject(loginReq('expert', `wrong-${i}-pass`, `10.1.0.${i}`));
      const ghost = await t.app.inject(loginReq('expert-ghost', `wrong-${i}-pass`, `10.1.0.${i}`));
      expect(ghost.statusCode).toBe(real.statusCode);
      expect(ghost.json().code).toBe(real.json().code);
      expect(ghost.headers['retry-after']).toBe(real.headers['retry-after']);
      seen.push(`${real.statusCode}`);
    }
    expect(seen).toEqual([...Array(authPolicy.accountFreeFailures).fill('401'), '429', '429']);
    // the right password is slowed too while the back-off runs (no 423, no lock)
    const right = await t.app.inject(loginReq('expert', demoPassword, '10.1.1.2'));
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(authPolicy.accountBackoffSeconds.first);
    // once the wait has passed the owner signs in; no lock-out was recorded
    await t.database.db
      .updateTable('login_attempt')
      .set({ at: new Date(Date.now() - 10 * 60_000) })
      .where('username', '=', 'expert')
      .execute();
    expect((await t.app.inject(loginReq('expert', demoPassword, '10.1.1.3'))).statusCode).toBe(200);
    const locks = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.lockout').execute();
    expect(locks).toHaveLength(0);
  });

  it('lets the owner in from a browser that signed in before, while an attacker is slowed down', async () => {
    const first = await t.app.inject(loginReq('province', demoPassword, '10.2.0.1'));
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === authPolicy.deviceCookie);
    expect(device?.httpOnly).toBe(true);
    for (let i = 0; i <= authPolicy.accountFreeFailures; i++) await t.app.inject(loginReq('province', `wrong-${i}-pass`, `10.2.1.${i}`));
    expect((await t.app.inject(loginReq('province', demoPassword, '10.2.2.1'))).statusCode).toBe(429);
    // a made-up device cookie does not help
    const other = await t.app.inject({
      ...loginReq('province', 'wrong-again-1', '10.2.2.2'),
      cookies: { [authPolicy.deviceCookie]: 'forged' },
    });
    expect(other.statusCode).toBe(429);
    const owner = await t.app.inject({
      ...loginReq('province', demoPassword, '10.2.2.1'),
      cookies: { [authPolicy.deviceCookie]: device?.value ?? '' },
    });
    expect(owner.statusCode).toBe(200);
  });

  it('lets parallel guesses through no faster than sequential ones', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.app.inject(loginReq('parallel-ghost', `wrong-${i}-pass`, `10.4.0.${i}`))),
    );
    const ok = results.filter((r) => r.statusCode === 401).length;
    expect(ok).toBe(authPolicy.accountFreeFailures);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(12 - authPolicy.accountFreeFailures);
  });

  it('stops trusting a device cookie that was used for repeated wrong passwords', async () => {
    const first = await t.app.inject(loginReq('planner.changsha', demoPassword, '10.5.0.1'));
    const device = first.cookies.find((c) => c.name === authPolicy.deviceCookie)?.value ?? '';
    const withDevice = (password: string, ip: string) =>
      t.app.inject({ ...loginReq('planner.changsha', password, ip), cookies: { [authPolicy.deviceCookie]: device } });
    for (let i = 0; i < authPolicy.accountFreeFailures; i++)
      expect((await withDevice(`wrong-${i}-pass`, `10.5.1.${i}`)).statusCode).toBe(401);
    // the device no longer skips the back-off its own failures caused
    expect((await withDevice('wrong-again-9', '10.5.2.1')).statusCode).toBe(429);
  });

  it("an administrator's unlock ends an account's back-off", async () => {
    for (let i = 0; i <= authPolicy.accountFreeFailures; i++)
      await t.app.inject(loginReq('reporter.hengnan', `wrong-${i}-pass`, `10.3.1.${i}`));
    expect((await t.app.inject(loginReq('reporter.hengnan', demoPassword, '10.3.2.1'))).statusCode).toBe(429);
    const admin = await t.login('admin');
    const id = (
      await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'reporter.hengnan').executeTakeFirstOrThrow()
    ).id;
    // the user list shows the account as slowed down (登录受限) until the unlock
    const viewed = await admin.request({ method: 'GET', url: `/api/users/${id}` });
    expect(viewed.json().locked).toBe(true);
    expect((await admin.request({ method: 'POST', url: `/api/users/${id}/unlock` })).json().locked).toBe(false);
    expect((await t.app.inject(loginReq('reporter.hengnan', demoPassword, '10.3.2.2'))).statusCode).toBe(200);
  });

  it('slows an address with many failures across accounts, without blocking other addresses or known devices', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < authPolicy.sourceFreeFailures; i++) {
      expect((await t.app.inject(loginReq(`ghost${i}`, 'wrong-password-1', ip))).statusCode).toBe(401);
    }
    const res = await t.app.inject(loginReq('viewer-nope', 'x', ip));
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('auth/too_many_attempts');
    expect(res.json().detail).toMatch(/秒后再试/);
    // the right password from that address waits too; another address is fine
    expect((await t.app.inject(loginReq('planner', demoPassword, ip))).statusCode).toBe(429);
    const elsewhere = await t.app.inject(loginReq('planner', demoPassword, '10.9.9.10'));
    expect(elsewhere.statusCode).toBe(200);
    // a browser that signed in to the account before is not held up by the address
    const device = elsewhere.cookies.find((c) => c.name === authPolicy.deviceCookie)?.value ?? '';
    expect(
      (await t.app.inject({ ...loginReq('planner', demoPassword, ip), cookies: { [authPolicy.deviceCookie]: device } })).statusCode,
    ).toBe(200);
    // and the wait is short: once it has passed, the address may try again
    await t.database.db
      .updateTable('login_attempt')
      .set({ at: new Date(Date.now() - 5 * 60_000) })
      .where('ip', '=', ip)
      .execute();
    expect((await t.app.inject(loginReq('planner', demoPassword, ip))).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated mutation without the token, and with a wrong one', async () => {
    const c = await t.login('admin');
    const body = { name: '某某单位', kind: 'department', regionCode: '430400' };
    const before = await t.count('organization');
    expect((await c.request({ method: 'POST', url: '/api/orgs', payload: body, csrf: false })).json().code).toBe('auth/csrf_failed');
    expect(
      (await c.request({ method: 'POST', url: '/api/orgs', payload: body, csrf: false, headers: { 'x-csrf-token': 'forged' } })).statusCode,
    ).toBe(403);
    expect(await t.count('organization')).toBe(before);
    expect((await c.request({ method: 'POST', url: '/api/orgs', payload: body })).statusCode).toBe(200);
  });

  it('refuses a mutation from a foreign Origin', async () => {
    const c = await t.login('admin');
    const res = await c.request({ method: 'POST', url: '/api/auth/sessions/revoke-all', headers: { origin: 'https://evil.example' } });
    expect(res.json().code).toBe('auth/csrf_failed');
  });
});

describe('password change', () => {
  it('forces a new password on an account created by an admin, then lets it in', async () => {
    const admin = await t.login('admin');
    const org = await t.database.db.selectFrom('organization').select('id').where('name', '=', '衡南县人民政府').executeTakeFirstOrThrow();
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'newbie', displayName: '新人', orgId: org.id, roles: ['reporter'] },
    });
    expect(created.statusCode).toBe(200);
    const temp = created.json().temporaryPassword as string;
    const u = await t.login('newbie', temp);
    expect((await u.request({ method: 'GET', url: '/api/auth/me' })).json().user.mustChangePassword).toBe(true);
    const blocked = await u.request({ method: 'GET', url: '/api/orgs' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth/password_change_required');
    const weak = await u.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: temp, newPassword: 'short' } });
    expect(weak.json().code).toBe('auth/weak_password');
    const ok = await u.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temp, newPassword: 'Hengnan2026ok' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await u.request({ method: 'GET', url: '/api/orgs' })).statusCode).toBe(200);
    expect((await t.app.inject(loginReq('newbie', temp, '10.2.0.1'))).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('lists my sessions, ends one, and logs out everywhere', async () => {
    const a = await t.login('reporter.hengnan');
    const b = await t.login('reporter.hengnan');
    const list = (await a.request({ method: 'GET', url: '/api/auth/sessions' })).json() as Array<{ id: string; current: boolean }>;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)?.id as string;
    expect((await a.request({ method: 'DELETE', url: `/api/auth/sessions/${other}` })).statusCode).toBe(200);
    const res = await a.request({ method: 'POST', url: '/api/auth/sessions/revoke-all' });
    expect(res.json().revoked).toBeGreaterThanOrEqual(1);
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await b.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('ends the sessions of a user an admin disables', async () => {
    const victim = await t.login('reporter.leiyang');
    const admin = await t.login('admin');
    const u = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'version'])
      .where('username', '=', 'reporter.leiyang')
      .executeTakeFirstOrThrow();
    const res = await admin.request({ method: 'POST', url: `/api/users/${u.id}/disable`, payload: { disabled: true, version: u.version } });
    expect(res.statusCode).toBe(200);
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject(loginReq('reporter.leiyang', demoPassword, '10.3.0.1'))).json().code).toBe('auth/account_disabled');
  });

  it('logs out the current session only', async () => {
    const a = await t.login('province');
    const res = await a.request({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(200);
    expect(cookiesOf(res)[authPolicy.sessionCookie]).toBe('');
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});
