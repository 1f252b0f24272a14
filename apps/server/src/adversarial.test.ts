import { authPolicy } from '@kechuang/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { type Client, createTestApp, demoPassword, type TestApp } from './testing.ts';

/**
 * The standing adversarial suite: hostile requests generated over every route of the OpenAPI document,
 * so a route is covered the day it is added. Each family states an invariant that must hold on every
 * route: a path variant is either not routed or treated exactly as the canonical path; no mutation without
 * the CSRF token or from a foreign origin; forbidden characters and odd bodies refused with a stable code
 * before anything runs; never a 500; nothing written by any of it.
 */
let t: TestApp;
let admin: Client;
let pending: Client;
interface Route {
  method: string;
  path: string;
  url: string;
  hasBody: boolean;
  hasParams: boolean;
}
let routes: Route[] = [];
/** routes reachable without signing in (sign-in itself, health, the public lists) */
const publicRoutes = new Set<string>();

const mutating = (r: Route) => r.method !== 'GET';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // a session whose password must be changed first
  pending = await t.login('planner.changsha');
  await t.database.db.updateTable('app_user').set({ must_change_password: true }).where('username', '=', 'planner.changsha').execute();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string }[] }>> };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      routes.push({
        method: method.toUpperCase(),
        path,
        url: path.replace(/\{[^}]+\}/g, '1'),
        hasBody: Boolean(op.requestBody),
        hasParams: /\{[^}]+\}/.test(path),
      });
    }
  }
  routes = routes.filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs'));
  for (const r of routes) {
    const res = await t.app.inject({ method: r.method as InjectOptions['method'], url: r.url });
    if (res.statusCode !== 401) publicRoutes.add(`${r.method} ${r.path}`);
  }
}, 120_000);
afterAll(async () => t?.close());

/** Ways to write the same path that a router, a proxy or a browser may treat differently. */
function variants(url: string): string[] {
  const [, , first = '', ...rest] = url.split('/');
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const enc = (s: string) => (s ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s);
  return [
    `/%61pi/${first}${tail}`,
    `/api/${enc(first)}${tail}`,
    `//api/${first}${tail}`,
    `/api//${first}${tail}`,
    `/API/${first}${tail}`,
    `/Api/${first}${tail}`,
    `${url}.`,
    `${url}/`,
    `${url};`,
    `/api/x/../${first}${tail}`,
    `/api/./${first}${tail}`,
  ];
}

async function noServerError(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (String(res.headers['content-type'] ?? '').includes('json')) {
    expect(res.headers['cache-control'], `${what} must not be cached`).toBe('no-store');
  }
}

function code(res: LightMyRequestResponse): string | undefined {
  try {
    return (res.json() as { code?: string }).code;
  } catch {
    return undefined;
  }
}

describe('path tricks reach a route only as the canonical path would', () => {
  it('refuses a cookie-authenticated mutation without the CSRF token on every route and every spelling of its path', async () => {
    const before = await t.count('audit_log');
    for (const r of routes.filter((x) => mutating(x) && !publicRoutes.has(`${x.method} ${x.path}`))) {
      for (const url of [r.url, ...variants(r.url)]) {
        const res = await admin.request({ method: r.method as InjectOptions['method'], url, csrf: false, payload: {} });
        await noServerError(res, `${r.method} ${url}`);
        // 404 only as "no such route": a routed request that skipped the checks would answer its handler's 404
        expect(['403 auth/csrf_failed', '404 common/route_not_found', '405 undefined'], `${r.method} ${url}`).toContain(
          `${res.statusCode} ${code(res)}`,
        );
      }
    }
    expect(await t.count('audit_log')).toBe(before);
  }, 300_000);

  it('holds a pending password change on every route and every spelling of its path', async () => {
    for (const r of routes.filter((x) => !mutating(x))) {
      const canonical = await pending.request({ method: 'GET', url: r.url });
      for (const url of variants(r.url)) {
        const res = await pending.request({ method: 'GET', url });
        await noServerError(res, `GET ${url}`);
        const got = `${res.statusCode} ${code(res)}`;
        // a public route has no session to hold: a spelling that makes its parameter invalid (`…/1;`) is a 400
        const publicMisspelt = publicRoutes.has(`${r.method} ${r.path}`) && got === '400 common/validation';
        if (got !== '404 common/route_not_found' && !publicMisspelt) {
          expect(got, `GET ${url} vs canonical`).toBe(`${canonical.statusCode} ${code(canonical)}`);
        }
      }
    }
  }, 300_000);

  it('answers anonymous requests on every spelling as the canonical path does', async () => {
    for (const r of routes) {
      const canonical = await t.app.inject({ method: r.method as InjectOptions['method'], url: r.url });
      for (const url of variants(r.url)) {
        const res = await t.app.inject({ method: r.method as InjectOptions['method'], url });
        await noServerError(res, `${r.method} ${url}`);
        if (canonical.statusCode === 401) {
          expect(['401 auth/unauthenticated', '404 common/route_not_found'], `${r.method} ${url}`).toContain(
            `${res.statusCode} ${code(res)}`,
          );
        }
      }
    }
  }, 300_000);
});

