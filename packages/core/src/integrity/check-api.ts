import type { TIntegrityActivity, TIntegrityPack } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { type BarredAnswer, checkBarred } from './check-barred.ts';
import { requireIntegrityReader } from './integrity.policy.ts';
import type { Db } from './integrity.repository.ts';
import { integrityPacks } from './rule-packs.ts';

/** The bureau asks "is X barred from Y on D, and why" (default today). */
export async function checkBarredFor(
  ctx: Ctx,
  input: { kind: 'person' | 'org'; id: number; activity: TIntegrityActivity; on?: string | undefined },
): Promise<{ barred: boolean; reason: string | null; recordId: number | null }> {
  requireIntegrityReader(ctx);
  const answer = await checkBarred(ctx, {
    subject: { kind: input.kind, id: input.id },
    activity: input.activity,
    on: input.on ?? bureauDate(ctx.now()),
  });
  return answer.barred
    ? { barred: true, reason: answer.reason, recordId: answer.recordId ?? null }
    : { barred: false, reason: null, recordId: null };
}

export function listIntegrityPacks(ctx: Ctx): readonly TIntegrityPack[] {
  requireIntegrityReader(ctx);
  return integrityPacks;
}

/**
 * An enterprise of the registry as an integrity subject: the organisation it is registered with, or the one
 * holding the same 统一社会信用代码. No organisation, no record, no ban.
 */
export async function enterpriseBarred(
  db: Db,
  enterprise: { orgId: number | null; uscc: string },
  activity: TIntegrityActivity,
  on: string,
): Promise<BarredAnswer> {
  const orgIds = new Set<number>();
  if (enterprise.orgId !== null) orgIds.add(enterprise.orgId);
  const same = await db.selectFrom('organization').select('id').where('uscc', '=', enterprise.uscc).execute();
  for (const o of same) orgIds.add(o.id);
  for (const id of orgIds) {
    const answer = await checkBarred({ db }, { subject: { kind: 'org', id }, activity, on });
    if (answer.barred) return answer;
  }
  return { barred: false };
}
