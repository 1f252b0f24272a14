import type { DB, Kysely } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { type NotificationChannel, type NotificationMessage, sendNotifications } from '../notification/channel.ts';
import { yieldTurn } from '../yield-turn.ts';
import { type Cycle, daysBetween, type ReportingSlot, reportingSlots } from './reporting-cycle.ts';

/**
 * Reminders for published plans: for every (task, assigned unit, reporting slot) without a submitted
 * or accepted report, a 即将到期 reminder in the days before the due date and a 逾期未报 reminder after
 * it, to every active reporter of the unit. The planners of the plan's region get one daily digest of
 * what is overdue instead of one message per task. Every message carries a dedupe key, so a reminder
 * goes out once even when two processes run the job or the server restarts.
 */
export interface ReminderRule {
  /** remind this many days before the due date (0: on the due day only) */
  dueSoonDays: number;
  /** also send the plan's planners a daily digest of overdue reports */
  plannerDigest: boolean;
}

export const defaultReminderRule: ReminderRule = { dueSoonDays: 3, plannerDigest: true };

/** The settings row that overrides the defaults, e.g. {"dueSoonDays": 5, "plannerDigest": false}. */
export const reminderSettingKey = 'plan.reminders';

export async function loadReminderRule(db: Kysely<DB>): Promise<ReminderRule> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', reminderSettingKey).executeTakeFirst();
  const v = (row?.value ?? {}) as Partial<ReminderRule>;
  const days = Number.isInteger(v.dueSoonDays) && (v.dueSoonDays as number) >= 0 && (v.dueSoonDays as number) <= 30;
  return {
    dueSoonDays: days ? (v.dueSoonDays as number) : defaultReminderRule.dueSoonDays,
    plannerDigest: typeof v.plannerDigest === 'boolean' ? v.plannerDigest : defaultReminderRule.plannerDigest,
  };
}

export interface Reminder {
  kind: 'due_soon' | 'overdue';
  planId: number;
  planTitle: string;
  nodeId: number;
  number: string;
  title: string;
  orgId: number;
  slot: ReportingSlot;
  /** days until due (negative: days overdue) */
  daysLeft: number;
}

/** assignments read per statement: each read, and the work on what it returns, holds the event loop briefly */
const pageSize = 2000;
/** messages stored per transaction */
const sendPart = 2000;

/**
 * What is owed on `today`: the slot due within `dueSoonDays`, and the latest overdue slot of each
 * (task, unit) — older missing periods are named in the planners' digest, not sent one by one. Read a
 * page of assignments at a time (in assignment order), with a turn of the event loop between pages.
 */
