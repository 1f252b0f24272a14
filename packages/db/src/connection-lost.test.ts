import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from './open.ts';
import { testDatabaseUrl } from './testing.ts';

const url = testDatabaseUrl();

describe('a PostgreSQL connection lost while idle in the pool', () => {
  // PostgreSQL restarted, failed over or an administrator ended the session: the process keeps serving
  it.skipIf(!url)('is dropped and reported, and the next query opens a new one', async () => {
    const lost: Error[] = [];
    const database = await openDb({ databaseUrl: url, migrate: false, poolSize: 2, onConnectionLost: (e) => lost.push(e) });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // two statements at once hold both connections; both are idle in the pool afterwards
      const pids = await Promise.all(
        [0, 1].map(async () => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(database.db);
          return rows[0]?.pid as number;
        }),
      );
      expect(new Set(pids).size).toBe(2);
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
      await vi.waitFor(() => expect(lost.length).toBe(2), { timeout: 10_000 });
      expect(lost[0]?.message).toMatch(/terminat/);
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      expect(pids).not.toContain(rows[0]?.pid);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
