import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { type NotificationChannel, type NotificationMessage, sendNotifications } from '../notification/channel.ts';

/*
 * Execution reports of running projects (执行情况报告), half-yearly like the plan's half-yearly cycle: the
 * report for 2026-H1 is due on 15 July, for 2026-H2 on 15 January of the next year, for every half-year
 * that ends inside the project's period. The undertaking unit's applicant users get a 即将到期 reminder in
 * the week before and a 逾期未报 reminder after (the latest missing period only), through the same
 * notification centre and once-only dedupe keys as the plan reminders.
 */

export interface ReportSlot {
  period: string;
  due: string;
}

export function projectReportSlots(startOn: string, endOn: string): ReportSlot[] {
  const out: ReportSlot[] = [];
  const first = Number(startOn.slice(0, 4));
  const last = Number(endOn.slice(0, 4));
  for (let y = first; y <= last; y++) {
    for (const [half, ends, due] of [
      ['H1', `${y}-06-30`, `${y}-07-15`],
      ['H2', `${y}-12-31`, `${y + 1}-01-15`],
    ] as const) {
      if (ends >= startOn && ends <= endOn) out.push({ period: `${y}-${half}`, due });
    }
  }
  return out;
}

const dayMs = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);

export interface ProjectReminder {
  kind: 'due_soon' | 'overdue';
  projectId: number;
  title: string;
  orgId: number;
  slot: ReportSlot;
  daysLeft: number;
}

export async function pendingProjectReminders(ctx: Pick<Ctx, 'db'>, today: string, dueSoonDays = 7): Promise<ProjectReminder[]> {
  const projects = await ctx.db
    .selectFrom('project')
    .select(['id', 'title', 'org_id', 'start_on', 'end_on'])
    .where('status', '=', 'executing')
    .where('org_id', 'is not', null)
    .where('start_on', 'is not', null)
    .where('end_on', 'is not', null)
    .execute();
  if (projects.length === 0) return [];
  const filed = await ctx.db
    .selectFrom('project_report')
    .select(['project_id', 'period'])
    .where('kind', '=', 'periodic')
    .where(
      'project_id',
      'in',
      projects.map((p) => p.id),
    )
    .execute();
  const done = new Set(filed.map((f) => `${f.project_id}:${f.period}`));
  const out: ProjectReminder[] = [];
  for (const p of projects) {
    let overdue: ProjectReminder | null = null;
    for (const slot of projectReportSlots(p.start_on as string, p.end_on as string)) {
      if (done.has(`${p.id}:${slot.period}`)) continue;
      const left = daysBetween(today, slot.due);
      const base = { projectId: p.id, title: p.title, orgId: p.org_id as number, slot, daysLeft: left };
      if (left < 0) overdue = { kind: 'overdue', ...base };
      else if (left <= dueSoonDays) out.push({ kind: 'due_soon', ...base });
    }
    if (overdue) out.push(overdue);
  }
  return out;
}

export async function runProjectReminders(ctx: Ctx, opts: { channels?: NotificationChannel[] } = {}) {
  const today = bureauDate(ctx.now());
  const reminders = await pendingProjectReminders(ctx, today);
  const result = {
    today,
    dueSoon: reminders.filter((r) => r.kind === 'due_soon').length,
    overdue: reminders.filter((r) => r.kind === 'overdue').length,
    sent: 0,
  };
  if (reminders.length === 0) return result;
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'org_id'])
    .where('org_id', 'in', [...new Set(reminders.map((r) => r.orgId))])
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles && array['enterprise', 'reporter']::text[]`)
    .execute();
  const messages: NotificationMessage[] = [];
  for (const r of reminders)
    for (const u of users.filter((x) => x.org_id === r.orgId))
      messages.push({
        userId: u.id,
        kind: r.kind === 'due_soon' ? 'project.report_due' : 'project.report_overdue',
        title: r.kind === 'due_soon' ? `项目执行情况报告即将到期：${r.title}` : `项目执行情况报告逾期未报：${r.title}`,
        body:
          r.kind === 'due_soon'
            ? `${r.slot.period} 执行情况报告应于 ${r.slot.due} 前提交（还有 ${r.daysLeft} 天）。`
            : `${r.slot.period} 执行情况报告应于 ${r.slot.due} 前提交，已逾期 ${-r.daysLeft} 天。`,
        link: `/projects/${r.projectId}`,
        planId: null,
        nodeId: null,
        dedupeKey: `project-report:${r.projectId}:${r.slot.period}:${r.kind}:${u.id}`,
      });
  if (messages.length === 0) return result;
  const seen = new Set(
    (
      await ctx.db
        .selectFrom('notification')
        .select('dedupe_key')
        .where(
          'dedupe_key',
          'in',
          messages.map((m) => m.dedupeKey as string),
        )
        .execute()
    ).map((r) => r.dedupe_key),
  );
  const fresh = messages.filter((m) => !seen.has(m.dedupeKey));
  if (fresh.length === 0) return result;
  result.sent = await withAudit(ctx, async (tx, record) => {
    const stored = await sendNotifications(tx, fresh, opts.channels);
    record({
      action: 'notification.project_remind',
      entityType: 'notification',
      entityId: null,
      regionCode: null,
      after: { today, sent: stored.length },
    });
    return stored.length;
  });
  return result;
}

/** The scheduler job (register beside the plan reminders in `serve`). */
export function projectReminderJob(intervalMs: number, channels?: NotificationChannel[]) {
  return { name: 'project.reminders', intervalMs, run: (ctx: Ctx) => runProjectReminders(ctx, channels ? { channels } : {}) };
}
