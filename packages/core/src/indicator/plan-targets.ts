import type { TPlanTargetComparison } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { requireIndicatorReader } from './indicator.policy.ts';

/**
 * The targets different plans set for the same indicator, side by side (e.g. 研发投入强度: 长沙 2.9%,
 * 益阳 2.5%, 衡阳 2.2%, 咸宁 1.3%). Shown: every plan in the reader's subtree (drafts included), and
 * published plans of any region — a published 工作要点 is a public document, and peers' targets are the
 * point of this view. Unpublished plans of other regions stay hidden.
 */
export async function planTargetsFor(ctx: Ctx, q: { indicator: string }): Promise<TPlanTargetComparison> {
  const actor = requireIndicatorReader(ctx);
  const rows = await ctx.db
    .selectFrom('plan_target as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .select([
      'p.id as plan_id',
      'p.title',
      'p.year',
      'p.status',
      'p.region_code',
      'r.name as region_name',
      't.target_year',
      't.value',
      't.value_max',
      't.unit',
      't.normalized_value',
      't.normalized_unit',
      't.comparator',
      't.qualifier',
      't.kind',
      't.baseline',
      't.quote',
    ])
    .where('t.indicator_code', '=', q.indicator)
    .where((eb) =>
      eb.or([
        eb('p.region_code', 'like', subtreePattern(actor.regionCode)),
        eb('p.status', '=', 'published'),
        eb('p.published_at', 'is not', null),
      ]),
    )
    .orderBy('p.year', 'desc')
    .orderBy('t.normalized_value', 'desc')
    .orderBy('t.id')
    .limit(500)
    .execute();
  return {
    indicatorCode: q.indicator,
    items: rows.map((r) => ({
      planId: r.plan_id,
      planTitle: r.title,
      planYear: r.year,
      planStatus: r.status,
      regionCode: r.region_code,
      regionName: r.region_name,
      targetYear: r.target_year,
      value: Number(r.value),
      valueMax: r.value_max === null ? null : Number(r.value_max),
      unit: r.unit,
      normalizedValue: Number(r.normalized_value),
      normalizedUnit: r.normalized_unit,
      comparator: r.comparator,
      qualifier: r.qualifier,
      kind: r.kind,
      baseline: r.baseline,
      quote: r.quote,
    })),
  };
}
