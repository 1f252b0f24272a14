import { describe, expect, it } from 'vitest';
import { scoreSections, scoreTargets } from '../test/score.ts';
import { loadUnseen, locate, specSections, specTargets } from '../test/unseen.ts';
import { extractPlan } from './extract-plan.ts';
import { readDocument } from './read-document.ts';
import { createRegionResolver } from './region-resolver.ts';

const resolveRegion = createRegionResolver();

describe('plans the extractor was not developed on', () => {
  for (const { name, bytes, spec } of loadUnseen()) {
    describe(name, async () => {
      const text = await readDocument(bytes, name);
      const draft = extractPlan(text, { resolveRegion });
      const overlapping = (g: { start: number; end: number; value: number; unit: string }) =>
        draft.targets.find((t) => t.value === g.value && t.unit === g.unit && t.start < g.end && g.start < t.end);

      it('reads the metadata', () => {
        expect({ title: draft.title, docNumber: draft.docNumber, year: draft.year, kind: draft.kind }).toEqual({
          title: spec.title,
          docNumber: spec.docNumber,
          year: spec.year,
          kind: spec.kind,
        });
        if (spec.region) expect(draft.region).toEqual(spec.region);
      });

      it('builds the section tree', () => {
        const s = scoreSections(specSections(spec.sections), draft.sections);
        expect(s.diff).toEqual([]);
        expect(s.accuracy).toBeGreaterThanOrEqual(0.95);
      });

      it('finds every target and nothing else', () => {
        const s = scoreTargets(specTargets(text, spec), draft.targets);
        expect({ missed: s.missed.map((m) => m.quote), extra: s.extra.map((e) => e.quote) }).toEqual({ missed: [], extra: [] });
        expect(s.f1).toBeGreaterThanOrEqual(0.95);
      });

      it('reads kind, qualifier, range, year and normalised value', () => {
        for (const g of locate(text, spec.targets)) {
          const p = overlapping(g);
          expect(p, g.quote).toBeDefined();
          if (!p) continue;
          expect(p.kind, g.quote).toBe(g.kind ?? p.kind);
          expect(p.qualifier, g.quote).toBe(g.qualifier ?? null);
          expect(p.valueMax, g.quote).toBe(g.valueMax ?? null);
          if (g.targetYear) expect(p.targetYear, g.quote).toBe(g.targetYear);
          if (g.normalized) expect(p.normalized, g.quote).toEqual(g.normalized);
        }
      });

      it('reports baselines separately', () => {
        const located = locate(text, spec.baselines);
        expect(draft.baselines.map((b) => [b.value, b.unit])).toEqual(located.map((b) => [b.value, b.unit]));
        for (const b of located) expect(draft.targets.some((t) => t.start < b.end && b.start < t.end && t.value === b.value)).toBe(false);
      });

      it.skipIf(!spec.tasks)('names the responsible units', () => {
        for (const t of spec.tasks ?? []) {
          const p = draft.tasks.find((d) => d.number === t.number);
          expect(p && { leadUnits: p.leadUnits, coUnits: p.coUnits }, t.number).toEqual({ leadUnits: t.leadUnits, coUnits: t.coUnits });
        }
      });
    });
  }
});
