import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authPolicy, usccCheckChar } from '@kechuang/contracts';
import { type AppCache, type Ctx, LocalFileStore, loadDemo } from '@kechuang/core';
import { type Database, openDb, sql } from '@kechuang/db';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAppCache, SharedCache } from './cache-shared.ts';
import { havePostgresServer, type ReplicaPair, startReplicaPair } from './pg-replica-testing.ts';
import { cookiesOf } from './testing.ts';

/*
 * Reads on a streaming replica (DATABASE_READ_URL): the read-heavy pages are answered by the replica, writes by
 * the primary, and nothing read after a write is older than the write — neither the caller's own write nor a cached
 * page rebuilt after its invalidation — although the replica here applies everything 400 ms late.
 */

const applyDelayMs = 400;
const password = 'Replica2026read';
const run = havePostgresServer();

let pair: ReplicaPair;
let database: Database;
let replicaProbe: pg.Client;

beforeAll(async () => {
  if (!run) return;
  pair = startReplicaPair({ applyDelayMs });
  database = await openDb({ databaseUrl: pair.primaryUrl, readUrl: pair.replicaUrl, replicaWaitMs: 10_000 });
  replicaProbe = new pg.Client({ connectionString: pair.replicaUrl });
  await replicaProbe.connect();
}, 120_000);

afterAll(async () => {
  await replicaProbe?.end().catch(() => {});
  await database?.close();
  pair?.stop();
});

const settingOnReplica = async (key: string) =>
  (await replicaProbe.query('select value from setting where key = $1', [key])).rows[0]?.value as unknown;

