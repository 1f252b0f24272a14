import type { DB, Transaction } from '@kechuang/db';

/**
 * 登记编号: year, point and a sequence that never repeats within a point's year — taken with one atomic
 * upsert, so two registrars registering at once get different numbers.
 */
export async function nextRegistrationNo(tx: Transaction<DB>, pointId: number, year: number): Promise<string> {
  const row = await tx
    .insertInto('tm_registration_counter')
    .values({ point_id: pointId, year, last: 1 })
    .onConflict((oc) => oc.columns(['point_id', 'year']).doUpdateSet((eb) => ({ last: eb('tm_registration_counter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}${String(pointId).padStart(4, '0')}${String(row.last).padStart(6, '0')}`;
}
