import { type Ctx, loadReminderRule, noCache, pendingReminders, runReminders, Scheduler } from '@kechuang/core';
import type { DB, Kysely } from '@kechuang/db';
import { secondConnection } from '@kechuang/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schedulerIntervalMs } from './commands/scheduler.ts';
import { createPlanFixture, type PlanFixture, submitReportRow } from './plan-fixture.ts';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let f: PlanFixture;
let second: Kysely<DB> | null = null;

// 2026-04-03 10:00 in 衡阳: the March report (due 04-05) and Q1 report (due 04-05) are due soon, February's is overdue
const april3 = new Date('2026-04-03T02:00:00Z');
const ctxAt = (now: Date, db: Kysely<DB> = t.database.db): Ctx => ({
  db,
  actor: null,
  ip: null,
  now: () => now,
  cache: noCache,
  via: 'test',
});
const rule = { dueSoonDays: 3, plannerDigest: true };

/** A second, separate connection pool to the same schema (PostgreSQL); PGlite has one connection. */
async function secondDb(): Promise<Kysely<DB>> {
  if (!second) second = await secondConnection(t.database);
  return second;
}

async function notifications() {
  return t.database.db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.kind', 'n.node_id', 'n.dedupe_key', 'n.title'])
    .orderBy('n.id')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  if (second && second !== t.database.db) await second.destroy();
  await t?.close();
});
beforeEach(async () => {
  await t.database.db.deleteFrom('notification').execute();
  await t.database.db.deleteFrom('scheduler_job').execute();
  await t.database.db.deleteFrom('progress_report').execute();
  await t.database.db.deleteFrom('plan').execute();
  f = await createPlanFixture(t.database.db);
});

describe('reminders', () => {
  it('computes due-soon and overdue slots for a given day', async () => {
    const list = await pendingReminders(t.database.db, '2026-04-03', rule);
    const seen = list.map(
      (r) =>
        `${r.kind} ${r.nodeId === f.monthly ? 'monthly' : 'quarterly'} ${r.orgId === f.leiyang ? 'leiyang' : 'hengnan'} ${r.slot.period} ${r.daysLeft}`,
    );
    expect(seen.sort()).toEqual([
      'due_soon monthly hengnan 2026-03 2',
      'due_soon monthly leiyang 2026-03 2',
      'due_soon quarterly hengnan 2026Q1 2',
      'overdue monthly hengnan 2026-02 -29',
      'overdue monthly leiyang 2026-02 -29',
    ]);
    // four days before: nothing is due soon yet, February is overdue
    expect((await pendingReminders(t.database.db, '2026-04-01', rule)).filter((r) => r.kind === 'due_soon')).toEqual([]);
    // a draft plan sends nothing
    await t.database.db.updateTable('plan').set({ status: 'draft' }).where('id', '=', f.planId).execute();
    expect(await pendingReminders(t.database.db, '2026-04-03', rule)).toEqual([]);
  });

  it('sends each reminder once to the units’ reporters and a digest to the planners, even when run twice', async () => {
    const first = await runReminders(ctxAt(april3), { rule });
    expect(first).toMatchObject({ today: '2026-04-03', dueSoon: 3, overdue: 2, sent: 6 });
    const rows = await notifications();
    const by = (u: string) => rows.filter((r) => r.username === u).map((r) => r.kind);
    expect(by('reporter.leiyang').sort()).toEqual(['reminder.due_soon', 'reminder.overdue']);
    expect(by('reporter.hengnan').sort()).toEqual(['reminder.due_soon', 'reminder.due_soon', 'reminder.overdue']);
    expect(by('planner')).toEqual(['reminder.overdue_digest']);
    expect(by('planner.changsha')).toEqual([]);
    expect(rows.find((r) => r.username === 'reporter.leiyang' && r.kind === 'reminder.due_soon')?.dedupe_key).toMatch(
      new RegExp(`^reminder:due_soon:${f.monthly}:${f.leiyang}:2026-03:\\d+$`),
    );
    expect(rows.find((r) => r.kind === 'reminder.overdue')?.title).toContain('逾期未报');

    const again = await runReminders(ctxAt(new Date(april3.getTime() + 3_600_000)), { rule });
    expect(again.sent).toBe(0);
    expect(await notifications()).toHaveLength(6);
    const audits = await t.database.db.selectFrom('audit_log').select('after').where('action', '=', 'notification.remind').execute();
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });

  it('sends nothing for a slot once its report is submitted', async () => {
    await submitReportRow(t.database.db, {
      planId: f.planId,
      nodeId: f.monthly,
      orgId: f.leiyang,
      period: '2026-03',
      periodEnd: '2026-03-31',
      dueDate: '2026-04-05',
    });
    await runReminders(ctxAt(april3), { rule });
    const leiyang = (await notifications()).filter((r) => r.username === 'reporter.leiyang');
    expect(leiyang.map((r) => r.kind)).toEqual(['reminder.overdue']);
    expect(leiyang[0]?.dedupe_key).toContain(':2026-02:');
  });

  it('sends once when two runners race on separate connections', async () => {
    const other = await secondDb();
    const results = await Promise.all([runReminders(ctxAt(april3), { rule }), runReminders(ctxAt(april3, other), { rule })]);
    expect(results[0].sent + results[1].sent).toBe(6);
    const rows = await notifications();
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(6);
  });

  it('sends the next day’s digest again, but not the reporters’ reminders', async () => {
    await runReminders(ctxAt(april3), { rule });
    const next = await runReminders(ctxAt(new Date('2026-04-04T02:00:00Z')), { rule });
    expect(next.sent).toBe(1);
    expect((await notifications()).filter((r) => r.kind === 'reminder.overdue_digest')).toHaveLength(2);
  });
});

