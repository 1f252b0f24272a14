import { AppError } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { canReadCall } from './project.policy.ts';
import { type Db, findCall } from './project.repository.ts';

/** The 主管部门 that may recommend applications to a call: department organisations of the call's region subtree. */
export async function recommendersOf(db: Db, callRegionCode: string): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('kind', '=', 'department')
    .where('region_code', 'like', subtreePattern(callRegionCode))
    .orderBy('name')
    .execute();
}

/** For the application form of a call recommended by departments: whom the applicant may name. */
export async function listCallRecommenders(ctx: Ctx, callId: number): Promise<Array<{ id: number; name: string }>> {
  const actor = requireActor(ctx);
  const call = await findCall(ctx.db, callId, ctx.now());
  if (!canReadCall(actor, call)) throw new AppError('project/call_not_found', { id: callId });
  return call.recommendation === 'department' ? recommendersOf(ctx.db, call.regionCode) : [];
}
