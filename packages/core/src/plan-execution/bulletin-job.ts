import { type TBulletinCreate, type TJob, ZBulletinCreate } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { requirePlanManager } from './exec.policy.ts';
import { findPlan } from './exec.repository.ts';
import { bulletinSteps, generateBulletin } from './generate-bulletin.ts';

interface BulletinParams {
  planId: number;
  input: TBulletinCreate;
}

/**
 * Asks for a plan's 进度通报: who may generate it is checked now, the day it is as of is fixed now (today
 * unless given), and the job is queued; the bulletin itself is built off the request path (bulletinJob).
 */
export async function startBulletin(ctx: Ctx, planId: number, input: TBulletinCreate): Promise<TJob> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanManager(ctx, plan);
  const params: BulletinParams = { planId, input: { ...input, asOf: input.asOf ?? bureauDate(ctx.now()) } };
  return enqueueJob(ctx, {
    kind: 'plan.bulletin',
    params,
    regionCode: plan.region_code,
    audit: { action: 'plan.bulletin_request', entityType: 'plan', entityId: planId, after: { ...params.input } },
  });
}

/** The job: the same bulletin as generateBulletin archives, with its steps as progress; the result names it. */
export const bulletinJob: JobHandler<BulletinParams> = {
  kind: 'plan.bulletin',
  async run(ctx, params, progress) {
    await progress(0, bulletinSteps);
    const input = ZBulletinCreate.parse(params.input);
    const bulletin = await generateBulletin(ctx, params.planId, input, (done) => progress(done));
    return { result: { bulletin } };
  },
};
