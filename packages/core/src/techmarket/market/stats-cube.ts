import type { TStatsCube } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../../context.ts';
import { requireActor } from '../../policy.ts';
import { subtreePattern } from '../../query.ts';
import { requireStatsReader } from '../techmarket.policy.ts';

/**
 * Registered contracts of a region's year by the counted side's region (seller's for 输出, buyer's for 吸纳) ×
 * contract type × month, both amounts exact — the cross table behind the statistical report, in one query.
 */
export async function contractStatsCube(
  ctx: Ctx,
  q: { region?: string | undefined; year: number; direction: 'output' | 'absorption' },
): Promise<TStatsCube> {
  const region = q.region ?? requireActor(ctx).regionCode;
  requireStatsReader(ctx, region);
  const column = q.direction === 'output' ? sql`seller_region_code` : sql`buyer_region_code`;
  const { rows } = await sql<{ region: string; type: string; month: string; n: string; amount: string; technical: string }>`
    select ${column} as region, coalesce(contract_type, '') as type, to_char(registered_on, 'YYYY-MM') as month,
      count(*) as n, sum(contract_amount_fen) as amount, sum(coalesce(technical_amount_fen, 0)) as technical
    from tech_contract
    where status = 'registered' and registered_on between ${`${q.year}-01-01`} and ${`${q.year}-12-31`} and ${column} like ${subtreePattern(region)}
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