describe.runIf(run)('a read replica behind the primary', () => {
  it('reads on the replica and writes on the primary; a read right after a write sees it', async () => {
    const readDb = database.readDb;
    if (!readDb || !database.readStats) throw new Error('no read handle');
    const where = async (db: typeof readDb) =>
      (await sql<{ r: boolean; app: string }>`select pg_is_in_recovery() as r, current_setting('application_name') as app`.execute(db))
        .rows[0];
    expect(await where(readDb)).toEqual({ r: true, app: 'kechuang-read' });
    expect((await where(database.db))?.r).toBe(false);
    // the read handle refuses to write
    await expect(
      database.readDb
        ?.insertInto('setting')
        .values({ key: 'x', value: sql`'1'::jsonb` as unknown as string })
        .execute(),
    ).rejects.toThrow(/read-only/);

    for (let i = 1; i <= 3; i++) {
      const before = { ...database.readStats };
      await database.db
        .insertInto('setting')
        .values({ key: `replica-${i}`, value: sql`${JSON.stringify(i)}::jsonb` as unknown as string })
        .execute();
      // the replica itself does not have it yet …
      expect(await settingOnReplica(`replica-${i}`)).toBeUndefined();
      // … but a read through the read handle waits for it, and is still answered by the replica
      const row = await readDb.selectFrom('setting').select('value').where('key', '=', `replica-${i}`).executeTakeFirst();
      expect(row?.value).toBe(i);
      expect(database.readStats.replica).toBe(before.replica + 1);
      expect(database.readStats.waits).toBe(before.waits + 1);
      expect(database.readStats.primary).toBe(before.primary);
    }
  });

  it('a replica that cannot keep up within the wait is not used: the primary answers', async () => {
    const impatient = await openDb({ databaseUrl: pair.primaryUrl, readUrl: pair.replicaUrl, replicaWaitMs: 20, migrate: false });
    try {
      await impatient.db
        .insertInto('setting')
        .values({ key: 'impatient', value: sql`'7'::jsonb` as unknown as string })
        .execute();
      const row = await impatient.readDb?.selectFrom('setting').select('value').where('key', '=', 'impatient').executeTakeFirst();
      expect(row?.value).toBe(7);
      expect(impatient.readStats).toMatchObject({ primary: 1, replica: 0 });
    } finally {
      await impatient.close();
    }
  });

  describe('through the server, with the shared cache', () => {
    let app: FastifyInstance;
    let cache: AppCache;
    let planner: { cookie: string; csrf: string };
    let seq = 0;
    const uscc = () => {
      const first = `91430405MA6${String(++seq).padStart(6, '0')}`;
      return `${first}${usccCheckChar(first)}`;
    };
    const request = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
      app.inject({
        method,
        url,
        headers: { cookie: planner.cookie, ...(method === 'POST' ? { [authPolicy.csrfHeader]: planner.csrf } : {}) },
        ...(payload ? { payload } : {}),
      });

    beforeAll(async () => {
      if (!run) return;
      const files = new LocalFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-files-')));
      cache = await createAppCache(database);
      const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache, via: 'test', files };
      await loadDemo(ctx, { password, withPlan: false });
      app = await buildApp({ database, webDir: null, cache, files });
      await app.ready();
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'planner', password } });
      expect(res.statusCode, res.body).toBe(200);
      planner = { cookie: `${authPolicy.sessionCookie}=${cookiesOf(res)[authPolicy.sessionCookie]}`, csrf: res.json().csrfToken };
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      if (cache instanceof SharedCache) await cache.close();
    });

    it('serves the public and registry lists from the replica', async () => {
      const stats = database.readStats as NonNullable<Database['readStats']>;
      const before = stats.replica;
      expect((await app.inject({ method: 'GET', url: '/api/public/platforms?page=1&pageSize=20' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/public/integrity-records?listKind=black&page=1&pageSize=20' })).statusCode).toBe(
        200,
      );
      expect((await app.inject({ method: 'GET', url: '/api/public/project-calls' })).statusCode).toBe(200);
      expect((await request('GET', '/api/enterprises?page=1&pageSize=20')).statusCode).toBe(200);
      expect(stats.replica).toBeGreaterThanOrEqual(before + 4);
      // the replica's own view of its sessions: the read pool's connections last ran the registry list there
      const { rows } = await replicaProbe.query<{ query: string }>(
        "select query from pg_stat_activity where application_name = 'kechuang-read' and query like '%enterprise%'",
      );
      expect(rows.length).toBeGreaterThan(0);
    });

    it('a new enterprise is in the registry list at once, though the replica applies it later', async () => {
      const name = `副本测试企业${Date.now()}`;
      const created = await request('POST', '/api/enterprises', { uscc: uscc(), name, regionCode: '430422' });
      expect(created.statusCode, created.body).toBe(200);
      // written on the primary: the replica does not have it yet
      expect((await replicaProbe.query('select 1 from enterprise where name = $1', [name])).rowCount).toBe(0);
      const list = await request('GET', `/api/enterprises?page=1&pageSize=20&q=${encodeURIComponent(name)}`);
      expect(list.statusCode, list.body).toBe(200);
      expect((list.json().items as { name: string }[]).map((e) => e.name)).toEqual([name]);
    });

    it('a cached indicator profile rebuilt after a write is never rebuilt from the lagging replica', async () => {
      const url = '/api/indicators/profile?region=430422&fromYear=2016&toYear=2016';
      const cell = (body: { rows: { indicator: { code: string }; cells: { actual: { value: number } | null }[] }[] }) =>
        body.rows.find((r) => r.indicator.code === 'hitech_value_added')?.cells[0]?.actual?.value ?? null;
      for (const value of [1111, 2222, 3333]) {
        const before = await request('GET', url); // read and cached
        expect(before.statusCode, before.body).toBe(200);
        expect(cell(before.json())).not.toBe(value);
        const key = { indicatorCode: 'hitech_value_added', regionCode: '430422', period: '2016', kind: 'actual' };
        const history = await request(
          'GET',
          `/api/indicators/values/history?indicator=${key.indicatorCode}&region=${key.regionCode}&period=2016&kind=actual`,
        );
        const current = (history.json().versions as { id: number; supersededAt: string | null }[]).find((v) => !v.supersededAt);
        const saved = await request('POST', '/api/indicators/values', { ...key, value, ...(current ? { replaces: current.id } : {}) });
        expect(saved.statusCode, saved.body).toBe(200);
        const after = await request('GET', url); // the cache entry was dropped; rebuilt from a replica that caught up
        expect(cell(after.json())).toBe(value);
        const again = await request('GET', url); // and what was cached is the fresh profile
        expect(cell(again.json())).toBe(value);
      }
    });
  });
});
