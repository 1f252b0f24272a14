import type { TRegion } from '@kechuang/contracts';
import type { DB, Kysely, RegionRow, Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

export function toRegion(r: RegionRow): TRegion {
  return {
    code: r.code,
    name: r.name,
    level: r.level as 1 | 2 | 3,
    parentCode: r.parent_code,
    initials: r.initials,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorCode: r.successor_code,
  };
}

export function findRegion(db: Db, code: string) {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
}
