import { platformGradeTiers, type TEvaluationScheme, type TPlatformGrade, type TPlatformType } from '@kechuang/contracts';
import { evaluate } from '../indicator/evaluation/index.ts';

/*
 * 绩效评价 of the platforms of one type for one year, on the indicator module's evaluation engine: the type's
 * indicators with their weights, each normalised against its standard value (x / standard × 100, capped at
 * 100), a missing figure counting 0, weighted arithmetic mean; the grade is the engine's tier by fixed
 * threshold: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below. A platform that did not submit its yearly report is
 * 不合格. Consequence: a second 不合格 in a row (the previous year's confirmed grade) → 摘牌.
 */

export function platformScheme(type: TPlatformType): TEvaluationScheme {
  return {
    groups: [
      {
        kind: 'group',
        key: 'performance',
        name: `${type.name}绩效`,
        weight: 1,
        children: type.evaluation.map((e) => ({
          kind: 'indicator' as const,
          code: e.field,
          name: type.fields.find((f) => f.key === e.field)?.label,
          weight: e.weight,
          polarity: 'positive' as const,
          normalisation: { method: 'standard' as const, standard: e.standard, cap: 100 },
        })),
      },
    ],
    aggregation: 'arithmetic',
    missing: 'zero',
    tiers: platformGradeTiers.map((t) => ({ name: t.name, minScore: t.minScore })),
  };
}

export interface GradeInput {
  platformId: number;
  name: string;
  /** the submitted report's figures, or null when none was submitted */
  data: Record<string, number> | null;
}

export interface GradeOutcome {
  platformId: number;
  score: number;
  grade: TPlatformGrade;
  reported: boolean;
  consequence: 'delist' | null;
}

export function gradePlatforms(type: TPlatformType, rows: GradeInput[], failedLastYear: ReadonlySet<number>): GradeOutcome[] {
  if (rows.length === 0) return [];
  const values: Record<string, Record<string, number | null>> = {};
  for (const r of rows) values[String(r.platformId)] = r.data ?? {};
  const result = evaluate(platformScheme(type), { regions: rows.map((r) => ({ code: String(r.platformId), name: r.name })), values });
  const byCode = new Map(result.results.map((r) => [r.code, r]));
  return rows.map((r) => {
    const res = byCode.get(String(r.platformId));
    const reported = r.data !== null;
    const score = reported ? Math.round((res?.score ?? 0) * 100) / 100 : 0;
    const grade = (reported ? (res?.tier ?? '不合格') : '不合格') as TPlatformGrade;
    const consequence = grade === '不合格' && failedLastYear.has(r.platformId) ? 'delist' : null;
    return { platformId: r.platformId, score, grade, reported, consequence };
  });
}
