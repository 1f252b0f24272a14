import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { getCall } from './list-calls.ts';
import type { Db } from './project.repository.ts';

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
  // the same answer as reading the call: unknown, or out of scope
  const call = await getCall(ctx, callId);
  return call.recommendation === 'department' ? recommendersOf(ctx.db, call.regionCode) : [];
}