export async function pendingReminders(db: Kysely<DB>, today: string, rule: ReminderRule): Promise<Reminder[]> {
  const out: Reminder[] = [];
  // thousands of tasks share a few schedules: their slots are computed once per run
  const schedules = new Map<string, ReportingSlot[]>();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('plan_assignment as a')
      .innerJoin('plan_node as n', 'n.id', 'a.node_id')
      .innerJoin('plan as p', 'p.id', 'a.plan_id')
      .innerJoin('organization as o', 'o.id', 'a.org_id')
      .select([
        'a.id',
        'p.id as plan_id',
        'p.title as plan_title',
        'p.year',
        'n.id as node_id',
        'n.number',
        'n.title',
        'n.cycle',
        'n.cycle_due_day',
        'n.custom_due_dates',
        'n.start_date',
        'n.due_date',
        'a.org_id',
      ])
      .where('a.id', '>', after)
      .where('p.status', '=', 'published')
      .where('p.archived', '=', false)
      .where('n.kind', '=', 'task')
      .where('n.cycle', '<>', 'none')
      .where('o.disabled_at', 'is', null)
      .orderBy('a.id')
      .limit(pageSize)
      .execute();
    const last = rows.at(-1);
    if (!last) break;
    after = last.id;
    const candidates: Reminder[] = [];
    for (const r of rows) {
      const key = `${r.cycle}|${r.cycle_due_day}|${r.custom_due_dates.join(',')}|${r.start_date}|${r.due_date}|${r.year}`;
      let slots = schedules.get(key);
      if (!slots) {
        slots = reportingSlots(
          {
            cycle: r.cycle as Cycle,
            dueDay: r.cycle_due_day,
            customDueDates: r.custom_due_dates,
            startDate: r.start_date,
            dueDate: r.due_date,
          },
          r.year,
        );
        schedules.set(key, slots);
      }
      const base = { planId: r.plan_id, planTitle: r.plan_title, nodeId: r.node_id, number: r.number, title: r.title, orgId: r.org_id };
      let lastOverdue: ReportingSlot | null = null;
      for (const slot of slots) {
        const daysLeft = daysBetween(today, slot.dueDate);
        if (daysLeft < 0) lastOverdue = slot;
        else if (daysLeft <= rule.dueSoonDays) candidates.push({ ...base, kind: 'due_soon', slot, daysLeft });
      }
      if (lastOverdue) candidates.push({ ...base, kind: 'overdue', slot: lastOverdue, daysLeft: daysBetween(today, lastOverdue.dueDate) });
    }
    if (candidates.length > 0) {
      // drop the slots a report was submitted (or accepted) for
      const done = new Set<string>();
      const reported = await db
        .selectFrom('progress_report')
        .select(['node_id', 'org_id', 'period'])
        .where('plan_id', 'in', [...new Set(candidates.map((c) => c.planId))])
        .where('node_id', 'in', [...new Set(candidates.map((c) => c.nodeId))])
        .where('period', 'in', [...new Set(candidates.map((c) => c.slot.period))])
        .where('status', 'in', ['submitted', 'accepted'])
        .execute();
      for (const r of reported) done.add(`${r.node_id}:${r.org_id}:${r.period}`);
      for (const c of candidates) if (!done.has(`${c.nodeId}:${c.orgId}:${c.slot.period}`)) out.push(c);
    }
    if (rows.length < pageSize) break;
    await yieldTurn();
  }
  return out;
}

function reporterMessage(r: Reminder, userId: number): NotificationMessage {
  const task = `${r.number ? `${r.number} ` : ''}${r.title}`;
  const due = r.kind === 'due_soon';
  return {
    userId,
    kind: due ? 'reminder.due_soon' : 'reminder.overdue',
    title: due
      ? `${r.daysLeft === 0 ? '今日到期' : `${r.daysLeft} 天后到期`}：${task}（${r.slot.period}）进展报送`
      : `逾期未报：${task}（${r.slot.period}）进展报送已逾期 ${-r.daysLeft} 天`,
    body: due
      ? `${r.planTitle}：请于 ${r.slot.dueDate} 前报送 ${r.slot.period} 期进展情况。`
      : `${r.planTitle}：${r.slot.period} 期进展情况应于 ${r.slot.dueDate} 前报送，现已逾期，请尽快报送。`,
    link: `/my-tasks?plan=${r.planId}&node=${r.nodeId}`,
    planId: r.planId,
    nodeId: r.nodeId,
    dedupeKey: `reminder:${r.kind}:${r.nodeId}:${r.orgId}:${r.slot.period}:${userId}`,
  };
}

