import { ladderRungs, type TFunnel, type TLadderRung } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { assertRegionScope } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import { requireBureau } from './enterprise-registry.policy.ts';
import { addDays } from './enterprise-registry.repository.ts';

type Num = string | number | null;

/**
 * The cultivation funnel of a region subtree for a year. Per rung: the enterprises holding it on
 * 31 December (sum of the yearly tallies up to the year), the net additions against the previous
 * 31 December, and those holding it today whose coverage ends before day +90 / +180 (expiring and not
 * renewed). Both read the derived tables kept by refreshLadder, so the cost does not grow with history.
 */
export async function enterpriseFunnel(ctx: Ctx, input: { region?: string | undefined; year?: number | undefined }): Promise<TFunnel> {
  const actor = requireBureau(ctx, false);
  const regionCode = input.region ?? actor.regionCode;
  assertRegionScope(actor, regionCode);
  const asOf = bureauDate(ctx.now());
  const year = input.year ?? Number(asOf.slice(0, 4));
  const pattern = subtreePattern(regionCode);
  const [counts, expiring] = await Promise.all([
    sql<{ rung: string; at_end: Num; at_prev: Num }>`
      select rung, sum(delta) filter (where year <= ${year}::int) as at_end, sum(delta) filter (where year < ${year}::int) as at_prev
      from enterprise_ladder_tally where region_code like ${pattern} group by rung`.execute(reader(ctx)),
    sql<{ rung: string; in90: Num; in180: Num }>`
      select rung, count(*) filter (where valid_to < ${addDays(asOf, 90)}::date) as in90, count(*) as in180
      from enterprise_ladder_span
      where valid_to >= ${asOf}::date and valid_to < ${addDays(asOf, 180)}::date and valid_from <= ${asOf}::date
        and region_code like ${pattern}
      group by rung`.execute(reader(ctx)),
  ]);
  const c = new Map(counts.rows.map((r) => [r.rung, r]));
  const x = new Map(expiring.rows.map((r) => [r.rung, r]));
  return {
    regionCode,
    year,
    asOf,
    rungs: ladderRungs.map((rung: TLadderRung) => {
      const count = Number(c.get(rung)?.at_end ?? 0);
      return {
        rung,
        count,
        netAdditions: count - Number(c.get(rung)?.at_prev ?? 0),
        expiring90: Number(x.get(rung)?.in90 ?? 0),
        expiring180: Number(x.get(rung)?.in180 ?? 0),
      };
    }),
  };
}
