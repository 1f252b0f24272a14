import { bureauDate } from '@kechuang/core';
import { openDb } from '@kechuang/db';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, startServer, stopServer } from './cli-testing.ts';
import { createPlanFixture } from './plan-fixture.ts';

const usePg = Boolean(process.env.DATABASE_URL);

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

describe('reminders with two server processes', () => {
  it.skipIf(!usePg)(
    'sends every reminder once while both schedulers tick on one PostgreSQL database',
    async () => {
      const pgdb = await freshPgDatabase('kc_rem');
      const env = { DATABASE_URL: pgdb.url, KECHUANG_SCHEDULER_INTERVAL: '1' };
      const a = await startServer(['serve', '--port', '18451', '--quiet', '--demo', '--demo-password', 'Remind2026x'], env);
      const conn = await openDb({ databaseUrl: pgdb.url, migrate: false });
      let b: Awaited<ReturnType<typeof startServer>> | null = null;
      try {
        const db = conn.db;
        // one task reporting on custom dates around today: one overdue report and one due in two days
        const today = bureauDate(new Date());
        const f = await createPlanFixture(db, { title: '双进程提醒计划' });
        await db
          .updateTable('plan')
          .set({ year: Number(today.slice(0, 4)) })
          .where('id', '=', f.planId)
          .execute();
        await db
          .updateTable('plan_node')
          .set({ cycle: 'custom', custom_due_dates: [addDays(today, -10), addDays(today, 2)], start_date: null, due_date: null })
          .where('id', '=', f.monthly)
          .execute();
        await db.updateTable('plan_node').set({ cycle: 'none' }).where('id', '=', f.quarterly).execute();
        b = await startServer(['serve', '--port', '18452', '--quiet'], env);

        // 2 units × (due soon + overdue) to their reporters, and one digest to the city planner (the demo's own plan aside)
        const count = async () =>
          Number(
            (
              await db
                .selectFrom('notification')
                .select((e) => e.fn.countAll().as('n'))
                .where('plan_id', '=', f.planId)
                .executeTakeFirstOrThrow()
            ).n,
          );
        const deadline = Date.now() + 30_000;
        while ((await count()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
        // several more ticks of both processes
        await new Promise((r) => setTimeout(r, 3500));
        const rows = await db.selectFrom('notification').select(['dedupe_key', 'kind']).where('plan_id', '=', f.planId).execute();
        expect(rows).toHaveLength(5);
        expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(5);
        expect(rows.filter((r) => r.kind === 'reminder.overdue_digest')).toHaveLength(1);
        const job = await db.selectFrom('scheduler_job').selectAll().where('job', '=', 'plan.reminders').executeTakeFirstOrThrow();
        expect(job.last_run_at).not.toBeNull();
        expect(job.last_result).toMatchObject({ today, sent: 0 });
      } finally {
        if (b) await stopServer(b.child);
        await stopServer(a.child);
        await conn.close();
        await pgdb.drop();
      }
    },
    180_000,
  );
});
