import { AppError, planImportJobs, type TJob, type TPlanXlsxImportResult } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { enqueueJob, type JobHandler, type JobProgress } from '../jobs/index.ts';
import { chunksOf, dropRun, newRunKey, readUpload, stageRows, stageUpload, stepper, sweepStaging } from '../plan/plan-import-staging.ts';
import { yieldTurn } from '../yield-turn.ts';
import { requirePlanManager } from './exec.policy.ts';
import { findPlan, loadPlanExec } from './exec.repository.ts';
import { checkedResult, checkPlanXlsx, importPlanXlsx, xlsxImportAudit, xlsxRevisionReason } from './plan-xlsx-import.ts';

interface XlsxImportParams {
  planId: number;
  dryRun: boolean;
  /** the staged upload (plan_import_staging, entity 'upload') */
  uploadKey: string;
}

/**
 * The .xlsx import of a plan: a small upload is checked (and applied) at once (importPlanXlsx); a large one is
 * kept for a job (planXlsxImportJob) once the user is known to manage the plan, and answered at once with the job.
 */
export async function importPlanXlsxOrJob(
  ctx: Ctx,
  planId: number,
  input: { bytes: Uint8Array; dryRun: boolean },
): Promise<{ result: TPlanXlsxImportResult } | { job: TJob }> {
  if (input.bytes.byteLength <= planImportJobs.xlsxBytes) return { result: await importPlanXlsx(ctx, planId, input) };
  return { job: await startPlanXlsxImport(ctx, planId, input) };
}

export async function startPlanXlsxImport(ctx: Ctx, planId: number, input: { bytes: Uint8Array; dryRun: boolean }): Promise<TJob> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanManager(ctx, plan);
  const uploadKey = newRunKey();
  await stageUpload(ctx.db, uploadKey, input.bytes);
  try {
    return await enqueueJob(ctx, {
      kind: 'plan.xlsx_import',
      params: { planId, dryRun: input.dryRun, uploadKey } satisfies XlsxImportParams,
      regionCode: plan.region_code,
      audit: {
        action: 'plan.xlsx_import_request',
        entityType: 'plan',
        entityId: planId,
        after: { dryRun: input.dryRun, bytes: input.bytes.byteLength },
      },
    });
  } catch (e) {
    await dropRun(ctx.db, uploadKey).catch(() => undefined);
    throw e;
  }
}

/**
 * The import as importPlanXlsx does it, for a large upload: every row is checked first (the event loop turning
 * every few hundred rows); the changes are then staged in chunks where nobody reads them, and one short
 * transaction applies them set-wise, with the version check, the revision, the timeline entries and the audit row.
 *
 * What readers see meanwhile: the plan as it was, until that last transaction commits, then every change at once —
 * never a plan half imported. A change to the plan in between (its version moves on) makes the import fail as
 * plan/xlsx_stale, as the one-transaction path would; a failure removes the staged rows and writes nothing.
 */
