import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit } from './app.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

async function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string; title: string } },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
  expect(res.json().title).toMatch(/[\u4e00-\u9fff]/);
}

describe('bad input gets a problem+json and writes nothing', () => {
  const cases: Array<
    [
      string,
      () => Promise<{ statusCode: number; headers: Record<string, unknown>; json(): { code: string; title: string } }>,
      number,
      string,
    ]
  > = [
    [
      'malformed JSON',
      () => admin.request({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'application/json' }, payload: '{"name": "x",' }),
      400,
      'common/malformed_json',
    ],
    [
      'wrong types',
      () => admin.request({ method: 'POST', url: '/api/orgs', payload: { name: 42, kind: 'bureau', regionCode: 430400 } }),
      400,
      'common/validation',
    ],
    [
      'unknown fields',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/orgs',
          payload: { name: '多字段单位', kind: 'bureau', regionCode: '430400', isAdmin: true },
        }),
      400,
      'common/validation',
    ],
    [
      'an unknown enum value',
      () => admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '某单位', kind: 'company', regionCode: '430400' } }),
      400,
      'common/validation',
    ],
    [
      'a bad credit code',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/orgs',
          payload: { name: '某企业', kind: 'enterprise', regionCode: '430400', uscc: '91430408MA4L16XK38' },
        }),
      400,
      'common/validation',
    ],
    [
      'an unknown region',
      () => admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '某单位', kind: 'bureau', regionCode: '430499' } }),
      404,
      'region/not_found',
    ],
    [
      'an oversize body',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/orgs',
          payload: { name: 'x'.repeat(bodyLimit + 10), kind: 'bureau', regionCode: '430400' },
        }),
      413,
      'common/payload_too_large',
    ],
    [
      'a wrong content type',
      () => admin.request({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'text/plain' }, payload: 'name=x' }),
      415,
      'common/unsupported_media_type',
    ],
    [
      'an unknown org id',
      () =>
        admin.request({
          method: 'PUT',
          url: '/api/orgs/999999',
          payload: { name: '某单位', kind: 'bureau', regionCode: '430400', version: 1 },
        }),
      404,
      'org/not_found',
    ],
    ['an id that is not a number', () => admin.request({ method: 'GET', url: '/api/orgs/abc' }), 400, 'common/validation'],
    ['an unknown user id', () => admin.request({ method: 'POST', url: '/api/users/999999/reset-password' }), 404, 'user/not_found'],
    ['an unknown query parameter', () => admin.request({ method: 'GET', url: '/api/orgs?drop=1' }), 400, 'common/validation'],
    ['a page size out of range', () => admin.request({ method: 'GET', url: '/api/orgs?pageSize=100000' }), 400, 'common/validation'],
    ['an unknown route', () => admin.request({ method: 'GET', url: '/api/nope' }), 404, 'common/route_not_found'],
    [
      'a stale version (concurrent edit)',
      async () => {
        const o = (
          await admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '并发单位', kind: 'department', regionCode: '430400' } })
        ).json();
        await admin.request({
          method: 'PUT',
          url: `/api/orgs/${o.id}`,
          payload: { name: '并发单位A', kind: 'department', regionCode: '430400', version: o.version },
        });
        return admin.request({
          method: 'PUT',
          url: `/api/orgs/${o.id}`,
          payload: { name: '并发单位B', kind: 'department', regionCode: '430400', version: o.version },
        });
      },
      409,
      'common/conflict',
    ],
  ];
  for (const [name, send, status, code] of cases) {
    it(`refuses ${name}`, async () => {
      const before = { orgs: await t.count('organization'), users: await t.count('app_user') };
      const audits = await t.count('audit_log');
      const res = await send();
      await expectProblem(res, status, code);
      if (name.startsWith('a stale')) return; // its setup wrote on purpose
      expect({ orgs: await t.count('organization'), users: await t.count('app_user') }).toEqual(before);
      expect(await t.count('audit_log')).toBe(audits);
    });
  }

  it('sets the page security headers on the web app and the API reference', async () => {
    for (const url of ['/', '/api/docs/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sets API security headers on every API response, errors included', async () => {
    for (const url of ['/api/health', '/api/orgs/abc', '/api/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBeDefined();
    }
  });
});
