import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoReview } from '../../../packages/core/src/demo/demo-review.ts';
import { addExpert, callUnderReview } from './review-fixture.ts';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the review demo', () => {
  it('does nothing without applications under review', async () => {
    expect(await loadDemoReview(t.ctx(), 2031)).toEqual({ panels: 0 });
  });

  it('draws, opens and scores every seat of the call’s applications under review, the secretary entering the sheets', async () => {
    const planner = await t.login('planner');
    const { callId, apps } = await callUnderReview(t, planner, 2, { year: 2026 });
    for (let i = 0; i < 12; i++) await addExpert(t, { employer: { name: `演示专家单位${i % 6}` } });
    const out = await loadDemoReview(t.ctx(), 2026);
    expect(out).toEqual({ panels: 2 });
    const ranking = await planner.request({ method: 'GET', url: `/api/review/ranking?batchId=${callId}` });
    const rows = (ranking.json() as { rows: Array<{ subjectId: number; n: number; dispersed: boolean }> }).rows;
    expect(rows.map((r) => r.subjectId).sort()).toEqual(apps.map((a) => a.id).sort());
    expect(rows.every((r) => r.n === 5)).toBe(true);
    expect(rows.some((r) => r.dispersed)).toBe(true);
  });
});
