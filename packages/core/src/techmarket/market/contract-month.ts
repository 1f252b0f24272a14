import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';

/**
 * The rows a region's contract adds to: its own under its city (a city's or province's own code under itself,
 * as 本级), and its city's under the province. A province's cross table reads its cities, a city's its counties.
 */
export function monthRows(region: string): Array<{ parent: string; region: string }> {
  const own = { parent: region.endsWith('00') ? region : `${region.slice(0, 4)}00`, region };
  return region.endsWith('0000') ? [own] : [own, { parent: `${region.slice(0, 2)}0000`, region: `${region.slice(0, 4)}00` }];
}

/**
 * A registered contract adds itself to the monthly sums of its seller's region (输出) and its buyer's region (吸纳),
 * by contract type, in the registration's transaction; the increments commute, so concurrent registrations need
 * no lock here.
 */
export async function addToContractMonth(
  tx: Transaction<DB>,
  c: {
    sellerRegionCode: string;
    buyerRegionCode: string;
    contractType: string | null;
    registeredOn: string | null;
    contractAmountFen: number;
    technicalAmountFen: number | null;
  },
): Promise<void> {
  if (!c.registeredOn) return;
  const month = c.registeredOn.slice(0, 7);
  for (const [direction, side] of [
    ['output', c.sellerRegionCode],
    ['absorption', c.buyerRegionCode],
  ] as const) {
    for (const row of monthRows(side)) {
      await sql`insert into tech_contract_month values (${direction}, ${row.parent}, ${row.region}, ${c.contractType ?? ''}, ${month}, 1,
          ${String(c.contractAmountFen)}, ${String(c.technicalAmountFen ?? 0)})
        on conflict (direction, parent_code, month, region_code, contract_type) do update set n = tech_contract_month.n + 1,
          contract_amount_fen = tech_contract_month.contract_amount_fen + excluded.contract_amount_fen,
          technical_amount_fen = tech_contract_month.technical_amount_fen + excluded.technical_amount_fen`.execute(tx);
    }
  }
}

/** The monthly sums computed afresh from the registry (after a bulk load), as the migration first filled them. */
export async function rebuildContractMonth(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`delete from tech_contract_month`.execute(tx);
    await sql`insert into tech_contract_month
      with c as (
        select 'output' as direction, seller_region_code as r, coalesce(contract_type, '') as t, to_char(registered_on, 'YYYY-MM') as m,
          contract_amount_fen as a, coalesce(technical_amount_fen, 0) as ta
        from tech_contract where status = 'registered'
        union all
        select 'absorption', buyer_region_code, coalesce(contract_type, ''), to_char(registered_on, 'YYYY-MM'),
          contract_amount_fen, coalesce(technical_amount_fen, 0)
        from tech_contract where status = 'registered'
      ), levels as (
        select direction, case when r like '%00' then r else substr(r, 1, 4) || '00' end as parent_code, r as region_code, t, m, a, ta from c
        union all
        select direction, substr(r, 1, 2) || '0000', substr(r, 1, 4) || '00', t, m, a, ta from c where r not like '%0000'
      )
      select direction, parent_code, region_code, t, m, count(*), sum(a), sum(ta) from levels group by 1, 2, 3, 4, 5`.execute(tx);
  });
  await sql`analyze tech_contract_month`.execute(db);
}
