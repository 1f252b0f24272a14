import { noCache, projectReminderJob, reminderJob, Scheduler } from '@kechuang/core';
import type { Database } from '@kechuang/db';

/** How often the scheduler looks for due jobs and how often reminders run: KECHUANG_SCHEDULER_INTERVAL (seconds, default 60). */
export function schedulerIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KECHUANG_SCHEDULER_INTERVAL;
  const seconds = raw === undefined || raw === '' ? 60 : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400)
    throw new Error(`KECHUANG_SCHEDULER_INTERVAL 应为 1–86400 之间的秒数：${raw}`);
  return Math.round(seconds * 1000);
}

/** The background jobs of `serve` (plan and project report reminders). Several processes may run it: a lease in the database keeps each job single. */
export function startScheduler(database: Database, log: (msg: string) => void): Scheduler {
  const intervalMs = schedulerIntervalMs();
  const scheduler = new Scheduler({
    ctx: () => ({ db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache }),
    jobs: [reminderJob(intervalMs), projectReminderJob(intervalMs)],
    tickMs: intervalMs,
    onError: (job, e) => log(`定时任务 ${job} 失败：${e instanceof Error ? e.message : String(e)}`),
  });
  scheduler.start();
  return scheduler;
}
