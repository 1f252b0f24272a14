import { AppError, type TPlanExec, type TPlanTargetBind } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { edit } from './plan-edit.ts';

/**
 * Binds a plan target to a catalogue indicator, or unbinds it: the dashboard and the bulletin then take
 * the target's actual from the catalogue's value of the plan's region and year. A plan edit like any
 * other (revision, version check, audited with the codes before and after); baseline rows of the same
 * indicator move with it, so the path from the baseline stays matched.
 */
export async function bindPlanTarget(ctx: Ctx, planId: number, targetId: number, input: TPlanTargetBind): Promise<TPlanExec> {
  return edit(ctx, planId, input.version, input.reason, 'plan.target_bind', async (tx) => {
    const target = await tx
      .selectFrom('plan_target')
      .select(['id', 'indicator_code', 'indicator_name', 'node_id'])
      .where('id', '=', targetId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!target) throw new AppError('plan/target_not_found', { planId, targetId });
    const code = input.indicatorCode;
    let indicatorName: string | null = null;
    if (code !== null) {
      const indicator = await tx.selectFrom('indicator').select(['code', 'name_zh']).where('code', '=', code).executeTakeFirst();
      if (!indicator) throw new AppError('indicator/not_found', { code });
      indicatorName = indicator.name_zh;
    }
    await tx
      .updateTable('plan_target')
      .set({ indicator_code: code })
      .where('plan_id', '=', planId)
      .where('indicator_name', '=', target.indicator_name)
      .where((eb) => (target.node_id === null ? eb('node_id', 'is', null) : eb('node_id', '=', target.node_id)))
      .execute();
    return { targetId, target: target.indicator_name, indicatorCodeBefore: target.indicator_code, indicatorCode: code, indicatorName };
  });
}
