import { AppError, type TIndicator, type TIndicatorCreate, type TIndicatorUpdate } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import type { Selectable } from 'kysely';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope } from '../policy.ts';
import { requireCatalogAdmin, requireIndicatorReader } from './indicator.policy.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Row = Selectable<DB['indicator']>;

export function toIndicator(r: Row): TIndicator {
  return {
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    unit: r.unit,
    category: r.category as TIndicator['category'],
    definition: r.definition,
    caliber: r.caliber,
    polarity: r.polarity as TIndicator['polarity'],
    aggregation: r.aggregation as TIndicator['aggregation'],
    numeratorCode: r.numerator_code,
    denominatorCode: r.denominator_code,
    scale: r.scale === null ? null : Number(r.scale),
    derived: r.derived,
    decimals: r.decimals,
    builtin: r.builtin,
    ownerRegionCode: r.owner_region_code,
    version: r.version,
  };
}

/** The whole catalog in display order (cached until the next committed mutation on the embedded database). */
export async function loadCatalog(ctx: Pick<Ctx, 'db' | 'cache'>, db: Db = ctx.db): Promise<TIndicator[]> {
  const cached = db === ctx.db ? ctx.cache.get<TIndicator[]>('indicator:catalog') : undefined;
  if (cached) return cached;
  const rows = (await db.selectFrom('indicator').selectAll().orderBy('position').orderBy('code').execute()).map(toIndicator);
  if (db === ctx.db) ctx.cache.set('indicator:catalog', rows);
  return rows;
}

export async function catalogMap(ctx: Pick<Ctx, 'db' | 'cache'>, db: Db = ctx.db): Promise<Map<string, TIndicator>> {
  return new Map((await loadCatalog(ctx, db)).map((i) => [i.code, i]));
}

export async function listIndicators(ctx: Ctx): Promise<TIndicator[]> {
  requireIndicatorReader(ctx);
  return loadCatalog(ctx);
}

export async function getIndicator(ctx: Ctx, code: string): Promise<TIndicator> {
  requireIndicatorReader(ctx);
  const found = (await catalogMap(ctx)).get(code);
  if (!found) throw new AppError('indicator/not_found', { code });
  return found;
}

async function assertOperands(db: Db, input: Pick<TIndicatorCreate, 'numeratorCode' | 'denominatorCode'>): Promise<void> {
  for (const code of [input.numeratorCode, input.denominatorCode]) {
    if (code === null) continue;
    const op = await db.selectFrom('indicator').select('aggregation').where('code', '=', code).executeTakeFirst();
    // operands must add up over regions, or the ratio could not be recomputed at every level
    if (op?.aggregation !== 'sum') throw new AppError('indicator/invalid_operands', { code });
  }
}

/** A local indicator, owned by the admin's region (visible to every reader; editable within that scope). */
export async function createIndicator(ctx: Ctx, input: TIndicatorCreate): Promise<TIndicator> {
  const actor = requireCatalogAdmin(ctx);
  return withAudit(ctx, async (tx, record) => {
    const exists = await tx.selectFrom('indicator').select('code').where('code', '=', input.code).executeTakeFirst();
    if (exists) throw new AppError('indicator/duplicate_code', { code: input.code });
    await assertOperands(tx, input);
    const row = await tx
      .insertInto('indicator')
      .values({
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        unit: input.unit,
        category: input.category,
        definition: input.definition,
        caliber: input.caliber,
        polarity: input.polarity,
        aggregation: input.aggregation,
        numerator_code: input.numeratorCode,
        denominator_code: input.denominatorCode,
        scale: input.scale,
        decimals: input.decimals,
        builtin: false,
        owner_region_code: actor.regionCode,
        position: 10_000,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = toIndicator(row);
    record({ action: 'indicator.create', entityType: 'indicator', entityId: out.code, regionCode: actor.regionCode, after: out });
    return out;
  });
}

const displayKeys = ['nameZh', 'nameEn', 'definition', 'caliber', 'decimals'] as const;

/**
 * Edits an indicator. Built-in indicators keep their code, unit, category, polarity and aggregation:
 * plan targets, the registry and every stored value depend on them; their names, definition, caliber
 * notes and decimals may be adapted (any admin). A local indicator may be edited by an admin whose
 * subtree contains its owner region.
 */
export async function updateIndicator(ctx: Ctx, code: string, input: TIndicatorUpdate): Promise<TIndicator> {
  const actor = requireCatalogAdmin(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = await tx.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
    if (!before) throw new AppError('indicator/not_found', { code });
    if (before.owner_region_code && !inRegionScope(actor, before.owner_region_code)) throw new AppError('auth/out_of_scope', { code });
    if (before.version !== input.version) throw new AppError('common/conflict', { code });
    const old = toIndicator(before);
    const { version: _v, ...changes } = input;
    if (before.builtin) {
      const structural = (Object.keys(changes) as Array<keyof typeof changes>).filter(
        (k) => changes[k] !== undefined && !(displayKeys as readonly string[]).includes(k) && changes[k] !== old[k],
      );
      if (structural.length > 0) throw new AppError('indicator/builtin_readonly', { fields: structural });
    }
    const row = await tx
      .updateTable('indicator')
      .set((eb) => ({
        ...(changes.nameZh !== undefined ? { name_zh: changes.nameZh } : {}),
        ...(changes.nameEn !== undefined ? { name_en: changes.nameEn } : {}),
        ...(changes.definition !== undefined ? { definition: changes.definition } : {}),
        ...(changes.caliber !== undefined ? { caliber: changes.caliber } : {}),
        ...(changes.decimals !== undefined ? { decimals: changes.decimals } : {}),
        ...(changes.unit !== undefined ? { unit: changes.unit } : {}),
        ...(changes.category !== undefined ? { category: changes.category } : {}),
        ...(changes.polarity !== undefined ? { polarity: changes.polarity } : {}),
        version: eb('version', '+', 1),
        updated_at: ctx.now(),
      }))
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = toIndicator(row);
    record({ action: 'indicator.update', entityType: 'indicator', entityId: code, regionCode: actor.regionCode, before: old, after: out });
    return out;
  });
}
