import { AppError, type TIndicatorValue, type TIndicatorValueKind, type ZIndicatorValueInput } from '@kechuang/contracts';
import type { z } from 'zod';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import { catalogMap } from './catalog.ts';
import { assertReadScope, requireIndicatorReader, requireIndicatorWriter } from './indicator.policy.ts';
import { toValue, valueSelect } from './values.repository.ts';
import { writeValues } from './write-values.ts';

type Input = z.output<typeof ZIndicatorValueInput>;

/**
 * Records one value (manual entry, a progress report's figure, a plan's target). When the key
 * (indicator × region × period × kind) already has a different current value, the new row supersedes it
 * and the old version stays readable in the history; an equal value changes nothing. `replaces`, when
 * given, must name the current version (someone else's correction in between → common/conflict).
 */
export async function recordValue(ctx: Ctx, input: Input): Promise<TIndicatorValue> {
  const actor = requireIndicatorWriter(ctx);
  assertReadScope(actor, input.regionCode);
  const catalog = await catalogMap(ctx);
  if (!catalog.has(input.indicatorCode)) throw new AppError('indicator/not_found', { code: input.indicatorCode });
  return withAudit(ctx, async (tx, record) => {
    const region = await tx.selectFrom('region').select(['code', 'valid_to']).where('code', '=', input.regionCode).executeTakeFirst();
    if (!region) throw new AppError('region/not_found', { code: input.regionCode });
    if (region.valid_to) throw new AppError('region/retired', { code: input.regionCode });
    const current = await valueSelect(tx)
      .where('v.indicator_code', '=', input.indicatorCode)
      .where('v.region_code', '=', input.regionCode)
      .where('v.period', '=', input.period)
      .where('v.kind', '=', input.kind)
      .where('v.superseded_at', 'is', null)
      .executeTakeFirst();
    if (input.replaces !== null && Number(current?.id ?? 0) !== input.replaces)
      throw new AppError('common/conflict', { replaces: input.replaces });
    const counts = await writeValues(
      tx,
      [
        {
          indicatorCode: input.indicatorCode,
          regionCode: input.regionCode,
          period: input.period,
          kind: input.kind,
          value: input.value,
          source: input.source,
          sourceRef: input.sourceRef,
          note: input.note,
        },
      ],
      { userId: actor.userId, via: actor.username, now: ctx.now() },
    );
    const after = await valueSelect(tx)
      .where('v.indicator_code', '=', input.indicatorCode)
      .where('v.region_code', '=', input.regionCode)
      .where('v.period', '=', input.period)
      .where('v.kind', '=', input.kind)
      .where('v.superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    const out = toValue(after);
    record({
      action: counts.corrected ? 'indicator.value.correct' : counts.created ? 'indicator.value.create' : 'indicator.value.confirm',
      entityType: 'indicator_value',
      entityId: out.id,
      regionCode: input.regionCode,
      before: current ? toValue(current) : null,
      after: out,
    });
    return out;
  });
}

/** Every version of one value, newest first. */
export async function valueHistory(
  ctx: Ctx,
  key: { indicator: string; region: string; period: string; kind: TIndicatorValueKind },
): Promise<{ versions: TIndicatorValue[] }> {
  const actor = requireIndicatorReader(ctx);
  assertReadScope(actor, key.region);
  const rows = await valueSelect(ctx.db)
    .where('v.region_code', '=', key.region)
    .where('v.indicator_code', '=', key.indicator)
    .where('v.period', '=', key.period)
    .where('v.kind', '=', key.kind)
    .orderBy('v.id', 'desc')
    .execute();
  return { versions: rows.map(toValue) };
}

/** Current values of a region subtree (default the actor's), newest periods first. */
export async function listValues(
  ctx: Ctx,
  q: {
    region?: string | undefined;
    indicator?: string | undefined;
    period?: string | undefined;
    kind?: TIndicatorValueKind | undefined;
    limit: number;
  },
): Promise<TIndicatorValue[]> {
  const actor = requireIndicatorReader(ctx);
  const region = q.region ?? actor.regionCode;
  assertReadScope(actor, region);
  let query = valueSelect(reader(ctx)).where('v.superseded_at', 'is', null).where('v.region_code', 'like', subtreePattern(region));
  if (q.indicator) query = query.where('v.indicator_code', '=', q.indicator);
  if (q.period) query = query.where('v.period', '=', q.period);
  if (q.kind) query = query.where('v.kind', '=', q.kind);
  const rows = await query.orderBy('v.period', 'desc').orderBy('v.region_code').orderBy('v.indicator_code').limit(q.limit).execute();
  return rows.map(toValue);
}
