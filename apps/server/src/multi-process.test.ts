import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authPolicy } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, startServer, stopServer } from './cli-testing.ts';

const usePg = Boolean(process.env.DATABASE_URL);
const password = 'Multi2026proc';

async function http(port: number, method: string, url: string, opts: { cookie?: string; csrf?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers[authPolicy.csrfHeader] = opts.csrf;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, setCookie: res.headers.getSetCookie() };
}

async function login(port: number, username: string, pw = password) {
  const r = await http(port, 'POST', '/api/auth/login', { body: { username, password: pw } });
  const token = r.setCookie.find((c) => c.startsWith(`${authPolicy.sessionCookie}=`))?.split(';')[0] ?? '';
  return { status: r.status, cookie: token, csrf: r.json.csrfToken as string, code: r.json.code };
}

describe('several server processes', () => {
  it.skipIf(usePg)('on the embedded database: a second process on the same directory is refused, naming the first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-mp-'));
    const env = { DATABASE_URL: '' };
    const a = await startServer(['--data', dir, 'serve', '--port', '18431', '--quiet'], env);
    try {
      const err = await startServer(['--data', dir, 'serve', '--port', '18432', '--quiet'], env).then(
        () => null,
        (e: Error & { output: string; code: number }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.output).toContain(`正被进程 ${a.child.pid}`);
    } finally {
      await stopServer(a.child);
    }
  });

  it.skipIf(!usePg)('on one PostgreSQL database: both serve the same users, sessions and throttling', async () => {
    const db = await freshPgDatabase('kc_mp');
    const env = { DATABASE_URL: db.url };
    const a = await startServer(['serve', '--port', '18441', '--quiet', '--demo', '--demo-password', password], env);
    const b = await startServer(['serve', '--port', '18442', '--quiet'], env);
    const [pa, pb] = [18441, 18442];
    try {
      // a session made on A works on B
      const s = await login(pa, 'admin');
      expect((await http(pb, 'GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(200);
      // a write on B is read on A at once
      const created = await http(pb, 'POST', '/api/orgs', {
        cookie: s.cookie,
        csrf: s.csrf,
        body: { name: '双进程单位', kind: 'park', regionCode: '430400' },
      });
      expect(created.status).toBe(200);
      expect((await http(pa, 'GET', `/api/orgs/${created.json.id}`, { cookie: s.cookie })).json.name).toBe('双进程单位');
      // logging out everywhere on A ends the session on B immediately
      const s2 = await login(pb, 'planner');
      expect((await http(pa, 'POST', '/api/auth/sessions/revoke-all', { cookie: s2.cookie, csrf: s2.csrf })).status).toBe(200);
      expect((await http(pb, 'GET', '/api/auth/me', { cookie: s2.cookie })).status).toBe(401);
      // failures spread over both processes slow the account down on both
      for (let i = 0; i < authPolicy.accountFreeFailures; i++) {
        expect((await login(i % 2 ? pa : pb, 'expert', `wrong-${i}-x`)).code).toBe('auth/invalid_credentials');
      }
      expect((await login(pb, 'expert')).code).toBe('auth/too_many_attempts');
      expect((await login(pa, 'expert')).code).toBe('auth/too_many_attempts');
    } finally {
      await stopServer(a.child);
      await stopServer(b.child);
      await db.drop();
    }
  });
});
