import {
  AppError,
  platformTypeCatalogue,
  type TPlatformConditionResult,
  type TPlatformFieldValues,
  type TPlatformType,
} from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

function parse(definition: unknown): Omit<TPlatformType, 'version'> {
  return (typeof definition === 'string' ? JSON.parse(definition) : definition) as Omit<TPlatformType, 'version'>;
}

/** The catalogue in force: the latest version of every type. */
export async function loadPlatformTypes(db: Db): Promise<TPlatformType[]> {
  const rows = await db
    .selectFrom('platform_type')
    .select(['code', 'version', 'definition'])
    .distinctOn('code')
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  // the catalogue's own order (research bases, incubation carriers, agriculture, talent); new types last
  const order = platformTypeCatalogue.map((t) => t.code);
  const rank = (c: string) => (order.indexOf(c) < 0 ? 99 : order.indexOf(c));
  return rows
    .map((r) => ({ ...parse(r.definition), code: r.code, version: r.version }))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

/** One type, the latest version (or the stated one). */
export async function platformType(db: Db, code: string, version?: number): Promise<TPlatformType> {
  let q = db.selectFrom('platform_type').select(['code', 'version', 'definition']).where('code', '=', code);
  if (version !== undefined) q = q.where('version', '=', version);
  const row = await q.orderBy('version', 'desc').executeTakeFirst();
  if (!row) throw new AppError('platform/type_unknown', { code });
  return { ...parse(row.definition), code: row.code, version: row.version };
}

/** Values must belong to the type's own fields (a 孵化面积 on a 重点实验室 is refused). */
export function assertTypeFields(type: TPlatformType, values: TPlatformFieldValues): void {
  const keys = new Set(type.fields.map((f) => f.key));
  const unknown = Object.keys(values).filter((k) => !keys.has(k));
  if (unknown.length > 0) throw new AppError('platform/field_unknown', { type: type.code, fields: unknown });
}

/** The type's 认定 conditions against the values given: every condition, met or not, in catalogue order. */
export function checkConditions(type: TPlatformType, values: TPlatformFieldValues): TPlatformConditionResult[] {
  return type.conditions.map((c) => {
    const value = values[c.field];
    const v = value === undefined ? null : value;
    return { field: c.field, text: c.text, min: c.min, value: v, met: v !== null && v >= c.min };
  });
}
