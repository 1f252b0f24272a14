import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authPolicy } from '@kechuang/contracts';
import { type Ctx, LocalFileStore, loadDemo, MemoryCache, noCache } from '@kechuang/core';
import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from './app.ts';

export const demoPassword = 'TestPass2026';

export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ctx(): Ctx;
  login(username: string, password?: string): Promise<Client>;
  /** rows in a table, to assert that nothing was written */
  count(table: 'audit_log' | 'organization' | 'app_user' | 'session' | 'region' | 'region_change'): Promise<number>;
  close(): Promise<void>;
}

export function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.cookies) out[c.name] = c.value;
  return out;
}

/** A server on a fresh test schema with the demo organisations and accounts. */
export async function createTestApp(opts: { cache?: boolean; demo?: boolean; demoPlan?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDb();
  const cache = opts.cache ? new MemoryCache() : noCache;
  const files = new LocalFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-files-')));
  const ctx = (): Ctx => ({ db: database.db, actor: null, ip: null, now: () => new Date(), cache, via: 'test', files });
  if (opts.demo !== false) await loadDemo(ctx(), { password: demoPassword, withPlan: opts.demoPlan ?? false });
  const app = await buildApp({ database, webDir: null, cache, files });
  await app.ready();
  return {
    app,
    database,
    ctx,
    async login(username, password = demoPassword) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const jar = cookiesOf(res);
      const cookie = `${authPolicy.sessionCookie}=${jar[authPolicy.sessionCookie]}`;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return {
        username,
        csrf,
        cookie,
        request: (o) => {
          const { csrf: sendCsrf = true, ...rest } = o;
          const headers: Record<string, string> = { cookie, ...((rest.headers as Record<string, string>) ?? {}) };
          if (sendCsrf && rest.method && rest.method !== 'GET') headers[authPolicy.csrfHeader] = csrf;
          return app.inject({ ...rest, headers });
        },
      };
    },
    async count(table) {
      const r = await database.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
