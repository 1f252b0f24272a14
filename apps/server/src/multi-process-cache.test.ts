import { authPolicy } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, startServer, stopServer } from './cli-testing.ts';

// Two `serve` processes on one PostgreSQL database, each with its process cache switched on. They run in the
// PostgreSQL pass of the suite (scripts/with-postgres.sh npm test, which CI always runs), not in the embedded one.
const usePg = Boolean(process.env.DATABASE_URL);
const password = 'Cache2026proc';

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

async function login(port: number, username: string) {
  const r = await http(port, 'POST', '/api/auth/login', { body: { username, password } });
  expect(r.status).toBe(200);
  const cookie = r.setCookie.find((c) => c.startsWith(`${authPolicy.sessionCookie}=`))?.split(';')[0] ?? '';
  return { cookie, csrf: r.json.csrfToken as string };
}

describe.skipIf(!usePg)('the process cache of two server processes on PostgreSQL', () => {
  it('never serves a list or a session made stale by a write on the other process', async () => {
    const db = await freshPgDatabase('kc_mpc');
    const env = { DATABASE_URL: db.url, KECHUANG_CACHE: '' };
    const a = await startServer(['serve', '--port', '18461', '--quiet', '--demo', '--demo-password', password], env);
    const b = await startServer(['serve', '--port', '18462', '--quiet'], env);
    const [pa, pb] = [18461, 18462];
    try {
      const sa = await login(pa, 'admin');
      const sb = await login(pb, 'admin');
      const total = async (port: number, s: { cookie: string }) =>
        (await http(port, 'GET', '/api/orgs?pageSize=5&kind=park', { cookie: s.cookie })).json.total as number;
      let expected = await total(pa, sa);
      for (let i = 0; i < 16; i++) {
        const [wp, ws, rp, rs] = i % 2 ? [pa, sa, pb, sb] : [pb, sb, pa, sa];
        expect(await total(rp, rs)).toBe(expected); // cached on the reader
        const res = await http(wp, 'POST', '/api/orgs', {
          cookie: ws.cookie,
          csrf: ws.csrf,
          body: { name: `双进程缓存${i}`, kind: 'park', regionCode: '430400' },
        });
        expect(res.status).toBe(200);
        expected++;
        expect(await total(rp, rs)).toBe(expected);
      }
      // a logout on A is honoured by B at once, though B had the session cached
      const p = await login(pa, 'planner');
      for (let i = 0; i < 3; i++) expect((await http(pb, 'GET', '/api/auth/me', { cookie: p.cookie })).status).toBe(200);
      expect((await http(pa, 'POST', '/api/auth/logout', { cookie: p.cookie, csrf: p.csrf })).status).toBeLessThan(300);
      expect((await http(pb, 'GET', '/api/auth/me', { cookie: p.cookie })).status).toBe(401);
      expect((await http(pa, 'GET', '/api/auth/me', { cookie: p.cookie })).status).toBe(401);
    } finally {
      await stopServer(a.child);
      await stopServer(b.child);
      await db.drop();
    }
  }, 180_000);
});
