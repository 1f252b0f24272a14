import type { TConditionResult, TConditionStatus } from './contract-types.ts';

export interface ConditionSpec {
  id: string;
  label: string;
  clause: string;
  threshold: string;
  status: TConditionStatus;
  figures?: Record<string, string>;
  hint?: string;
  needsReview?: boolean;
}

const noFigures: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Builds a condition result; every result has the same shape (hint may be undefined, dropped in JSON). */
export function condition(spec: ConditionSpec): TConditionResult {
  return {
    id: spec.id,
    label: spec.label,
    status: spec.status,
    figures: spec.figures ?? noFigures,
    threshold: spec.threshold,
    clause: spec.clause,
    hint: spec.hint,
    needsReview: spec.needsReview ?? false,
  };
}

/** The hint for a condition whose inputs are missing. */
export function missingHint(fields: readonly string[]): string {
  return `请补充：${fields.join('、')}`;
}
