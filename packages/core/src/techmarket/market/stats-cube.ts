import type { TStatsCube } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../../context.ts';
import { requireActor } from '../../policy.ts';
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
  // a province is broken down by its cities, a city by its counties (and 本级), a county is its own row
  const county = !region.endsWith('00');
  const parent = county ? `${region.slice(0, 4)}00` : region;
  const { rows } = await sql<{ region: string; type: string; month: string; n: string; amount: string; technical: string }>`
    select region_code as region, contract_type as type, month, n, contract_amount_fen as amount, technical_amount_fen as technical
    from tech_contract_month
    where direction = ${q.direction} and parent_code = ${parent} and month between ${`${q.year}-01`} and ${`${q.year}-12`}
      ${county ? sql`and region_code = ${region}` : sql``}
    order by 1, 2, 3`.execute(ctx.db);
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
