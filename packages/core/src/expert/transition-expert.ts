import { AppError, expertTransitions, type TExpert, type TExpertTransition } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requirePoolManager } from './expert.policy.ts';
import { bumpVersion, loadExpert, requireExpertRow } from './expert.repository.ts';

/*
 * The bureau's decisions on an entry: 通过 (approve) or 不通过 (reject) a submitted one, 暂停 and 恢复,
 * 退出 (retired: no longer drawn, kept for the record) and 移出 (removed). Only active experts are drawn.
 * The reason is kept in the audit row and shown in the entry's history.
 */
export async function transitionExpert(ctx: Ctx, id: number, input: TExpertTransition): Promise<TExpert> {
  const row = await requireExpertRow(ctx.db, id);
  const actor = requirePoolManager(ctx, row.region_code);
  const rule = expertTransitions[input.action];
  if (!rule.from.includes(row.status)) throw new AppError('expert/invalid_transition', { id, status: row.status, action: input.action });
  await withAudit(ctx, async (tx, record) => {
    const now = ctx.now();
    const approval = input.action === 'approve' ? { approved_by: actor.userId, approved_at: now } : {};
    await bumpVersion(tx, id, input.version, { status: rule.to, ...approval }, now);
    record({
      action: `expert.${input.action}`,
      entityType: 'expert',
      entityId: id,
      regionCode: row.region_code,
      before: { status: row.status },
      after: { status: rule.to, reason: input.reason || null },
    });
  });
  return loadExpert(ctx.db, await requireExpertRow(ctx.db, id));
}