export async function importPlanXlsxInChunks(
  ctx: Ctx,
  planId: number,
  input: { bytes: Uint8Array; dryRun: boolean },
  progress: JobProgress,
): Promise<TPlanXlsxImportResult> {
  const plan = await findPlan(ctx.db, planId);
  const actor = requirePlanManager(ctx, plan);
  await progress(0);
  const checked = await checkPlanXlsx(ctx, plan, input.bytes);
  const { result, done } = checkedResult(checked, input.dryRun);
  const { meta, nodeChanges, targetChanges } = checked;
  const steps = stepper(progress, 1 + chunksOf(nodeChanges.length) + chunksOf(targetChanges.length) + 1);
  await steps.start();
  await steps.next();
  if (done) return result;
  await sweepStaging(ctx.db, ctx.now());
  const runKey = newRunKey();
  try {
    const nodeRows = nodeChanges.map((c) => ({ id: c.id, set: c.set, fields: Object.keys(c.set) }));
    await stageRows(ctx.db, runKey, 'node_change', nodeRows, steps.next);
    await stageRows(
      ctx.db,
      runKey,
      'target_change',
      targetChanges.map((c) => ({ id: c.id, set: c.set })),
      steps.next,
    );
    // the version replaced, kept as its revision: taken before the last transaction (which checks the version
    // is still the one read), and again inside it only if the plan's assignments moved on since
    const { assignment_version: assignmentVersion } = await findPlan(ctx.db, planId);
    const snapshot = JSON.stringify(await loadPlanExec(ctx.db, planId));
    await yieldTurn();
    const applied = await withAudit(ctx, async (tx, record) => {
      const at = ctx.now();
      const bumped = await tx
        .updateTable('plan')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', planId)
        .where('version', '=', meta.version)
        .returning(['version', 'assignment_version'])
        .executeTakeFirst();
      if (!bumped) throw new AppError('plan/xlsx_stale', { fileVersion: meta.version });
      await tx
        .insertInto('plan_revision')
        .values({
          plan_id: planId,
          version: meta.version,
          snapshot: bumped.assignment_version === assignmentVersion ? snapshot : JSON.stringify(await loadPlanExec(tx, planId)),
          reason: xlsxRevisionReason(checked),
          changed_by: actor.userId,
          changed_at: at,
        })
        .execute();
      // each change names only the fields it sets: jsonb_populate_record keeps the row's own value for the rest
      await sql`update plan_node n
        set (title, leader, start_date, due_date, cycle, cycle_due_day, custom_due_dates, weight) =
            (select p.title, p.leader, p.start_date, p.due_date, p.cycle, p.cycle_due_day, p.custom_due_dates, p.weight
             from jsonb_populate_record(n, s.data->'set') p),
            version = n.version + 1
        from plan_import_staging s
        where s.run_key = ${runKey} and s.entity = 'node_change' and n.id = (s.data->>'id')::int and n.plan_id = ${planId}`.execute(tx);
      await sql`insert into task_event (plan_id, node_id, at, actor_user_id, actor_name, kind, detail)
        select ${planId}::int, (s.data->>'id')::int, ${at}::timestamptz, ${actor.userId}::int, ${actor.username}::text, 'edit',
               jsonb_build_object('via', 'xlsx', 'fields', s.data->'fields', 'version', ${bumped.version}::int)
        from plan_import_staging s
        where s.run_key = ${runKey} and s.entity = 'node_change' order by s.seq`.execute(tx);
      await sql`update plan_target t
        set (indicator_name, value, value_max, unit, target_year, normalized_value, normalized_unit) =
            (select p.indicator_name, p.value, p.value_max, p.unit, p.target_year, p.normalized_value, p.normalized_unit
             from jsonb_populate_record(t, s.data->'set') p)
        from plan_import_staging s
        where s.run_key = ${runKey} and s.entity = 'target_change' and t.id = (s.data->>'id')::int and t.plan_id = ${planId}`.execute(tx);
      record(xlsxImportAudit(plan, checked, bumped.version));
      return { ...result, applied: true, version: bumped.version };
    });
    await steps.next();
    return applied;
  } finally {
    // the staged rows, once applied or after a failure (a process that dies here leaves them to sweepStaging)
    await dropRun(ctx.db, runKey).catch(() => undefined);
  }
}

/** The job: the staged upload imported (or only checked, on a dry run); the result is the import's answer. */
export const planXlsxImportJob: JobHandler<XlsxImportParams> = {
  kind: 'plan.xlsx_import',
  async run(ctx, params, progress) {
    try {
      const bytes = await readUpload(ctx.db, params.uploadKey);
      if (!bytes) throw new AppError('plan/xlsx_invalid_file', { reason: 'upload gone' });
      return { result: await importPlanXlsxInChunks(ctx, params.planId, { bytes, dryRun: params.dryRun }, progress) };
    } finally {
      // the job has ended (a process that dies here leaves the upload for the job's next attempt)
      await dropRun(ctx.db, params.uploadKey).catch(() => undefined);
    }
  },
};
