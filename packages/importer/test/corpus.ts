/**
 * The project's own corpus of plans and year-end summaries (test/corpus/*.txt) with hand-made answer keys
 * (*.json): cities and counties of several provinces, 2019–2025, plans and summaries, varied numbering and layouts.
 * See test/corpus/README.md for how the keys were written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPlan } from '../src/extract-plan.ts';
import { readDocument } from '../src/read-document.ts';
import { createRegionResolver } from '../src/region-resolver.ts';
import { type GoldSection, type GoldTarget, scoreSections, scoreTargets } from './score.ts';
import { specSections } from './unseen.ts';

type SpecSection = [string, string, SpecSection[]?];
/** [quote, value, unit, kind]: the quote as the document writes it (spaces and line breaks inside it do not matter). */
export type CorpusTarget = [string, number, string, string];
export type CorpusSpec = {
  title: string;
  year: number;
  kind: 'plan' | 'summary';
  notes?: string;
  sections: SpecSection[];
  targets: CorpusTarget[];
};

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const floorFile = join(corpusDir, 'floor.json');

export function loadCorpus(): { name: string; bytes: Buffer; spec: CorpusSpec }[] {
  return readdirSync(corpusDir)
    .filter((f) => /\.(?:txt|html)$/.test(f))
    .sort()
    .map((name) => ({
      name,
      bytes: readFileSync(join(corpusDir, name)),
      spec: JSON.parse(readFileSync(join(corpusDir, name.replace(/\.[a-z]+$/, '.json')), 'utf8')) as CorpusSpec,
    }));
}

/** A quote as a pattern that lets whitespace (a thousands space, a hard line break) fall anywhere inside it. */
function loosePattern(quote: string): RegExp {
  const chars = [...quote.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(chars.join('\\s*'), 'g');
}

/** Places each key target in the text, in text order; throws when a quote is not there (a broken key). */
export function corpusTargets(text: string, spec: CorpusSpec): GoldTarget[] {
  let from = 0;
  return spec.targets.map(([quote, value, unit, kind]) => {
    const re = loosePattern(quote);
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) throw new Error(`quote not in text: ${quote}`);
    from = m.index + 1;
    return { quote, start: m.index, end: m.index + m[0].length, value, unit, kind, qualifier: null, comparator: null };
  });
}

export type CorpusRow = {
  name: string;
  kind: string;
  targets: ReturnType<typeof scoreTargets>;
  sections: ReturnType<typeof scoreSections>;
};

export type CorpusTotal = {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  sections: number;
};

const resolveRegion = createRegionResolver();

/** Scores every corpus document: a target counts when value, unit and kind agree and the spans overlap. */
export async function scoreCorpus(): Promise<{ rows: CorpusRow[]; total: CorpusTotal }> {
  const rows: CorpusRow[] = [];
  for (const { name, bytes, spec } of loadCorpus()) {
    const text = await readDocument(bytes, name);
    const draft = extractPlan(text, { resolveRegion });
    const gold: GoldSection[] = specSections(spec.sections);
    rows.push({
      name,
      kind: spec.kind,
      targets: scoreTargets(corpusTargets(text, spec), draft.targets, { kind: true }),
      sections: scoreSections(gold, draft.sections),
    });
  }
  const sum = (f: (r: CorpusRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const gold = sum((r) => r.targets.gold);
  const predicted = sum((r) => r.targets.predicted);
  const matched = sum((r) => r.targets.matched);
  const precision = predicted ? matched / predicted : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const secDenom = sum((r) => Math.max(r.sections.gold, r.sections.predicted));
  const sections = secDenom ? sum((r) => r.sections.matched) / secDenom : 0;
  return { rows, total: { gold, predicted, matched, precision, recall, f1, sections } };
}

/** The committed floor: the corpus totals may rise, never fall below it. */
export function readFloor(): { targetsF1: number; sections: number } {
  return JSON.parse(readFileSync(floorFile, 'utf8')) as { targetsF1: number; sections: number };
}