describe('CSRF', () => {
  it('refuses a mutation from a foreign Origin even with the token, on every route', async () => {
    const before = await t.count('audit_log');
    for (const r of routes.filter(mutating)) {
      const res = await admin.request({
        method: r.method as InjectOptions['method'],
        url: r.url,
        headers: { origin: 'https://evil.example' },
        payload: {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(code(res)).toBe('auth/csrf_failed');
    }
    expect(await t.count('audit_log')).toBe(before);
  }, 120_000);

  it('does not let a GET carry a mutation through a method-override header or parameter', async () => {
    const before = await t.count('audit_log');
    for (const r of routes.filter(mutating)) {
      for (const opts of [
        { headers: { 'x-http-method-override': r.method } },
        { headers: { 'x-method-override': r.method } },
        { query: { _method: r.method } },
      ]) {
        const res = await admin.request({ method: 'GET', url: r.url, ...opts });
        await noServerError(res, `override ${r.method} ${r.url}`);
      }
    }
    expect(await t.count('audit_log')).toBe(before);
  }, 120_000);
});

describe('hostile input is refused at the boundary with a stable code', () => {
  const bad: [string, string][] = [
    ['NUL', 'a\u0000b'],
    ['a C0 control', 'a\u0001b'],
    ['escape', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
  ];

  it('refuses forbidden characters in the JSON body of every mutating route (400 common/invalid_characters)', async () => {
    const before = await t.count('audit_log');
    for (const r of routes.filter(mutating)) {
      for (const [what, value] of bad) {
        const res = await admin.request({
          method: r.method as InjectOptions['method'],
          url: r.url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ probe: value, nested: [{ deeper: value }] }),
        });
        expect(`${res.statusCode} ${code(res)}`, `${what} → ${r.method} ${r.url}`).toBe('400 common/invalid_characters');
      }
    }
    expect(await t.count('audit_log')).toBe(before);
  }, 300_000);

  it('refuses forbidden characters in the query of every GET route and in every path parameter', async () => {
    for (const r of routes.filter((x) => !mutating(x))) {
      const res = await admin.request({ method: 'GET', url: `${r.url}?q=a%00b&page=1` });
      expect(`${res.statusCode} ${code(res)}`, `GET ${r.url}?q=NUL`).toBe('400 common/invalid_characters');
    }
    for (const r of routes.filter((x) => x.hasParams)) {
      const url = r.path.replace(/\{[^}]+\}/g, 'x%00');
      const res = await admin.request({ method: r.method as InjectOptions['method'], url, payload: {} });
      expect(`${res.statusCode} ${code(res)}`, `${r.method} ${url}`).toBe('400 common/invalid_characters');
    }
  }, 300_000);

  it('refuses the NUL in a sign-in name rather than failing in the database', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    expect(`${res.statusCode} ${code(res)}`).toBe('400 common/invalid_characters');
  });

  it('refuses bodies nested too deeply, too large, or of another content type on every route that takes JSON', async () => {
    const before = await t.count('audit_log');
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const big = JSON.stringify({ probe: 'x'.repeat(1_100_000) });
    for (const r of routes.filter((x) => x.hasBody)) {
      const m = r.method as InjectOptions['method'];
      const json = { 'content-type': 'application/json' };
      const d = await admin.request({ method: m, url: r.url, headers: json, payload: deep });
      expect(`${d.statusCode} ${code(d)}`, `deep → ${r.method} ${r.url}`).toBe('400 common/too_deeply_nested');
      const b = await admin.request({ method: m, url: r.url, headers: json, payload: big });
      // refused by the body limit, or by the route's own larger limit and then its contract
      expect(['413 common/payload_too_large', '400 common/validation'], `big → ${r.method} ${r.url}`).toContain(
        `${b.statusCode} ${code(b)}`,
      );
      for (const type of [
        'application/x-www-form-urlencoded',
        'text/xml',
        'application/xml',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
      ]) {
        const res = await admin.request({ method: m, url: r.url, headers: { 'content-type': type }, payload: 'name=x&kind=y' });
        expect(`${res.statusCode} ${code(res)}`, `${type} → ${r.method} ${r.url}`).toBe('415 common/unsupported_media_type');
      }
    }
    expect(await t.count('audit_log')).toBe(before);
  }, 300_000);
});

