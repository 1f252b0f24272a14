import { type TJob, type TRunCreate, type TRunJobResult, ZRunCreate, ZRunSummary } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { requireIndicatorWriter } from './indicator.policy.ts';
import { createRun, runSteps } from './runs.ts';
import { findScheme } from './schemes.ts';

interface RunJobParams {
  schemeId: number;
  input: TRunCreate;
}

/**
 * Asks for an evaluation run off the request path: who may run the scheme is checked now (a writer whose
 * region holds the scheme), the run's settings are fixed now, and the job is queued (evaluationRunJob).
 */
export async function startEvaluationRun(ctx: Ctx, schemeId: number, input: TRunCreate): Promise<TJob> {
  requireIndicatorWriter(ctx);
  const scheme = await findScheme(ctx, ctx.db, schemeId);
  const params: RunJobParams = { schemeId, input: ZRunCreate.parse(input) };
  return enqueueJob(ctx, {
    kind: 'indicator.evaluation_run',
    params,
    regionCode: scheme.parentRegionCode,
    audit: { action: 'indicator.evaluation.run_request', entityType: 'evaluation_scheme', entityId: schemeId, after: { ...params.input } },
  });
}

/**
 * The job: the same run as createRun stores (checked again as the job's creator), its steps as progress;
 * the result names the stored run ({ run: its summary }, the full run at GET /indicators/evaluation-runs/:id).
 */
export const evaluationRunJob: JobHandler<RunJobParams> = {
  kind: 'indicator.evaluation_run',
  async run(ctx, params, progress) {
    await progress(0, runSteps);
    const input = ZRunCreate.parse(params.input);
    const run = await createRun(ctx, params.schemeId, input, (done) => progress(done));
    const result: TRunJobResult = { run: ZRunSummary.parse(run) };
    return { result };
  },
};
