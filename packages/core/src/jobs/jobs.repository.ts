import { errorCatalog, type TJob, type TJobKind, type TJobStatus } from '@kechuang/contracts';
import type { DB, Kysely } from '@kechuang/db';
import { sql } from '@kechuang/db';
import type { Selectable } from 'kysely';

/** The job table's bookkeeping: claim, lease, progress and outcome (no audit: the work a job does is audited by the job). */
export type JobRow = Selectable<DB['job']>;
type Db = Kysely<DB>;

export function toJob(r: JobRow): TJob {
  return {
    id: r.id,
    kind: r.kind as TJobKind,
    status: r.status as TJobStatus,
    progress: { done: r.progress_done, total: r.progress_total },
    result: r.result ?? null,
    resultFileKey: r.result_file_key,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    regionCode: r.region_code,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at ? r.started_at.toISOString() : null,
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

export async function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface Claim {
  owner: string;
  kinds: readonly string[];
  now: Date;
  leaseMs: number;
}

/**
 * Takes the oldest job this process can run: queued, or running under a lease that ran out (its process
 * died). One statement; `for update skip locked` lets several processes claim side by side, each its own.
 */
export async function claimJob(db: Db, c: Claim): Promise<JobRow | undefined> {
  const until = new Date(c.now.getTime() + c.leaseMs);
  const { rows } = await sql<JobRow>`update job set status = 'running', locked_by = ${c.owner}, locked_until = ${until},
      attempts = attempts + 1, started_at = coalesce(started_at, ${c.now}), updated_at = ${c.now}
    where id = (
      select id from job
      where kind = any(${sql.val([...c.kinds])}::text[])
        and (status = 'queued' or (status = 'running' and locked_until < ${c.now}))
      order by id
      limit 1
      for update skip locked
    )
    returning *`.execute(db);
  return rows[0];
}

/** Records progress and renews the lease; false when this process no longer holds the job. */
export async function recordProgress(db: Db, id: number, owner: string, p: { done?: number; total?: number; now: Date; leaseMs: number }) {
  const res = await db
    .updateTable('job')
    .set({
      ...(p.done === undefined ? {} : { progress_done: p.done }),
      ...(p.total === undefined ? {} : { progress_total: p.total }),
      locked_until: new Date(p.now.getTime() + p.leaseMs),
      updated_at: p.now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export type Outcome =
  | { status: 'succeeded'; result: unknown; fileKey?: string | null }
  | { status: 'failed'; code: keyof typeof errorCatalog | string; message?: string };

/** The job's end, written only by the process that holds it. */
export async function finishJob(db: Db, id: number, owner: string | null, now: Date, o: Outcome): Promise<void> {
  let q = db
    .updateTable('job')
    .set(
      o.status === 'succeeded'
        ? {
            status: 'succeeded',
            result: JSON.stringify(o.result ?? null),
            result_file_key: o.fileKey ?? null,
            progress_done: sql<number>`coalesce(progress_total, progress_done)`,
          }
        : {
            status: 'failed',
            error_code: o.code,
            error_message: o.message ?? (errorCatalog as Record<string, { zh: string }>)[o.code]?.zh ?? o.code,
          },
    )
    .set({ finished_at: now, updated_at: now, locked_by: null, locked_until: null })
    .where('id', '=', id);
  if (owner !== null) q = q.where('locked_by', '=', owner);
  await q.execute();
}
