import { AppError, type TRegion } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { containsPattern, subtreePattern } from '../query.ts';
import { findRegion, toRegion } from './region.repository.ts';

export interface ListRegionsInput {
  parent?: string | undefined;
  q?: string | undefined;
  includeRetired?: boolean;
}

/**
 * The division tree is public reference data: any signed-in user may browse it.
 * With `q`, matches names containing the text or whose pinyin initials start with it (hys → 衡阳市).
 */
export async function listRegions(ctx: Ctx, input: ListRegionsInput): Promise<TRegion[]> {
  requireActor(ctx);
  let query = ctx.db.selectFrom('region').selectAll();
  if (!input.includeRetired) query = query.where('valid_to', 'is', null);
  const q = input.q?.trim();
  if (q) {
    const lower = q.toLowerCase();
    const like = containsPattern(q);
    query = query
      .where((eb) =>
        /^[a-z]+$/.test(lower) ? eb.or([eb('name', 'like', like), eb('initials', 'like', `${lower}%`)]) : eb('name', 'like', like),
      )
      .orderBy('level')
      .orderBy('code')
      .limit(50);
    if (input.parent) query = query.where('code', 'like', subtreePattern(input.parent));
  } else {
    query = input.parent ? query.where('parent_code', '=', input.parent) : query.where('level', '=', 1);
    query = query.orderBy('code');
  }
  return (await query.execute()).map(toRegion);
}

export async function getRegion(ctx: Ctx, code: string): Promise<{ region: TRegion; path: TRegion[] }> {
  requireActor(ctx);
  const row = await findRegion(ctx.db, code);
  if (!row) throw new AppError('region/not_found', { code });
  const path = [toRegion(row)];
  let parent = row.parent_code;
  while (parent) {
    const p = await findRegion(ctx.db, parent);
    if (!p) break;
    path.unshift(toRegion(p));
    parent = p.parent_code;
  }
  return { region: toRegion(row), path };
}

/** Region names for codes, for labels in lists. */
export async function regionNames(ctx: Ctx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
