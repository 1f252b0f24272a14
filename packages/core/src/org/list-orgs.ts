import { AppError, type TOrg, type TOrgKind } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { canSeeOrgRecord, inRegionScope, isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, pageTotal, pageWindow, subtreePattern } from '../query.ts';
import { findOrgView, selectOrgs, toOrg } from './org.repository.ts';

export interface ListOrgsInput {
  page: number;
  pageSize: number;
  q?: string | undefined;
  kind?: TOrgKind | undefined;
  region?: string | undefined;
  includeDisabled: boolean;
  sort: 'name' | 'region' | 'createdAt';
}

/** Organisations the actor may see: the region subtree, or only their own organisation. */
export async function listOrgs(ctx: Ctx, input: ListOrgsInput) {
  const actor = requireActor(ctx);
  if (input.region && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
  const key = `orgs:${actor.userId}:${JSON.stringify(input)}`;
  const cached = ctx.cache.get<{ items: TOrg[]; total: number; page: number; pageSize: number }>(key);
  if (cached) return cached;

  let q = selectOrgs(ctx.db);
  q = isRegionWide(actor) ? q.where('o.region_code', 'like', subtreePattern(actor.regionCode)) : q.where('o.id', '=', actor.orgId);
  if (input.region) q = q.where('o.region_code', 'like', subtreePattern(input.region));
  if (input.kind) q = q.where('o.kind', '=', input.kind);
  if (!input.includeDisabled) q = q.where('o.disabled_at', 'is', null);
  if (input.q?.trim()) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('o.name', 'like', like), eb('o.short_name', 'like', like), eb('o.uscc', 'like', like)]));
  }
  const rows = await q
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy(input.sort === 'name' ? 'o.name' : input.sort === 'createdAt' ? 'o.created_at' : 'o.region_code')
    .orderBy('o.id')
    .limit(pageWindow(input).limit)
    .offset(pageWindow(input).offset)
    .execute();
  const total = await pageTotal(rows, input, () =>
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  const result = { items: rows.map(toOrg), total, page: input.page, pageSize: input.pageSize };
  ctx.cache.set(key, result, ['organization', 'region']);
  return result;
}

export async function getOrg(ctx: Ctx, id: number): Promise<TOrg> {
  const actor = requireActor(ctx);
  const org = await findOrgView(ctx.db, id);
  if (!org) throw new AppError('org/not_found', { id });
  if (!canSeeOrgRecord(actor, org.id, org.regionCode)) throw new AppError('auth/out_of_scope');
  return org;
}
