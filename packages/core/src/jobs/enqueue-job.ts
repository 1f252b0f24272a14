import { AppError, type TJob, type TJobKind } from '@kechuang/contracts';
import { type AuditInput, withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { jobQueueFor } from './job-queue.ts';
import { requireJobReader } from './jobs.policy.ts';
import { findJob, toJob } from './jobs.repository.ts';

export interface EnqueueInput {
  kind: TJobKind;
  params: unknown;
  /** the scope the job works in: same-scope planners may follow it */
  regionCode: string;
  orgId?: number | null;
  /** what the request asked for, in the audit trail (the job's own work is audited when it runs) */
  audit: Omit<AuditInput, 'regionCode'>;
}

/**
 * Queues a job for the signed-in user (callers check that they may ask for it) and wakes this process's
 * queue; answers at once with the queued job. One transaction with its audit row.
 */
export async function enqueueJob(ctx: Ctx, input: EnqueueInput): Promise<TJob> {
  const actor = requireActor(ctx);
  const job = await withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('job')
      .values({
        kind: input.kind,
        params: JSON.stringify(input.params ?? {}),
        created_by: actor.userId,
        region_code: input.regionCode,
        org_id: input.orgId ?? actor.orgId,
        created_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({ ...input.audit, regionCode: input.regionCode, after: { ...(input.audit.after as object), jobId: row.id, kind: input.kind } });
    return row;
  });
  jobQueueFor(ctx.db)?.kick();
  return toJob(job);
}

/** A job's state, progress and outcome, for its creator and same-scope planners. */
export async function getJob(ctx: Ctx, id: number): Promise<TJob> {
  requireActor(ctx);
  const row = await findJob(ctx.db, id);
  if (!row) throw new AppError('job/not_found', { id });
  requireJobReader(ctx, row);
  return toJob(row);
}