describe('forged proxy headers', () => {
  it('believes only the configured proxy hop: rotating X-Forwarded-For neither evades the back-off nor reaches the log', async () => {
    const app = await buildApp({ database: t.database, webDir: null, trustProxy: 1 });
    await app.ready();
    try {
      const attempt = (i: number, password = `wrong-${i}-pass`) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${i % 250}, 10.77.0.9` },
          payload: { username: `ghost-${i}`, password },
        });
      for (let i = 0; i < authPolicy.sourceFreeFailures; i++) expect((await attempt(i)).statusCode).toBe(401);
      const next = await attempt(999);
      expect(next.statusCode).toBe(429);
      const ips = await t.database.db.selectFrom('login_attempt').select('ip').where('username', 'like', 'ghost-%').distinct().execute();
      expect(ips.map((r) => r.ip)).toEqual(['10.77.0.9']);
    } finally {
      await app.close();
    }
  });

  it('marks cookies Secure and sends HSTS only when the request came over TLS through the trusted proxy', async () => {
    const app = await buildApp({ database: t.database, webDir: null, trustProxy: ['127.0.0.1'] });
    await app.ready();
    try {
      const signIn = (a: typeof app, proto: string) =>
        a.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-proto': proto, 'x-forwarded-for': '10.88.0.1' },
          payload: { username: 'planner', password: demoPassword },
        });
      const tls = await signIn(app, 'https');
      expect(tls.statusCode).toBe(200);
      expect(tls.cookies.find((c) => c.name === authPolicy.sessionCookie)?.secure).toBe(true);
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const plain = await signIn(app, 'http');
      expect(plain.cookies.find((c) => c.name === authPolicy.sessionCookie)?.secure).toBeFalsy();
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      // without a trusted proxy a forged x-forwarded-proto changes nothing
      const forged = await signIn(t.app, 'https');
      expect(forged.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('checks Origin against the host the browser addressed, believing X-Forwarded-Host only from the trusted proxy', async () => {
    const app = await buildApp({ database: t.database, webDir: null, trustProxy: ['127.0.0.1'] });
    await app.ready();
    try {
      const signIn = (a: typeof app, headers: Record<string, string>) =>
        a.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '127.0.0.1',
          headers,
          payload: { username: 'planner', password: demoPassword },
        });
      const proxied = {
        host: '127.0.0.1:8080',
        origin: 'https://kc.example.gov.cn',
        'x-forwarded-host': 'kc.example.gov.cn',
        'x-forwarded-proto': 'https',
      };
      expect((await signIn(app, proxied)).statusCode).toBe(200);
      // a direct client cannot make a foreign origin look like ours by sending the header itself
      const direct = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.90.0.1',
        headers: { host: '127.0.0.1:8080', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
        payload: { username: 'planner', password: demoPassword },
      });
      expect(`${direct.statusCode} ${code(direct)}`).toBe('403 auth/csrf_failed');
    } finally {
      await app.close();
    }
  });

  it('ignores X-Forwarded-For when no proxy is configured', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.66.0.1',
      headers: { 'x-forwarded-for': '192.0.2.44' },
      payload: { username: 'forged-xff', password: 'wrong-pass-1' },
    });
    expect(res.statusCode).toBe(401);
    const row = await t.database.db.selectFrom('login_attempt').select('ip').where('username', '=', 'forged-xff').executeTakeFirstOrThrow();
    expect(row.ip).toBe('10.66.0.1');
  });
});

describe('sign-in throttle', () => {
  it('cannot tell a real username from an unknown one, and never locks the owner out', async () => {
    const statuses = async (username: string, base: string) => {
      const out: string[] = [];
      // more attempts than any free allowance, from changing addresses
      for (let i = 0; i < 8; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: `${base}.${i}`,
          payload: { username, password: 'bad-password-1' },
        });
        out.push(`${res.statusCode} ${code(res)}`);
      }
      return out;
    };
    const real = await statuses('enterprise', '10.55.1');
    const ghost = await statuses('enterprise-who', '10.55.2');
    expect(ghost).toEqual(real);
    expect(real.filter((x) => x.startsWith('423'))).toEqual([]);
    expect(real.at(-1)).toBe('429 auth/too_many_attempts');
    // the owner, from the browser they used before, signs in at once
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.55.3.1',
      payload: { username: 'expert', password: demoPassword },
    });
    const device = first.cookies.find((c) => c.name === authPolicy.deviceCookie)?.value ?? '';
    for (let i = 0; i <= authPolicy.accountFreeFailures; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `10.55.4.${i}`,
        payload: { username: 'expert', password: 'bad-password-1' },
      });
    }
    const owner = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.55.3.1',
      cookies: { [authPolicy.deviceCookie]: device },
      payload: { username: 'expert', password: demoPassword },
    });
    expect(owner.statusCode).toBe(200);
  });
});
