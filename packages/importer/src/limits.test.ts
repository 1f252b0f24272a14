import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.ts';

// Inputs that are not plans must not make the extractor slow: every look-back is bounded and the counts are capped.
describe('extractPlan on hostile text stays fast', () => {
  it.each([
    ['numbers with units and no punctuation', '甲乙12家'.repeat(250_000)],
    ['commitments with no punctuation', '新增12家'.repeat(250_000)],
    ['one very long line of digits', '1234567 '.repeat(250_000)],
    ['a quarter of a million headings', '1.甲\n2.乙\n'.repeat(125_000)],
  ])('%s (2 MB)', (_what, text) => {
    const t0 = performance.now();
    const draft = extractPlan(text);
    expect(draft.targets.length).toBeLessThanOrEqual(5_000);
    // a guard against runaway (super-linear) matching, not a speed measure: linear work on 2 MB takes a few
    // seconds even on a loaded machine, a runaway one takes minutes
    expect(performance.now() - t0).toBeLessThan(60_000);
  });
});
