import type { TStats } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { requireStatsReader } from './techmarket.policy.ts';

const groupings = {
  type: sql`coalesce(c.contract_type, '')`,
  month: sql`to_char(c.registered_on, 'YYYY-MM')`,
  field: sql`c.tech_field`,
  sellerKind: sql`s.kind`,
} as const;

/**
 * Registered contracts of a region in a year, as 输出 (sellers in the region) or 吸纳 (buyers in it), grouped
 * by contract type, month, technical field or seller kind; both amounts, exact. Each contract is counted once
 * in each view (a contract within the region is both output and absorption of it).
 */
export async function contractStats(
  ctx: Ctx,
  q: { region?: string | undefined; year: number; direction: 'output' | 'absorption'; by: keyof typeof groupings },
): Promise<TStats> {
  const region = q.region ?? ctx.actor?.regionCode ?? '';
  requireStatsReader(ctx, region);
  const pattern = subtreePattern(region);
  const column = q.direction === 'output' ? sql`c.seller_region_code` : sql`c.buyer_region_code`;
  const { rows } = await sql<{ key: string; n: string; amount: string; technical: string }>`
    select ${groupings[q.by]} as key, count(*) as n, sum(c.contract_amount_fen) as amount, sum(coalesce(c.technical_amount_fen, 0)) as technical
    from tech_contract c join tm_seller s on s.id = c.seller_id
    where c.status = 'registered' and c.registered_on between ${`${q.year}-01-01`} and ${`${q.year}-12-31`} and ${column} like ${pattern}
    group by 1 order by 1`.execute(ctx.db);
  const out = rows.map((r) => ({
    key: r.key,
    count: Number(r.n),
    contractAmountFen: Number(r.amount),
    technicalAmountFen: Number(r.technical),
  }));
  const total = out.reduce(
    (t, r) => ({
      key: 'total',
      count: t.count + r.count,
      contractAmountFen: t.contractAmountFen + r.contractAmountFen,
      technicalAmountFen: t.technicalAmountFen + r.technicalAmountFen,
    }),
    { key: 'total', count: 0, contractAmountFen: 0, technicalAmountFen: 0 },
  );
  return { region, year: q.year, direction: q.direction, by: q.by, rows: out, total };
}
