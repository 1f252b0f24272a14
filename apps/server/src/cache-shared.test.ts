import { authPolicy } from '@kechuang/contracts';
import { type Ctx, createOrg, loadDemo, noCache } from '@kechuang/core';
import { type Database, openDb } from '@kechuang/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { SharedCache } from './cache-shared.ts';
import { freshPgDatabase } from './cli-testing.ts';
import { cookiesOf } from './testing.ts';

// Two application instances on one PostgreSQL database, each with its own cache and its own listening
// connection, as two server processes have. They run in the PostgreSQL pass of the suite (scripts/with-postgres.sh npm test, which CI always runs) and are skipped in the embedded pass.
const usePg = Boolean(process.env.DATABASE_URL);
const password = 'SharedCache2026';

async function waitFor(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
}

describe.skipIf(!usePg)('the cache shared by two processes on PostgreSQL', () => {
  let dbUrl: { url: string; drop(): Promise<void> };
  const dbs: Database[] = [];
  const apps: FastifyInstance[] = [];
  const caches: SharedCache[] = [];

  beforeAll(async () => {
    dbUrl = await freshPgDatabase('kc_cache');
    for (let i = 0; i < 2; i++) {
      const database = await openDb({ databaseUrl: dbUrl.url, migrate: i === 0, poolSize: 4 });
      dbs.push(database);
      if (i === 0) {
        const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'test' };
        await loadDemo(ctx, { password, withPlan: false });
      }
      const cache = new SharedCache({ databaseUrl: dbUrl.url });
      await cache.start();
      caches.push(cache);
      const app = await buildApp({ database, webDir: null, cache });
      await app.ready();
      apps.push(app);
    }
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const c of caches) await c.close();
    for (const d of dbs) await d.close();
    await dbUrl?.drop();
  });

  async function login(app: FastifyInstance, username: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = `${authPolicy.sessionCookie}=${cookiesOf(res)[authPolicy.sessionCookie]}`;
    return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }
  const get = (app: FastifyInstance, s: { cookie: string }, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const post = (app: FastifyInstance, s: { cookie: string; csrf: string }, url: string, payload?: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, [authPolicy.csrfHeader]: s.csrf },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('a write on one is never hidden by the other’s cache', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const sa = await login(a, 'admin');
    const sb = await login(b, 'admin');
    const total = async (app: FastifyInstance, s: { cookie: string }) =>
      (await get(app, s, '/api/orgs?pageSize=5&kind=park')).json().total as number;
    let expected = await total(a, sa);
    for (let i = 0; i < 12; i++) {
      const [writer, ws, reader, rs] = i % 2 ? [a, sa, b, sb] : [b, sb, a, sa];
      // both have the list cached
      expect(await total(reader, rs)).toBe(expected);
      expect(await total(writer, ws)).toBe(expected);
      const before = (caches[i % 2 ? 1 : 0] as SharedCache).received;
      const res = await post(writer, ws, '/api/orgs', { name: `共享缓存单位${i}`, kind: 'park', regionCode: '430400' });
      expect(res.statusCode, res.body).toBe(200);
      expected++;
      // read on the other at once: never the cached old total
      expect(await total(reader, rs)).toBe(expected);
      expect((caches[i % 2 ? 1 : 0] as SharedCache).received).toBeGreaterThan(before);
    }
  });

  it('the list is served from the cache until something it reads changes', async () => {
    const [a] = apps as [FastifyInstance, FastifyInstance];
    const s = await login(a, 'admin');
    const url = '/api/orgs?pageSize=3&q=缓存命中';
    await post(a, s, '/api/orgs', { name: '缓存命中单位', kind: 'park', regionCode: '430400' });
    expect((await get(a, s, url)).json().items[0].name).toBe('缓存命中单位');
    // a change behind the application's back (no audited write, no announcement) is not seen: the page is cached
    await (dbs[1] as Database).db
      .updateTable('organization')
      .set({ name: '缓存命中单位（改）' })
      .where('name', '=', '缓存命中单位')
      .execute();
    expect((await get(a, s, url)).json().items[0].name).toBe('缓存命中单位');
    // an audited write to the organisations drops it
    await post(a, s, '/api/orgs', { name: '缓存命中单位二', kind: 'park', regionCode: '430400' });
    expect(
      (await get(a, s, url))
        .json()
        .items.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(['缓存命中单位二', '缓存命中单位（改）']);
  });

  it('a logout, a revocation or a disabled account on one ends the session on the other at once', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const s = await login(a, 'planner');
    expect((await get(b, s, '/api/auth/me')).statusCode).toBe(200); // now cached on B
    expect((await get(b, s, '/api/auth/me')).statusCode).toBe(200);
    expect((await post(a, s, '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await get(b, s, '/api/auth/me')).statusCode).toBe(401);

    const r = await login(b, 'reporter.hengnan');
    expect((await get(a, r, '/api/auth/me')).statusCode).toBe(200);
    expect((await post(b, r, '/api/auth/sessions/revoke-all')).statusCode).toBe(200);
    expect((await get(a, r, '/api/auth/me')).statusCode).toBe(401);

    const victim = await login(a, 'expert');
    expect((await get(b, victim, '/api/auth/me')).statusCode).toBe(200);
    const admin = await login(a, 'admin');
    const u = await (dbs[0] as Database).db
      .selectFrom('app_user')
      .select(['id', 'version'])
      .where('username', '=', 'expert')
      .executeTakeFirstOrThrow();
    const res = await post(a, admin, `/api/users/${u.id}/disable`, { disabled: true, version: u.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(b, victim, '/api/auth/me')).statusCode).toBe(401);
  });

  it('a write made without any cache (the command line) is announced too', async () => {
    const [a] = apps as [FastifyInstance, FastifyInstance];
    const cache = caches[0] as SharedCache;
    const s = await login(a, 'admin');
    const url = '/api/orgs?pageSize=3&q=命令行';
    expect((await get(a, s, url)).json().total).toBe(0);
    const admin = await (dbs[1] as Database).db
      .selectFrom('app_user as u')
      .innerJoin('organization as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.org_id', 'o.region_code', 'o.kind'])
      .where('u.username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const ctx: Ctx = {
      db: (dbs[1] as Database).db,
      actor: {
        userId: admin.id,
        username: 'admin',
        orgId: admin.org_id,
        orgKind: admin.kind as never,
        regionCode: admin.region_code,
        roles: ['admin'],
      },
      ip: null,
      now: () => new Date(),
      cache: noCache,
      via: 'cli:test',
    };
    const seen = cache.received;
    await createOrg(ctx, { name: '命令行单位', kind: 'park', regionCode: '430400' } as never);
    // the announcement is delivered at commit; a command line does not wait for it, so the reader waits for its arrival
    await waitFor(() => cache.received > seen);
    expect((await get(a, s, url)).json().total).toBe(1);
  });

  it('while its listening connection is down a process serves nothing from its cache, and starts empty after', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const cacheB = caches[1] as SharedCache;
    const sa = await login(a, 'admin');
    const sb = await login(b, 'admin');
    const total = async (app: FastifyInstance, s: { cookie: string }) =>
      (await get(app, s, '/api/orgs?pageSize=5&kind=park')).json().total as number;
    const n = await total(b, sb);
    await cacheB.dropConnectionForTest();
    await waitFor(() => !cacheB.enabled);
    expect((await post(a, sa, '/api/orgs', { name: '断线期间单位', kind: 'park', regionCode: '430400' })).statusCode).toBe(200);
    expect(await total(b, sb)).toBe(n + 1);
    await waitFor(() => cacheB.enabled); // reconnected
    expect(cacheB.size).toBe(0);
    expect(await total(b, sb)).toBe(n + 1);
    expect((await post(a, sa, '/api/orgs', { name: '重连之后单位', kind: 'park', regionCode: '430400' })).statusCode).toBe(200);
    expect(await total(b, sb)).toBe(n + 2);
  });
});
