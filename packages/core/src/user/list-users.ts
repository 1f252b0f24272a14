import { AppError, type TRole, type TUser } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { inRegionScope, requireActor, requireRole } from '../policy.ts';
import { containsPattern, pageTotal, pageWindow, subtreePattern } from '../query.ts';
import { findUserView, selectUsers, toUser } from './user.repository.ts';

export interface ListUsersInput {
  page: number;
  pageSize: number;
  q?: string | undefined;
  orgId?: number | undefined;
  role?: TRole | undefined;
  region?: string | undefined;
  includeDisabled: boolean;
}

/** Accounts are administered by admins, within their region subtree. */
export async function listUsers(ctx: Ctx, input: ListUsersInput) {
  const actor = requireRole(ctx, 'admin');
  if (input.region && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
  let q = selectUsers(ctx.db).where('o.region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) q = q.where('o.region_code', 'like', subtreePattern(input.region));
  if (input.orgId) q = q.where('u.org_id', '=', input.orgId);
  if (input.role) q = q.where((eb) => eb(eb.val(input.role as string), '=', eb.fn.any('u.roles')));
  if (!input.includeDisabled) q = q.where('u.disabled_at', 'is', null);
  if (input.q?.trim()) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', like), eb('o.name', 'like', like)]));
  }
  const rows = await q
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('o.region_code')
    .orderBy('u.username')
    .limit(pageWindow(input).limit)
    .offset(pageWindow(input).offset)
    .execute();
  const total = await pageTotal(rows, input, () =>
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  const now = ctx.now();
  return { items: rows.map((r) => toUser(r, now)), total, page: input.page, pageSize: input.pageSize };
}

/** A user may read their own account; admins read accounts in their scope. */
export async function getUser(ctx: Ctx, id: number): Promise<TUser> {
  const actor = requireActor(ctx);
  const user = await findUserView(ctx.db, id, ctx.now());
  if (!user) throw new AppError('user/not_found', { id });
  if (user.id === actor.userId) return user;
  if (!actor.roles.includes('admin')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, user.regionCode)) throw new AppError('auth/out_of_scope');
  return user;
}
