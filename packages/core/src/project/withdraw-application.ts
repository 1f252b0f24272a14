import { AppError, type TApplication } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { loadApplication } from './get-application.ts';
import { assertOwnApplication, requireApplicant } from './project.policy.ts';
import { addEvent, findApplicationRow } from './project.repository.ts';

/**
 * The applicant unit withdraws its application before the formal check has passed it (draft, submitted,
 * recommended or returned); a withdrawn application no longer counts for 限项 and stays on record.
 */
export async function withdrawApplication(ctx: Ctx, id: number, version: number): Promise<TApplication> {
  const actor = requireApplicant(ctx);
  return withAudit(ctx, async (tx, record) => {
    const app = assertOwnApplication(actor, await findApplicationRow(tx, id, true), id);
    if (!['draft', 'submitted', 'recommended', 'returned'].includes(app.status))
      throw new AppError('project/wrong_status', { id, status: app.status });
    if (app.version !== version) throw new AppError('common/conflict', { id, version });
    await tx
      .updateTable('project_application')
      .set((eb) => ({ status: 'withdrawn', updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await addEvent(tx, ctx, id, 'withdraw');
    record({
      action: 'project.application.withdraw',
      entityType: 'project_application',
      entityId: id,
      regionCode: app.region_code,
      before: { status: app.status },
      after: { status: 'withdrawn' },
    });
    return loadApplication(tx, id);
  });
}
