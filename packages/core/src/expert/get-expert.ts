import type { TExpert } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { assertExpertReadable } from './expert.policy.ts';
import { loadExpert, requireExpertRow } from './expert.repository.ts';

/** One entry with its employers, relations and unavailable dates: the bureau of its region, or the expert. */
export async function getExpert(ctx: Ctx, id: number): Promise<TExpert> {
  const actor = requireActor(ctx);
  const row = await requireExpertRow(ctx.db, id);
  assertExpertReadable(actor, { regionCode: row.region_code, userId: row.user_id });
  return loadExpert(ctx.db, row);
}
