import { describe, expect, it } from 'vitest';
import { loadCorpus, readFloor, scoreCorpus } from '../test/corpus.ts';

describe('the importer corpus', () => {
  it('holds at least 20 plans and summaries with their keys', () => {
    const docs = loadCorpus();
    expect(docs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(docs.map((d) => d.spec.kind))).toEqual(new Set(['plan', 'summary']));
  });

  it('scores no lower than the committed floor', async () => {
    const { total } = await scoreCorpus();
    const floor = readFloor();
    expect(total.f1).toBeGreaterThanOrEqual(floor.targetsF1);
    expect(total.sections).toBeGreaterThanOrEqual(floor.sections);
  });
});