async function messagesFor(db: Kysely<DB>, reminders: Reminder[], today: string, rule: ReminderRule): Promise<NotificationMessage[]> {
  const out: NotificationMessage[] = [];
  const orgIds = [...new Set(reminders.map((r) => r.orgId))];
  if (orgIds.length === 0) return out;
  const reporters = await db
    .selectFrom('app_user')
    .select(['id', 'org_id'])
    .where('org_id', 'in', orgIds)
    .where('disabled_at', 'is', null)
    .where((eb) => eb(eb.val('reporter'), '=', eb.fn.any('roles')))
    .execute();
  const byOrg = new Map<number, number[]>();
  for (const u of reporters) {
    const ids = byOrg.get(u.org_id);
    if (ids) ids.push(u.id);
    else byOrg.set(u.org_id, [u.id]);
  }
  for (let i = 0; i < reminders.length; i++) {
    const r = reminders[i] as Reminder;
    for (const userId of byOrg.get(r.orgId) ?? []) out.push(reporterMessage(r, userId));
    if (i % pageSize === pageSize - 1) await yieldTurn();
  }
  if (!rule.plannerDigest) return out;

  // one digest a day per plan to the planners of the plan's own region
  const overdueByPlan = new Map<number, Reminder[]>();
  for (const r of reminders) {
    if (r.kind !== 'overdue') continue;
    // appended in place: copying the list for each of thousands of overdue slots took seconds
    const list = overdueByPlan.get(r.planId);
    if (list) list.push(r);
    else overdueByPlan.set(r.planId, [r]);
  }
  if (overdueByPlan.size === 0) return out;
  const plans = await db
    .selectFrom('plan')
    .select(['id', 'region_code', 'title'])
    .where('id', 'in', [...overdueByPlan.keys()])
    .execute();
  for (const p of plans) {
    const planners = await db
      .selectFrom('app_user as u')
      .innerJoin('organization as o', 'o.id', 'u.org_id')
      .select('u.id')
      .where('o.region_code', '=', p.region_code)
      .where('u.disabled_at', 'is', null)
      .where((eb) => eb(eb.val('planner'), '=', eb.fn.any('u.roles')))
      .execute();
    const list = overdueByPlan.get(p.id) ?? [];
    const tasks = new Set(list.map((r) => r.nodeId)).size;
    const units = new Set(list.map((r) => r.orgId)).size;
    for (const u of planners) {
      out.push({
        userId: u.id,
        kind: 'reminder.overdue_digest',
        title: `逾期未报汇总：${p.title} 有 ${tasks} 项任务、${units} 个单位逾期未报`,
        body: `截至 ${today}，${list
          .slice(0, 5)
          .map((r) => `${r.number ? `${r.number} ` : ''}${r.title}（${r.slot.period}）`)
          .join('；')}${list.length > 5 ? ` 等 ${list.length} 条` : ''}。`,
        link: `/plans/${p.id}`,
        planId: p.id,
        nodeId: null,
        dedupeKey: `reminder:overdue_digest:${p.id}:${today}:${u.id}`,
      });
    }
  }
  return out;
}

export interface ReminderRunResult {
  today: string;
  dueSoon: number;
  overdue: number;
  /** notifications stored now (0 when every one of them had been sent before) */
  sent: number;
}

/** The reminder job: computes what is owed on ctx.now() and sends what was not sent before. */
export async function runReminders(
  ctx: Ctx,
  opts: { rule?: ReminderRule; channels?: NotificationChannel[] } = {},
): Promise<ReminderRunResult> {
  const today = bureauDate(ctx.now());
  const rule = opts.rule ?? (await loadReminderRule(ctx.db));
  const reminders = await pendingReminders(ctx.db, today, rule);
  const messages = await messagesFor(ctx.db, reminders, today, rule);
  const result = {
    today,
    dueSoon: reminders.filter((r) => r.kind === 'due_soon').length,
    overdue: reminders.filter((r) => r.kind === 'overdue').length,
    sent: 0,
  };
  if (messages.length === 0) return result;
  // skip what was sent before without opening a transaction: most runs send nothing new
  const keys = messages.map((m) => m.dedupeKey as string);
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    if (i > 0) await yieldTurn();
    const rows = await ctx.db
      .selectFrom('notification')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 1000))
      .execute();
    for (const r of rows) if (r.dedupe_key) seen.add(r.dedupe_key);
  }
  const fresh = messages.filter((m) => !seen.has(m.dedupeKey as string));
  // sent in parts, each its own audited transaction: on the embedded database a transaction holds every other
  // request, and a month end's tens of thousands of messages took seconds in one; a part cut short by a failure
  // is sent by the next run, the dedupe keys keeping the parts already sent from being sent twice
  const parts = Math.ceil(fresh.length / sendPart);
  for (let k = 0; k < parts; k++) {
    if (k > 0) await yieldTurn();
    result.sent += await withAudit(ctx, async (tx, record) => {
      const stored = await sendNotifications(tx, fresh.slice(k * sendPart, (k + 1) * sendPart), opts.channels);
      record({
        action: 'notification.remind',
        entityType: 'notification',
        entityId: null,
        regionCode: null,
        after: {
          today,
          sent: stored.length,
          dueSoon: result.dueSoon,
          overdue: result.overdue,
          ...(parts > 1 ? { part: `${k + 1}/${parts}` } : {}),
        },
      });
      return stored.length;
    });
  }
  return result;
}

/** The scheduler job that sends reminders. */
export function reminderJob(intervalMs: number, channels?: NotificationChannel[]) {
  return {
    name: 'plan.reminders',
    intervalMs,
    run: (ctx: Ctx) => runReminders(ctx, channels ? { channels } : {}),
  };
}
