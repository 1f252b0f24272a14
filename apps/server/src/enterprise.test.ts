import { goodInput } from '@kechuang/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let enterprise: Client;
beforeAll(async () => {
  t = await createTestApp();
  enterprise = await t.login('enterprise');
});
afterAll(async () => t?.close());

describe('enterprise pre-assessment API', () => {
  it('assesses posted figures against the packs in force, and stores nothing', async () => {
    const before = await t.count('audit_log');
    const res = await enterprise.request({
      method: 'POST',
      url: '/api/enterprise/assess',
      payload: { input: goodInput(), at: '2026-06-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.at).toBe('2026-06-01');
    expect(body.assessments.map((a: { packId: string }) => a.packId).sort()).toEqual(['hnte-2016', 'tech-sme-2022']);
    for (const a of body.assessments) expect(a.conditions.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('认定通过');
    expect(await t.count('audit_log')).toBe(before);
  });

  it('refuses malformed figures with field paths', async () => {
    const res = await enterprise.request({
      method: 'POST',
      url: '/api/enterprise/assess',
      payload: { input: { ...goodInput(), years: 'many' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('input');
  });

  it('lists the rule packs with their validity', async () => {
    const packs = (await enterprise.request({ method: 'GET', url: '/api/enterprise/rule-packs' })).json();
    expect(packs.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['hnte-2016', 'tech-sme-2017', 'tech-sme-2022']));
  });
});
