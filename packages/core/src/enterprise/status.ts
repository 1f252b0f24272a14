import type { TConditionStatus } from './contract-types.ts';

/** A fact about one item: established, excluded, or not known. */
export type Tri = 'yes' | 'no' | 'maybe';

/** `true` → yes, `false` → no, absent → maybe; `invert` when `true` is the disqualifying answer. */
export function tri(value: boolean | undefined, invert = false): Tri {
  if (value === undefined) return 'maybe';
  return value !== invert ? 'yes' : 'no';
}

export function allOf(...facts: Tri[]): Tri {
  if (facts.includes('no')) return 'no';
  return facts.includes('maybe') ? 'maybe' : 'yes';
}

/** All conditions must hold: one unmet decides, otherwise one unknown leaves it open. */
export function combineStatus(statuses: readonly TConditionStatus[]): TConditionStatus {
  if (statuses.includes('unmet')) return 'unmet';
  return statuses.includes('unknown') ? 'unknown' : 'met';
}

export function statusOf(fact: Tri): TConditionStatus {
  return fact === 'yes' ? 'met' : fact === 'no' ? 'unmet' : 'unknown';
}

/** A [min, max] score range. */
export interface Range {
  min: number;
  max: number;
}
