import { describe, expect, it } from 'vitest';
import { loadGoldens, seedsDir } from '../test/fixtures.ts';
import { scoreSections, scoreTargets } from '../test/score.ts';
import { extractPlan } from './extract-plan.ts';
import { readDocument } from './read-document.ts';
import { createRegionResolver } from './region-resolver.ts';

const seeds = loadGoldens();
const resolveRegion = createRegionResolver();

// The seeds live beside the repository, not in it: without them this suite is skipped and says why (under CI=true
// loadGoldens throws instead, so CI cannot pass without them). The corpus tests (corpus.test.ts) always run.
const title = seeds.length
  ? `golden seeds (${seedsDir})`
  : `golden seeds — SKIPPED: seed plans not found at ${seedsDir} (set KECHUANG_SEEDS to run them)`;

describe.skipIf(seeds.length === 0)(title, () => {
  it('has an answer key for each of the five seed plans', () => {
    expect(seeds.map((s) => s.name)).toHaveLength(5);
  });

  for (const { golden, bytes, name } of seeds) {
    describe(name, async () => {
      const text = await readDocument(bytes, name);
      const draft = extractPlan(text, { resolveRegion });

      it('keeps the answer key anchored to the extracted text', () => {
        for (const t of golden.targets) expect(text.slice(t.start, t.end)).toBe(t.quote);
      });

      it('reads the metadata', () => {
        expect({ title: draft.title, docNumber: draft.docNumber, region: draft.region, year: draft.year, kind: draft.kind }).toEqual({
          title: golden.title,
          docNumber: golden.docNumber,
          region: golden.region,
          year: golden.year,
          kind: golden.kind,
        });
        expect(draft.tasks).toHaveLength(golden.taskCount);
      });

      it('finds the targets with F1 >= 0.95', () => {
        const s = scoreTargets(golden.targets, draft.targets);
        expect({ missed: s.missed.map((m) => m.quote), extra: s.extra.map((e) => e.quote) }).toEqual({ missed: [], extra: [] });
        expect(s.f1).toBeGreaterThanOrEqual(0.95);
      });

      it('builds the section tree with accuracy >= 0.95', () => {
        const s = scoreSections(golden.sections, draft.sections);
        expect(s.diff).toEqual([]);
        expect(s.accuracy).toBeGreaterThanOrEqual(0.95);
      });

      it('reads kind, qualifier, comparator and indicator code as the key says', () => {
        for (const g of golden.targets) {
          const p = draft.targets.find((t) => t.value === g.value && t.unit === g.unit && t.start < g.end && g.start < t.end);
          expect(p && { kind: p.kind, qualifier: p.qualifier, comparator: p.comparator, code: p.indicator.code }, g.quote).toEqual({
            kind: g.kind,
            qualifier: g.qualifier,
            comparator: g.comparator,
            code: g.code ?? null,
          });
        }
      });
    });
  }
});
