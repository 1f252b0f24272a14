import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';

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
  for (const [direction, region] of [
    ['output', c.sellerRegionCode],
    ['absorption', c.buyerRegionCode],
  ] as const) {
    await sql`insert into tech_contract_month values (${direction}, ${region}, ${c.contractType ?? ''}, ${month}, 1,
        ${String(c.contractAmountFen)}, ${String(c.technicalAmountFen ?? 0)})
      on conflict (direction, month, region_code, contract_type) do update set n = tech_contract_month.n + 1,
        contract_amount_fen = tech_contract_month.contract_amount_fen + excluded.contract_amount_fen,
        technical_amount_fen = tech_contract_month.technical_amount_fen + excluded.technical_amount_fen`.execute(tx);
  }
}

/** The monthly sums computed afresh from the registry (after a bulk load). */
export async function rebuildContractMonth(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`delete from tech_contract_month`.execute(tx);
    await sql`insert into tech_contract_month
      select 'output', seller_region_code, coalesce(contract_type, ''), to_char(registered_on, 'YYYY-MM'), count(*),
        sum(contract_amount_fen), sum(coalesce(technical_amount_fen, 0))
      from tech_contract where status = 'registered' group by 2, 3, 4
      union all
      select 'absorption', buyer_region_code, coalesce(contract_type, ''), to_char(registered_on, 'YYYY-MM'), count(*),
        sum(contract_amount_fen), sum(coalesce(technical_amount_fen, 0))
      from tech_contract where status = 'registered' group by 2, 3, 4`.execute(tx);
  });
}
