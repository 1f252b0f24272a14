import { randomUUID } from 'node:crypto';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { sql } from '@kechuang/db';
import type { JobProgress } from '../jobs/index.ts';
import { yieldTurn } from '../yield-turn.ts';

/*
 * The staging rows of a large plan import (plan_import_staging, 0027). A job writes its rows here in short
 * chunks, each its own statement, and lets the event loop turn in between: on the embedded database, which runs
 * on the server's HTTP thread, the requests that arrived meanwhile get their turn. Nobody reads this table but the
 * run that wrote it; its last short transaction moves or applies the rows and deletes them.
 */

type Db = Kysely<DB> | Transaction<DB>;
export type StagedEntity = 'node' | 'target' | 'node_change' | 'target_change' | 'upload';

/** Rows per staged statement: a few milliseconds each on the embedded database. */
export const stagingChunk = 250;

export const newRunKey = () => randomUUID();

export const chunksOf = (n: number) => Math.ceil(n / stagingChunk);

/**
 * Writes `rows` under (runKey, entity) in chunks (`perStatement` rows each), reporting `step()` after each; `seq`
 * is the row's index, so the last transaction reads them back in this order.
 */
export async function stageRows(
  db: Db,
  runKey: string,
  entity: StagedEntity,
  rows: readonly unknown[],
  step: () => Promise<void>,
  perStatement = stagingChunk,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    await db
      .insertInto('plan_import_staging')
      .values(rows.slice(i, i + perStatement).map((data, k) => ({ run_key: runKey, entity, seq: i + k, data: JSON.stringify(data) })))
      .execute();
    await step();
    await yieldTurn();
  }
}

/** A progress step counter over `total` steps (reported as done after each). */
export function stepper(progress: JobProgress, total: number) {
  let done = 0;
  return {
    start: () => progress(0, total),
    next: () => progress(++done),
  };
}

/** Removes a run's rows (its end, or its failure). */
export async function dropRun(db: Db, runKey: string): Promise<void> {
  await db.deleteFrom('plan_import_staging').where('run_key', '=', runKey).execute();
}

/** Drops the rows of runs whose process died (a day old): nothing else would. */
export async function sweepStaging(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('plan_import_staging')
    .where('created_at', '<', new Date(now.getTime() - 24 * 3600 * 1000))
    .execute();
}

/**
 * `n` ids taken now from a table's own identity sequence, in ascending order (the rows get them at the end), a
 * chunk at a time: a sequence step is a write of its own, and thousands of them in one statement hold the thread.
 */
export async function takeIds(db: Db, table: 'plan_node', n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += stagingChunk) {
    const { rows } = await sql<{ id: string | number }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id
      from generate_series(1, ${Math.min(stagingChunk, n - i)}::int)`.execute(db);
    out.push(...rows.map((r) => Number(r.id)).sort((a, b) => a - b));
    await yieldTurn();
  }
  return out;
}

/** An uploaded file kept for the job that reads it. */
export async function stageUpload(db: Db, runKey: string, bytes: Uint8Array): Promise<void> {
  await db.insertInto('plan_import_staging').values({ run_key: runKey, entity: 'upload', seq: 0, bytes }).execute();
}

export async function readUpload(db: Db, runKey: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('plan_import_staging')
    .select('bytes')
    .where('run_key', '=', runKey)
    .where('entity', '=', 'upload')
    .executeTakeFirst();
  return row?.bytes ? new Uint8Array(row.bytes) : null;
}
