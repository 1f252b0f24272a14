import { type DB, sql, type Transaction } from '@kechuang/db';
import { type NewValue, writeValues } from '../../indicator/index.ts';
import { subtreePattern } from '../../query.ts';
import { regionChain } from '../indicator-feed.ts';

/**
 * A registration moves the year's 登记科技成果数 of the owner's region and the regions above it, in the same
 * transaction. As with the contracts' 技术合同成交额, registrations in the same regions take turns (advisory
 * locks taken in one order, so no deadlock) and each count is read after the lock: on PostgreSQL a concurrent
 * registration is never missed.
 */
export async function syncAchievementIndicator(
  tx: Transaction<DB>,
  a: { regionCode: string; registeredOn: string },
  who: { userId: number | null; via: string | null; now: Date },
): Promise<void> {
  const year = Number(a.registeredOn.slice(0, 4));
  const known = await tx.selectFrom('region').select('code').where('code', 'in', regionChain(a.regionCode)).orderBy('code').execute();
  for (const { code } of known) await sql`select pg_advisory_xact_lock(hashtext(${`tm:achievements:${code}:${year}`}))`.execute(tx);
  const values: NewValue[] = [];
  for (const { code } of known) {
    const row = await tx
      .selectFrom('tm_achievement')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'registered')
      .where('registered_on', '>=', `${year}-01-01`)
      .where('registered_on', '<=', `${year}-12-31`)
      .where('region_code', 'like', subtreePattern(code))
      .executeTakeFirstOrThrow();
    values.push({
      indicatorCode: 'achievement_registered_count',
      regionCode: code,
      period: String(year),
      kind: 'actual',
      value: String(row.n),
      source: 'registry',
      sourceRef: `科技成果登记（${year}年已登记成果）`,
      note: null,
    });
  }
  await writeValues(tx, values, who);
}
