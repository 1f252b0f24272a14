import { MemoryCache } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing.ts';

describe('the process cache', () => {
  it('drops the least recently used entry when full, not everything', () => {
    const c = new MemoryCache(3);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('d', 4);
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.get('d')]).toEqual([1, 3, 4]);
    expect(c.size).toBe(3);
    expect(c.evictions).toBe(1);
  });

  it('drops by tag: a table tag on any write to it, a column tag only when that column is set or rows deleted', () => {
    const c = new MemoryCache();
    const fill = () => {
      for (const k of ['list', 'row', 'other', 'untagged']) c.get(k);
      c.set('list', 'L', ['project']);
      c.set('row', 'R', ['session.revoked_at']);
      c.set('other', 'O', ['organization']);
      c.set('untagged', 'U');
    };
    fill();
    c.invalidate(['session', 'session.last_seen_at']);
    expect([c.get('list'), c.get('row'), c.get('other'), c.get('untagged')]).toEqual(['L', 'R', 'O', undefined]);
    fill();
    c.invalidate(['session', 'session.revoked_at']);
    expect([c.get('list'), c.get('row'), c.get('other')]).toEqual(['L', undefined, 'O']);
    fill();
    c.invalidate(['session', 'session.*']); // a delete
    expect(c.get('row')).toBeUndefined();
    fill();
    c.invalidate(['project']);
    expect([c.get('list'), c.get('row'), c.get('other')]).toEqual([undefined, 'R', 'O']);
    fill();
    c.invalidate(['*']);
    expect(c.size).toBe(0);
  });

  it('refuses a value read before an invalidation it raced with', () => {
    const c = new MemoryCache();
    expect(c.get('k')).toBeUndefined(); // a miss: the caller goes to the database...
    c.invalidate(['project']); // ...a write to what it reads commits meanwhile...
    c.set('k', 'stale', ['project']); // ...and its (possibly old) answer arrives
    expect(c.get('k')).toBeUndefined();
    c.set('k', 'fresh', ['project']); // read after the write
    expect(c.get('k')).toBe('fresh');
    // an unrelated write in between does not refuse it
    c.get('j');
    c.invalidate(['organization']);
    c.set('j', 'ok', ['project']);
    expect(c.get('j')).toBe('ok');
  });
});

describe('the process cache with the application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ cache: true });
  });
  afterAll(async () => t?.close());

  it('an audited write drops only what reads the tables it wrote', async () => {
    const cache = t.ctx().cache;
    for (const k of ['projects', 'orgs', 'anything']) cache.get(k);
    cache.set('projects', 'P', ['project', 'project_payment']);
    cache.set('orgs', 'O', ['organization']);
    cache.set('anything', 'A');
    const admin = await t.login('admin');
    const res = await admin.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: '按表失效单位', kind: 'park', regionCode: '430400' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(cache.get('projects')).toBe('P');
    expect(cache.get('orgs')).toBeUndefined();
    expect(cache.get('anything')).toBeUndefined();
  });

  it('a sign-in or a failed sign-in leaves cached sessions and lists alone', async () => {
    const cache = t.ctx().cache;
    const a = await t.login('planner');
    expect((await a.request({ method: 'GET', url: '/api/orgs?pageSize=20' })).statusCode).toBe(200);
    cache.get('projects');
    cache.set('projects', 'P', ['project']);
    const sessionKey = `session:${a.cookie.split('=')[1]}`;
    expect(cache.get(sessionKey)).toBeDefined();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planner', password: 'wrong-password-1' },
    });
    expect(bad.statusCode).toBe(401);
    expect(cache.get('projects')).toBe('P');
    expect(cache.get(sessionKey)).toBeDefined();
    await t.login('expert'); // inserts a session, updates the user's last sign-in: no cached session depends on those
    expect(cache.get('projects')).toBe('P');
    expect(cache.get(sessionKey)).toBeDefined();
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('a logout still ends the cached session at once', async () => {
    const a = await t.login('reporter.hengnan');
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await a.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBeLessThan(300);
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});
