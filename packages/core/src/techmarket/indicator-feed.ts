import type { TTechContract } from '@kechuang/contracts';
import { type DB, sql, type Transaction } from '@kechuang/db';
import { type NewValue, writeValues } from '../indicator/index.ts';
import { fenToWan } from '../project/index.ts';
import { subtreePattern } from '../query.ts';

/** The region and the regions above it (county → city → province). */
export function regionChain(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

/** 技术合同成交额 of a region in a year: 输出 by the sellers in it, 吸纳 by the buyers in it (万元, exact). */
export async function contractTurnover(
  db: Transaction<DB>,
  region: string,
  year: number,
): Promise<{ outputFen: bigint; absorbedFen: bigint }> {
  const pattern = subtreePattern(region);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await sql<{ output: string | null; absorbed: string | null }>`
    select
      (select sum(contract_amount_fen) from tech_contract where status = 'registered' and registered_on between ${from} and ${to}
        and seller_region_code like ${pattern}) as output,
      (select sum(contract_amount_fen) from tech_contract where status = 'registered' and registered_on between ${from} and ${to}
        and buyer_region_code like ${pattern}) as absorbed`.execute(db);
  return { outputFen: BigInt(rows[0]?.output ?? 0), absorbedFen: BigInt(rows[0]?.absorbed ?? 0) };
}

/**
 * A registration moves the year's 技术合同成交额 (输出) of the seller's region and the regions above it, and
 * the 吸纳 of the buyer's, in the same transaction: the plan targets bound to these indicators read the
 * registry, never a typed number.
 */
export async function syncContractIndicators(
  tx: Transaction<DB>,
  c: Pick<TTechContract, 'sellerRegionCode' | 'buyerRegionCode' | 'registeredOn'>,
  who: { userId: number | null; via: string | null; now: Date },
): Promise<void> {
  if (!c.registeredOn) return;
  const year = Number(c.registeredOn.slice(0, 4));
  const values: NewValue[] = [];
  const regions = new Set([...regionChain(c.sellerRegionCode), ...regionChain(c.buyerRegionCode)]);
  const known = await tx
    .selectFrom('region')
    .select('code')
    .where('code', 'in', [...regions])
    .orderBy('code')
    .execute();
  // Registrations in the same regions take turns here (locks in one order: no deadlock), so on PostgreSQL
  // a sum never misses a contract registered by a concurrent transaction.
  for (const { code } of known) await sql`select pg_advisory_xact_lock(hashtext(${`tm:turnover:${code}:${year}`}))`.execute(tx);
  for (const { code } of known) {
    const t = await contractTurnover(tx, code, year);
    const v = (indicatorCode: string, fen: bigint): NewValue => ({
      indicatorCode,
      regionCode: code,
      period: String(year),
      kind: 'actual',
      value: fenToWan(fen),
      source: 'registry',
      sourceRef: `技术合同登记（${year}年已登记合同）`,
      note: null,
    });
    values.push(v('tech_contract_turnover', t.outputFen), v('tech_contract_absorbed', t.absorbedFen));
  }
  await writeValues(tx, values, who);
}
