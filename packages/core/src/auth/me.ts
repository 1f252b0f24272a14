import { AppError, type TUser } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { findUserView } from '../user/user.repository.ts';

export async function getMe(ctx: Ctx): Promise<TUser> {
  const actor = requireActor(ctx);
  const user = await findUserView(ctx.db, actor.userId, ctx.now());
  if (!user) throw new AppError('auth/unauthenticated');
  return user;
}

export async function isDemo(ctx: Pick<Ctx, 'db' | 'cache'>): Promise<boolean> {
  const cached = ctx.cache.get<boolean>('setting:demo');
  if (cached !== undefined) return cached;
  const row = await ctx.db.selectFrom('setting').select('value').where('key', '=', 'demo').executeTakeFirst();
  const demo = row?.value === true;
  ctx.cache.set('setting:demo', demo, ['setting']);
  return demo;
}
