import { pendingReminders } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bureauDay, execPlanBody, orgIdOf, planVersion, taskOf } from './plan-execution-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let leiyang: Client;
const today = bureauDay();
const thisYear = Number(today.slice(0, 4));
const rule = { dueSoonDays: 3, plannerDigest: true };

beforeAll(async () => {
  t = await createTestApp();
  [planner, leiyang] = await Promise.all([t.login('planner'), t.login('reporter.leiyang')]);
});
afterAll(async () => t?.close());

/** Creates, assigns (耒阳 leads task 2) and publishes a plan of the given year. */
async function publishedPlan(year: number, archived?: boolean) {
  const res = await planner.request({
    method: 'POST',
    url: '/api/plans',
    payload: { ...execPlanBody(year), ...(archived === undefined ? {} : { archived }) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const plan = res.json();
  const leiyangId = await orgIdOf(t, '耒阳市人民政府');
  await planner.request({
    method: 'PUT',
    url: `/api/plans/${plan.id}/nodes/${taskOf(plan, '2')}/assignments`,
    payload: { lead: [leiyangId] },
  });
  await planner.request({
    method: 'PATCH',
    url: `/api/plans/${plan.id}/nodes/${taskOf(plan, '2')}`,
    payload: { version: await planVersion(t, plan.id), cycle: 'quarterly' },
  });
  const pub = await planner.request({
    method: 'POST',
    url: `/api/plans/${plan.id}/publish`,
    payload: { version: await planVersion(t, plan.id) },
  });
  expect(pub.statusCode, pub.body).toBe(200);
  return plan as { id: number; archived: boolean };
}

const remindersOf = async (planId: number) => {
  const ids = new Set((await t.database.db.selectFrom('plan_node').select('id').where('plan_id', '=', planId).execute()).map((n) => n.id));
  return (await pendingReminders(t.database.db, today, rule)).filter((r) => ids.has(r.nodeId));
};
const dashboard = async (planId: number) => (await planner.request({ method: 'GET', url: `/api/plans/${planId}/dashboard` })).json();
const inboxPlans = async () =>
  new Set(
    ((await leiyang.request({ method: 'GET', url: '/api/plan-inbox' })).json().items as Array<{ planId: number }>).map((i) => i.planId),
  );

describe('a plan of a past year', () => {
  it('is imported as an archive: no reminders, no overdue periods, not in the inbox', async () => {
    const plan = await publishedPlan(thisYear - 5);
    expect(plan.archived).toBe(true);
    expect(await remindersOf(plan.id)).toEqual([]);
    const d = await dashboard(plan.id);
    expect(d.counts.overdue_unreported).toBe(0);
    expect(await inboxPlans()).not.toContain(plan.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'plan.create')
      .where('entity_id', '=', String(plan.id))
      .executeTakeFirstOrThrow();
    expect((audit.after as { archived: boolean }).archived).toBe(true);
  });

  it('runs as a live plan when the planner chooses so, or when it is moved to this year', async () => {
    const live = await publishedPlan(thisYear - 5, false);
    expect(live.archived).toBe(false);
    expect((await dashboard(live.id)).counts.overdue_unreported).toBeGreaterThan(0);
    expect((await remindersOf(live.id)).length).toBeGreaterThan(0);

    const moved = await publishedPlan(thisYear - 1);
    const res = await planner.request({
      method: 'PATCH',
      url: `/api/plans/${moved.id}`,
      payload: { version: await planVersion(t, moved.id), year: thisYear },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().archived).toBe(false);
    const back = await planner.request({
      method: 'PATCH',
      url: `/api/plans/${moved.id}`,
      payload: { version: await planVersion(t, moved.id), archived: true },
    });
    expect(back.json().archived).toBe(true);
  });

  it('keeps a plan of this year live', async () => {
    const plan = await publishedPlan(thisYear);
    expect(plan.archived).toBe(false);
    expect(await inboxPlans()).toContain(plan.id);
  });
});
