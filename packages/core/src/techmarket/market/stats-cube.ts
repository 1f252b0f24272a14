import type { TStatsCube } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../../context.ts';
import { requireActor } from '../../policy.ts';
import { subtreePattern } from '../../query.ts';
import { requireStatsReader } from '../techmarket.policy.ts';

/**
 * Registered contracts of a region's year by the counted side's region (seller's for 输出, buyer's for 吸纳; the
 * cities of a province, the counties of a city) ×
 * contract type × month, both amounts exact — the cross table behind the statistical report, read from the
 * monthly sums kept at registration.
 */
export async function contractStatsCube(
  ctx: Ctx,
  q: { region?: string | undefined; year: number; direction: 'output' | 'absorption' },
): Promise<TStatsCube> {
  const region = q.region ?? requireActor(ctx).regionCode;
  requireStatsReader(ctx, region);
  // the monthly sums kept at registration (contract-month.ts)
  // a province is broken down by its cities, a city by its counties
  const key = region.endsWith('0000') ? sql`substr(region_code, 1, 4) || '00'` : sql`region_code`;
  const { rows } = await sql<{ region: string; type: string; month: string; n: string; amount: string; technical: string }>`
    select ${key} as region, contract_type as type, month, sum(n) as n, sum(contract_amount_fen) as amount, sum(technical_amount_fen) as technical
    from tech_contract_month
    where direction = ${q.direction} and month between ${`${q.year}-01`} and ${`${q.year}-12`} and region_code like ${subtreePattern(region)}
    group by 1, 2, 3 order by 1, 2, 3`.execute(ctx.db);
  return {
    region,
    year: q.year,
    direction: q.direction,
    rows: rows.map((r) => ({
      regionCode: r.region,
      type: r.type,
      month: r.month,
      count: Number(r.n),
      contractAmountFen: Number(r.amount),
      technicalAmountFen: Number(r.technical),
    })),
  };
}
