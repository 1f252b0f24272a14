/** Scoring shared by the golden tests and bench/extract.ts. */
import type { TPlanDraft, TSection } from '../src/draft.ts';

export type GoldSection = { number: string; title: string; start: number; children: GoldSection[] };
export type GoldTarget = {
  quote: string;
  start: number;
  end: number;
  value: number;
  unit: string;
  kind: string;
  qualifier: string | null;
  comparator: string | null;
  /** Indicator catalog code, when the key names one. */
  code?: string | null;
};
export type Golden = {
  file: string;
  title: string;
  docNumber: string | null;
  region: { name: string; code: string | null; level: string | null } | null;
  year: number | null;
  kind: string;
  taskCount: number;
  sections: GoldSection[];
  targets: GoldTarget[];
};

export type TargetScore = { gold: number; predicted: number; matched: number; precision: number; recall: number; f1: number };

/**
 * A predicted target matches a gold one when value and unit agree and the spans overlap (each used once); with
 * `kind`, the kinds must agree too.
 */
export function scoreTargets(
  gold: GoldTarget[],
  predicted: TPlanDraft['targets'],
  options: { kind?: boolean } = {},
): TargetScore & { missed: GoldTarget[]; extra: TPlanDraft['targets'] } {
  const used = new Set<number>();
  const missed: GoldTarget[] = [];
  const kindAgrees = (p: TPlanDraft['targets'][number], g: GoldTarget) => !options.kind || p.kind === g.kind;
  for (const g of gold) {
    const i = predicted.findIndex(
      (p, k) => !used.has(k) && p.value === g.value && p.unit === g.unit && kindAgrees(p, g) && p.start < g.end && g.start < p.end,
    );
    if (i >= 0) used.add(i);
    else missed.push(g);
  }
  const matched = used.size;
  const precision = predicted.length ? matched / predicted.length : gold.length ? 0 : 1;
  const recall = gold.length ? matched / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const extra = predicted.filter((_, k) => !used.has(k));
  return { gold: gold.length, predicted: predicted.length, matched, precision, recall, f1, missed, extra };
}

function keys(nodes: (GoldSection | TSection)[], path: string, out: string[]): string[] {
  for (const n of nodes) {
    const key = `${path}/${n.number}|${n.title}`;
    out.push(key);
    keys(n.children, `${path}/${n.number}`, out);
  }
  return out;
}

/** Share of section nodes that agree in number, title and place in the tree; extra nodes count against it. */
export function scoreSections(
  gold: GoldSection[],
  predicted: TSection[],
): { gold: number; predicted: number; matched: number; accuracy: number; diff: string[] } {
  const g = keys(gold, '', []);
  const p = keys(predicted, '', []);
  const ps = new Set(p);
  const gs = new Set(g);
  const matched = g.filter((k) => ps.has(k)).length;
  const denom = Math.max(g.length, p.length);
  const diff = [...g.filter((k) => !ps.has(k)).map((k) => `- ${k}`), ...p.filter((k) => !gs.has(k)).map((k) => `+ ${k}`)];
  return { gold: g.length, predicted: p.length, matched, accuracy: denom ? matched / denom : 1, diff };
}
