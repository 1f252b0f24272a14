import { AppError, type TOrg, type TOrgKind } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

export function selectOrgs(db: Db) {
  return db
    .selectFrom('organization as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.short_name',
      'o.kind',
      'o.region_code',
      'r.name as region_name',
      'o.uscc',
      'o.contact',
      'o.phone',
      'o.disabled_at',
      'o.version',
      'o.created_at',
      'o.updated_at',
      eb
        .selectFrom('app_user as u')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('u.org_id', '=', 'o.id')
        .where('u.disabled_at', 'is', null)
        .as('user_count'),
    ]);
}

type OrgRow = Awaited<ReturnType<ReturnType<typeof selectOrgs>['executeTakeFirstOrThrow']>>;

export function toOrg(r: OrgRow): TOrg {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as TOrgKind,
    regionCode: r.region_code,
    regionName: r.region_name,
    uscc: r.uscc,
    contact: r.contact,
    phone: r.phone,
    disabled: r.disabled_at !== null,
    userCount: Number(r.user_count ?? 0),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findOrgView(db: Db, id: number): Promise<TOrg | null> {
  const row = await selectOrgs(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toOrg(row) : null;
}

/** Maps a unique-constraint violation (a concurrent insert) to the domain error. */
export function orgConstraintError(e: unknown): unknown {
  const c = (e ?? {}) as { code?: string; constraint?: string };
  if (c.code !== '23505') return e;
  return new AppError(c.constraint?.includes('uscc') ? 'org/duplicate_uscc' : 'org/duplicate_name');
}
