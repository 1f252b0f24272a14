import type { TDraftTargetKind, TPlanTargetInput } from '@kechuang/contracts';

/** Highlight colours in the original text: one family per target kind, baselines grey-violet. */
export const markColors = {
  level: { bg: '#e6f0ff', line: '#3370ff', tag: 'blue' },
  increment: { bg: '#e3f7ec', line: '#2ea121', tag: 'green' },
  growth: { bg: '#fff1e0', line: '#f77b00', tag: 'orange' },
  share: { bg: '#f3ebff', line: '#7f3bf5', tag: 'purple' },
  rank: { bg: '#e0f7f7', line: '#0fa3a3', tag: 'cyan' },
  actual: { bg: '#fff8d6', line: '#c99400', tag: 'gold' },
  baseline: { bg: '#eef0f3', line: '#8f959e', tag: 'default' },
} as const satisfies Record<TDraftTargetKind | 'baseline', { bg: string; line: string; tag: string }>;

export function toneOf(t: Pick<TPlanTargetInput, 'kind' | 'baseline'>): keyof typeof markColors {
  return t.baseline ? 'baseline' : t.kind;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** "35 亿元", "8–10 家", "2.9%". */
export function formatValue(t: Pick<TPlanTargetInput, 'value' | 'valueMax' | 'unit'>): string {
  const v = numberFormat.format(t.value);
  const range = t.valueMax !== null && t.valueMax !== undefined ? `${v}–${numberFormat.format(t.valueMax)}` : v;
  if (!t.unit) return range;
  return t.unit === '%' ? `${range}%` : `${range} ${t.unit}`;
}

export function formatNormalized(t: Pick<TPlanTargetInput, 'normalizedValue' | 'normalizedUnit'>): string {
  const v = numberFormat.format(t.normalizedValue);
  if (!t.normalizedUnit) return v;
  return t.normalizedUnit === '%' ? `${v}%` : `${v} ${t.normalizedUnit}`;
}

/** "长政办发〔2021〕11号 · 2021 年" style metadata pieces, blanks left out. */
export function joinPieces(pieces: (string | null | undefined)[]): string {
  return pieces.filter((p): p is string => Boolean(p?.trim())).join(' · ');
}

/** Brings `el` into its scrolling `pane` (middle, or top for `start`) without scrolling the page itself. */
export function scrollWithin(pane: HTMLElement, el: Pick<Element, 'getBoundingClientRect'>, align: 'center' | 'start' = 'center'): void {
  const p = pane.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (align === 'center' && r.top >= p.top && r.bottom <= p.bottom) return;
  const offset = align === 'start' ? r.top - p.top - 12 : r.top - p.top - p.height / 2 + r.height / 2;
  pane.scrollBy({ top: offset, behavior: 'smooth' });
}
