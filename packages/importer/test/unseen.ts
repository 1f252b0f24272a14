/** Plans the extractor was not developed on, with hand-written expectations (see test/unseen/*.json). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldSection, GoldTarget } from './score.ts';

type SpecSection = [string, string, SpecSection[]?];
export type SpecTarget = {
  quote: string;
  value: number;
  unit: string;
  valueMax?: number;
  kind?: string;
  qualifier?: string;
  targetYear?: number;
  normalized?: { value: number; unit: string };
};
export type UnseenSpec = {
  title: string;
  docNumber: string | null;
  region?: { name: string; code: string | null; level: string | null };
  year: number | null;
  kind: string;
  sections: SpecSection[];
  targets: SpecTarget[];
  baselines: { quote: string; value: number; unit: string }[];
  tasks?: { number: string; leadUnits: string[]; coUnits: string[] }[];
};

const dir = join(dirname(fileURLToPath(import.meta.url)), 'unseen');

export function loadUnseen(): { name: string; bytes: Buffer; spec: UnseenSpec }[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .sort()
    .map((name) => ({
      name,
      bytes: readFileSync(join(dir, name)),
      spec: JSON.parse(readFileSync(join(dir, name.replace(/\.[a-z]+$/, '.json')), 'utf8')) as UnseenSpec,
    }));
}

export function specSections(s: SpecSection[]): GoldSection[] {
  return s.map(([number, title, children]) => ({ number, title, start: 0, children: specSections(children ?? []) }));
}

/** Places each quote in the text, searching onwards from the previous one (a key lists targets in text order). */
export function locate<T extends { quote: string }>(text: string, items: T[]): (T & { start: number; end: number })[] {
  let from = 0;
  return items.map((t) => {
    const start = text.indexOf(t.quote, from);
    if (start < 0) throw new Error(`quote not in text: ${t.quote}`);
    from = start + 1;
    return { ...t, start, end: start + t.quote.length };
  });
}

export function specTargets(text: string, spec: UnseenSpec): GoldTarget[] {
  return locate(text, spec.targets).map((t) => ({
    quote: t.quote,
    start: t.start,
    end: t.end,
    value: t.value,
    unit: t.unit,
    kind: t.kind ?? 'level',
    qualifier: t.qualifier ?? null,
    comparator: null,
  }));
}
