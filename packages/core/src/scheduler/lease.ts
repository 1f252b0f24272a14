import type { DB, Kysely } from '@kechuang/db';

/**
 * The scheduler's bookkeeping in `scheduler_job`: one row per job, a lease (`locked_until`, `locked_by`)
 * so that of several server processes only one runs a job at a time, and `last_run_at` so a job runs
 * once per interval across all of them and across restarts.
 */
export interface LeaseRequest {
  job: string;
  /** who takes the lease: host, process and a random suffix */
  owner: string;
  now: Date;
  /** the job ran less than this long ago: not due yet (0: always due) */
  intervalMs: number;
  /** how long the lease holds if its owner dies mid-run */
  leaseMs: number;
}

/**
 * Takes the job's lease if it is free (never taken, or expired) and the job is due. One atomic
 * `update … where`: of two processes racing, exactly one gets the row back.
 */
export async function acquireLease(db: Kysely<DB>, r: LeaseRequest): Promise<boolean> {
  await db
    .insertInto('scheduler_job')
    .values({ job: r.job })
    .onConflict((oc) => oc.column('job').doNothing())
    .execute();
  const dueBefore = new Date(r.now.getTime() - r.intervalMs);
  const until = new Date(r.now.getTime() + r.leaseMs);
  const row = await db
    .updateTable('scheduler_job')
    .set({ locked_until: until, locked_by: r.owner })
    .where('job', '=', r.job)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', r.now)]))
    .where((eb) => eb.or([eb('last_run_at', 'is', null), eb('last_run_at', '<=', dueBefore)]))
    .returning('job')
    .executeTakeFirst();
  return row !== undefined;
}

/** Records the run and frees the lease, if this owner still holds it. */
export async function releaseLease(db: Kysely<DB>, job: string, owner: string, now: Date, result: unknown): Promise<void> {
  await db
    .updateTable('scheduler_job')
    .set({ last_run_at: now, last_result: JSON.stringify(result ?? null), locked_until: null, locked_by: null })
    .where('job', '=', job)
    .where('locked_by', '=', owner)
    .execute();
}

export interface JobState {
  job: string;
  lastRunAt: Date | null;
  lastResult: unknown;
  lockedUntil: Date | null;
  lockedBy: string | null;
}

export async function jobStates(db: Kysely<DB>): Promise<JobState[]> {
  const rows = await db.selectFrom('scheduler_job').selectAll().orderBy('job').execute();
  return rows.map((r) => ({
    job: r.job,
    lastRunAt: r.last_run_at,
    lastResult: r.last_result,
    lockedUntil: r.locked_until,
    lockedBy: r.locked_by,
  }));
}
