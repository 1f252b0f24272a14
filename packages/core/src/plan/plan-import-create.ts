import {
  AppError,
  planImportJobs,
  type TJob,
  type TPlanCreate,
  type TPlanCreateJobResult,
  type TPlanDetail,
  ZPlanCreate,
} from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { enqueueJob, type JobHandler, type JobProgress } from '../jobs/index.ts';
import { findRegion } from '../region/region.repository.ts';
import { checkPlanCreate, createPlan, nodeRow, planCreatedAudit, planRow, targetRow } from './create-plan.ts';
import { selectPlans, toPlanSummary } from './plan.repository.ts';
import { chunksOf, dropRun, newRunKey, stageRows, stepper, sweepStaging, takeIds } from './plan-import-staging.ts';

interface PlanCreateParams {
  input: TPlanCreate;
}

/** Nodes and targets beyond which the confirm step runs as a job. */
export const isLargePlan = (input: TPlanCreate) => input.nodes.length + input.targets.length > planImportJobs.rows;

/**
 * The importer's confirm step: a small plan is created at once (createPlan); a large one is checked now (who may,
 * the region, the tree) and created by a job (planCreateJob), answered at once with the job.
 */
export async function createPlanOrJob(ctx: Ctx, input: TPlanCreate): Promise<{ plan: TPlanDetail } | { job: TJob }> {
  if (!isLargePlan(input)) return { plan: await createPlan(ctx, input) };
  return { job: await startPlanCreate(ctx, input) };
}

export async function startPlanCreate(ctx: Ctx, input: TPlanCreate): Promise<TJob> {
  checkPlanCreate(ctx, input);
  if (!(await findRegion(ctx.db, input.regionCode))) throw new AppError('region/not_found', { code: input.regionCode });
  return enqueueJob(ctx, {
    kind: 'plan.create',
    params: { input } satisfies PlanCreateParams,
    regionCode: input.regionCode,
    audit: {
      action: 'plan.create_request',
      entityType: 'plan',
      entityId: null,
      after: {
        title: input.title,
        year: input.year,
        nodes: input.nodes.length,
        targets: input.targets.length,
        source: input.sourceFilename,
      },
    },
  });
}

/**
 * Creates the plan as createPlan does, in chunks: the plan's and its nodes' ids are taken from their sequences
 * first (so children can name their parents; the plan's comes with its row), the rows are staged a chunk at a time where nobody reads them, and
 * one short transaction at the end inserts the plan, moves the nodes and targets over (set-wise) and writes the audit
 * row; the staged rows are deleted after it.
 * Until then no list, page or count sees the plan; a failure removes the staged rows and leaves nothing.
 */
export async function createPlanInChunks(ctx: Ctx, input: TPlanCreate, progress: JobProgress): Promise<TPlanCreateJobResult> {
  const { actor, ordered } = checkPlanCreate(ctx, input);
  if (!(await findRegion(ctx.db, input.regionCode))) throw new AppError('region/not_found', { code: input.regionCode });
  await sweepStaging(ctx.db, ctx.now());
  const steps = stepper(progress, 1 + chunksOf(ordered.length) + chunksOf(input.targets.length) + 1);
  await steps.start();
  const runKey = newRunKey();
  try {
    // the plan's own id comes with its row at the end; the staged rows name it there
    const notYet = 0;
    const nodeIds = await takeIds(ctx.db, 'plan_node', ordered.length);
    const ids = new Map(ordered.map((n, i) => [n.key, nodeIds[i] as number]));
    await steps.next();
    await stageRows(
      ctx.db,
      runKey,
      'node',
      ordered.map((n, position) => ({ id: ids.get(n.key), ...nodeRow(notYet, position, n, ids) })),
      steps.next,
    );
    await stageRows(
      ctx.db,
      runKey,
      'target',
      input.targets.map((t) => targetRow(notYet, t, ids)),
      steps.next,
    );
    const plan = await withAudit(ctx, async (tx, record) => {
      const { id: planId } = await tx
        .insertInto('plan')
        .values(planRow(ctx, actor, input))
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`insert into plan_node (id, plan_id, parent_id, position, kind, number, title, start_offset, end_offset, lead_units, co_units, deadline)
        overriding system value
        select p.id, ${planId}::int, p.parent_id, p.position, p.kind, p.number, p.title, p.start_offset, p.end_offset, p.lead_units, p.co_units, p.deadline
        from plan_import_staging s cross join lateral jsonb_populate_record(null::plan_node, s.data) p
        where s.run_key = ${runKey} and s.entity = 'node' order by s.seq`.execute(tx);
      await sql`insert into plan_target (plan_id, node_id, indicator_name, indicator_code, value, value_max, unit, normalized_value, normalized_unit,
          comparator, qualifier, kind, target_year, quote, start_offset, end_offset, baseline)
        select ${planId}::int, p.node_id, p.indicator_name, p.indicator_code, p.value, p.value_max, p.unit, p.normalized_value, p.normalized_unit,
          p.comparator, p.qualifier, p.kind, p.target_year, p.quote, p.start_offset, p.end_offset, p.baseline
        from plan_import_staging s cross join lateral jsonb_populate_record(null::plan_target, s.data) p
        where s.run_key = ${runKey} and s.entity = 'target' order by s.seq`.execute(tx);
      const summary = toPlanSummary(await selectPlans(tx).where('p.id', '=', planId).executeTakeFirstOrThrow());
      record(planCreatedAudit(input, summary));
      return summary;
    });
    await steps.next();
    return { plan };
  } finally {
    // the staged rows, once moved or after a failure (a process that dies here leaves them to sweepStaging)
    await dropRun(ctx.db, runKey).catch(() => undefined);
  }
}

/** The job: the plan createPlan would create, made in chunks; the result names it ({ plan: its summary }). */
export const planCreateJob: JobHandler<PlanCreateParams> = {
  kind: 'plan.create',
  async run(ctx, params, progress) {
    const input = ZPlanCreate.parse(params.input);
    return { result: await createPlanInChunks(ctx, input, progress) };
  },
};