describe('scheduler', () => {
  const job = (runs: string[], name = 'test.job') => ({
    name,
    intervalMs: 60_000,
    run: async (ctx: Ctx) => {
      runs.push(ctx.via ?? '');
      await new Promise((r) => setTimeout(r, 20));
      return { ok: true };
    },
  });

  it('runs a job on one of two concurrent schedulers only, once per interval, and records the run', async () => {
    const runs: string[] = [];
    let now = april3;
    const other = await secondDb();
    const a = new Scheduler({ ctx: () => ctxAt(now), jobs: [job(runs)], owner: 'a' });
    const b = new Scheduler({ ctx: () => ctxAt(now, other), jobs: [job(runs)], owner: 'b' });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect([ra[0]?.ran, rb[0]?.ran].filter(Boolean)).toHaveLength(1);
    expect(runs).toHaveLength(1);
    // within the interval: nobody runs it again
    now = new Date(april3.getTime() + 30_000);
    expect((await b.tick())[0]?.ran).toBe(false);
    // after it: it runs again
    now = new Date(april3.getTime() + 61_000);
    expect((await b.tick())[0]?.ran).toBe(true);
    const row = await t.database.db.selectFrom('scheduler_job').selectAll().where('job', '=', 'test.job').executeTakeFirstOrThrow();
    expect(row.last_run_at?.toISOString()).toBe(now.toISOString());
    expect(row.last_result).toEqual({ ok: true });
    expect(row.locked_by).toBeNull();
  });

  it('does not run a job whose lease another process holds, and takes over an expired lease', async () => {
    const runs: string[] = [];
    await t.database.db
      .insertInto('scheduler_job')
      .values({ job: 'test.job', locked_by: 'dead-process', locked_until: new Date(april3.getTime() + 5 * 60_000) })
      .execute();
    let now = april3;
    const s = new Scheduler({ ctx: () => ctxAt(now), jobs: [job(runs)], owner: 'alive' });
    expect((await s.tick())[0]?.ran).toBe(false);
    now = new Date(april3.getTime() + 6 * 60_000);
    expect((await s.tick())[0]).toMatchObject({ ran: true, result: { ok: true } });
    expect(runs).toEqual(['scheduler:test.job']);
  });

  it('records a failing job’s error and frees its lease', async () => {
    const s = new Scheduler({
      ctx: () => ctxAt(april3),
      jobs: [
        {
          name: 'test.fail',
          intervalMs: 1000,
          run: async () => {
            throw new Error('boom');
          },
        },
      ],
    });
    expect((await s.tick())[0]).toMatchObject({ ran: true, error: 'boom' });
    const row = await t.database.db.selectFrom('scheduler_job').selectAll().where('job', '=', 'test.fail').executeTakeFirstOrThrow();
    expect(row.last_result).toEqual({ error: 'boom' });
    expect(row.locked_until).toBeNull();
  });

  it('runs the reminder job from the scheduler: state in the database survives a restart', async () => {
    const { reminderJob } = await import('@kechuang/core');
    const first = new Scheduler({ ctx: () => ctxAt(april3), jobs: [reminderJob(60_000)] });
    expect((await first.tick())[0]).toMatchObject({ ran: true, result: { sent: 6 } });
    // a "restarted" process a few seconds later: the job is not due yet
    const restarted = new Scheduler({ ctx: () => ctxAt(new Date(april3.getTime() + 5000)), jobs: [reminderJob(60_000)] });
    expect((await restarted.tick())[0]?.ran).toBe(false);
    expect(await notifications()).toHaveLength(6);
  });
});

describe('settings', () => {
  it('reads the reminder rule from the settings row, ignoring bad values', async () => {
    expect(await loadReminderRule(t.database.db)).toEqual({ dueSoonDays: 3, plannerDigest: true });
    await t.database.db
      .insertInto('setting')
      .values({ key: 'plan.reminders', value: JSON.stringify({ dueSoonDays: 5, plannerDigest: false }) })
      .execute();
    expect(await loadReminderRule(t.database.db)).toEqual({ dueSoonDays: 5, plannerDigest: false });
    // five days ahead, 2026-03-31 is already "due soon" for the April 5 reports, and planners get no digest
    const r = await runReminders(ctxAt(new Date('2026-03-31T02:00:00Z')));
    expect(r.dueSoon).toBe(3);
    expect((await notifications()).filter((n) => n.username === 'planner')).toEqual([]);
    await t.database.db
      .updateTable('setting')
      .set({ value: JSON.stringify({ dueSoonDays: -4 }) })
      .where('key', '=', 'plan.reminders')
      .execute();
    expect((await loadReminderRule(t.database.db)).dueSoonDays).toBe(3);
    await t.database.db.deleteFrom('setting').where('key', '=', 'plan.reminders').execute();
  });

  it('takes the scheduler interval from KECHUANG_SCHEDULER_INTERVAL (seconds, default 60)', () => {
    expect(schedulerIntervalMs({})).toBe(60_000);
    expect(schedulerIntervalMs({ KECHUANG_SCHEDULER_INTERVAL: '5' })).toBe(5000);
    expect(() => schedulerIntervalMs({ KECHUANG_SCHEDULER_INTERVAL: 'soon' })).toThrow(/KECHUANG_SCHEDULER_INTERVAL/);
  });
});
