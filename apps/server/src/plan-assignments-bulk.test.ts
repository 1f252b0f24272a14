import { sql } from '@kechuang/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdOf } from './plan-execution-fixture.ts';
import { createPlanFixture, type PlanFixture } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let changsha: Client;
let reporter: Client;
let f: PlanFixture;
let other: PlanFixture;
const ids = { bureau: 0, changsha: 0, enterprise: 0, disabled: 0 };

beforeAll(async () => {
  t = await createTestApp();
  [planner, changsha, reporter] = await Promise.all([t.login('planner'), t.login('planner.changsha'), t.login('reporter.leiyang')]);
  f = await createPlanFixture(t.database.db, { title: '批量分工测试计划' });
  other = await createPlanFixture(t.database.db, { title: '另一份计划' });
  ids.bureau = await orgIdOf(t, '衡阳市科学技术局');
  ids.changsha = await orgIdOf(t, '长沙市科学技术局');
  ids.enterprise = (
    await t.database.db
      .insertInto('organization')
      .values({ name: '衡阳某科技有限公司', kind: 'enterprise', region_code: '430400' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.disabled = (
    await t.database.db
      .insertInto('organization')
      .values({ name: '衡阳市已撤并单位', kind: 'department', region_code: '430400', disabled_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

const bulk = (body: Record<string, unknown>, c: Client = planner, planId = f.planId) =>
  c.request({ method: 'PUT', url: `/api/plans/${planId}/assignments`, payload: body });

/** Every assignment of a plan as sorted "node:org:role" strings. */
async function assignments(planId: number): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('plan_assignment')
    .select(['node_id', 'org_id', 'role'])
    .where('plan_id', '=', planId)
    .execute();
  return rows.map((r) => `${r.node_id}:${r.org_id}:${r.role}`).sort();
}
const unitsOf = async (nodeId: number) => {
  const rows = await t.database.db.selectFrom('plan_assignment').select(['org_id', 'role']).where('node_id', '=', nodeId).execute();
  return {
    lead: rows
      .filter((r) => r.role === 'lead')
      .map((r) => r.org_id)
      .sort((a, b) => a - b),
    co: rows
      .filter((r) => r.role === 'co')
      .map((r) => r.org_id)
      .sort((a, b) => a - b),
  };
};
const count = async (table: 'task_event' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** What a refused request must leave untouched: every assignment, the timeline and the audit log. */
async function snapshot() {
  return {
    a: await assignments(f.planId),
    b: await assignments(other.planId),
    events: await count('task_event'),
    audit: await count('audit_log'),
  };
}

describe('bulk assignment (批量分工)', () => {
  it('replaces the units of several tasks in one action, on each timeline and in one audit row', async () => {
    const tasks = [f.monthly, f.quarterly, f.noCycle];
    const events = await count('task_event');
    const res = await bulk({ nodeIds: tasks, lead: [ids.bureau], co: [f.leiyang], mode: 'replace' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.updated).toBe(3);
    expect(body.nodes.map((n: { id: number }) => n.id).sort()).toEqual([...tasks].sort());
    for (const n of body.nodes) {
      expect(n.leadOrgs.map((o: { orgId: number }) => o.orgId)).toEqual([ids.bureau]);
      expect(n.coOrgs.map((o: { orgId: number }) => o.orgId)).toEqual([f.leiyang]);
    }
    for (const id of tasks) expect(await unitsOf(id)).toEqual({ lead: [ids.bureau], co: [f.leiyang] });
    // hengnan was co of the monthly task and lead of the quarterly one: replaced away
    expect(await count('task_event')).toBe(events + 3);
    const ev = await t.database.db
      .selectFrom('task_event')
      .selectAll()
      .where('node_id', '=', f.quarterly)
      .where('kind', '=', 'assign')
      .executeTakeFirstOrThrow();
    expect(ev.actor_name).toBe('planner');
    expect(ev.detail).toMatchObject({
      assigned: expect.arrayContaining([
        expect.objectContaining({ orgId: ids.bureau, role: 'lead', name: '衡阳市科学技术局' }),
        expect.objectContaining({ orgId: f.leiyang, role: 'co' }),
      ]),
      removed: [expect.objectContaining({ orgId: f.hengnan, role: 'lead', name: '衡南县人民政府' })],
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'plan.assign_bulk')
      .where('entity_id', '=', String(f.planId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_username).toBe('planner');
    expect(audit[0]?.region_code).toBe('430400');
    expect(audit[0]?.after).toMatchObject({ mode: 'replace', nodeIds: tasks, lead: [ids.bureau], co: [f.leiyang] });
    expect(audit[0]?.before).toMatchObject({
      assignments: expect.arrayContaining([{ nodeId: f.quarterly, units: [[f.hengnan, 'lead']] }]),
    });
  });

  it("the assigned unit's reporter finds the tasks in the inbox afterwards", async () => {
    const res = await reporter.request({ method: 'GET', url: `/api/plan-inbox?planId=${f.planId}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ nodeId: number; role: string; orgId: number }>;
    expect(items.map((i) => [i.nodeId, i.role]).sort()).toEqual([f.monthly, f.quarterly, f.noCycle].map((id) => [id, 'co']).sort());
    expect(items.every((i) => i.orgId === f.leiyang)).toBe(true);
  });

  it('adds units keeping what each task has; a lead stays lead; a no-op changes nothing', async () => {
    const res = await bulk({ nodeIds: [f.monthly, f.quarterly], lead: [f.hengnan], co: [ids.bureau], mode: 'add' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(2);
    for (const id of [f.monthly, f.quarterly])
      expect(await unitsOf(id)).toEqual({ lead: [ids.bureau, f.hengnan].sort((a, b) => a - b), co: [f.leiyang] });
    expect(await unitsOf(f.noCycle)).toEqual({ lead: [ids.bureau], co: [f.leiyang] });
    // a co-unit named as lead is promoted
    const promote = await bulk({ nodeIds: [f.noCycle], lead: [f.leiyang], co: [], mode: 'add' });
    expect(promote.statusCode, promote.body).toBe(200);
    expect(await unitsOf(f.noCycle)).toEqual({ lead: [ids.bureau, f.leiyang].sort((a, b) => a - b), co: [] });
    // adding what is already there: nothing written but the audit row
    const before = await snapshot();
    const same = await bulk({ nodeIds: [f.monthly, f.quarterly], lead: [f.hengnan], co: [], mode: 'add' });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().updated).toBe(0);
    const after = await snapshot();
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('refuses co-units added to a task without a lead, writing nothing', async () => {
    const bare = (
      await t.database.db
        .insertInto('plan_node')
        .values({ plan_id: f.planId, parent_id: f.sectionId, position: 9, kind: 'task', number: '9.', title: '无牵头单位的任务' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const before = await snapshot();
    const res = await bulk({ nodeIds: [f.monthly, bare], lead: [], co: [f.hengnan], mode: 'add' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('plan/bulk_lead_missing');
    expect(res.json().detail).toBe('以下任务尚无牵头单位：“9. 无牵头单位的任务”');
    expect(await snapshot()).toEqual(before);
    const ok = await bulk({ nodeIds: [bare], lead: [f.hengnan], co: [], mode: 'add' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await unitsOf(bare)).toEqual({ lead: [f.hengnan], co: [] });
  });

  it.each([
    [
      'an unknown task id',
      () => ({ nodeIds: [f.monthly, 999_999_999], lead: [ids.bureau], co: [], mode: 'replace' }),
      400,
      'plan/bulk_unknown_nodes',
    ],
    ['a section', () => ({ nodeIds: [f.monthly, f.sectionId], lead: [ids.bureau], co: [], mode: 'replace' }), 400, 'plan/not_a_task'],
    [
      "another plan's task",
      () => ({ nodeIds: [f.monthly, other.quarterly], lead: [ids.bureau], co: [], mode: 'add' }),
      400,
      'plan/bulk_unknown_nodes',
    ],
    [
      'an unknown unit',
      () => ({ nodeIds: [f.monthly, f.quarterly], lead: [ids.bureau], co: [999_999], mode: 'replace' }),
      400,
      'plan/invalid_org',
    ],
    [
      'a unit outside the plan region',
      () => ({ nodeIds: [f.monthly], lead: [ids.changsha], co: [], mode: 'add' }),
      400,
      'plan/invalid_org',
    ],
    ['a disabled unit', () => ({ nodeIds: [f.monthly, f.quarterly], lead: [ids.disabled], co: [], mode: 'add' }), 400, 'plan/invalid_org'],
    [
      'an enterprise as unit',
      () => ({ nodeIds: [f.monthly], lead: [ids.bureau], co: [ids.enterprise], mode: 'replace' }),
      400,
      'plan/invalid_org',
    ],
    [
      'a unit both lead and co',
      () => ({ nodeIds: [f.monthly, f.quarterly], lead: [ids.bureau], co: [ids.bureau], mode: 'replace' }),
      400,
      'plan/invalid_lead',
    ],
    ['replace without a lead', () => ({ nodeIds: [f.monthly], lead: [], co: [f.hengnan], mode: 'replace' }), 400, 'plan/invalid_lead'],
    ['add with no unit', () => ({ nodeIds: [f.monthly], lead: [], co: [], mode: 'add' }), 400, 'plan/invalid_lead'],
    [
      'a repeated task id',
      () => ({ nodeIds: [f.monthly, f.monthly], lead: [ids.bureau], co: [], mode: 'replace' }),
      400,
      'common/validation',
    ],
    ['no task', () => ({ nodeIds: [], lead: [ids.bureau], co: [], mode: 'replace' }), 400, 'common/validation'],
    ['an unknown mode', () => ({ nodeIds: [f.monthly], lead: [ids.bureau], co: [], mode: 'merge' }), 400, 'common/validation'],
  ] as const)('refuses %s and changes nothing', async (_name, body, status, code) => {
    const before = await snapshot();
    const res = await bulk(body());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  it('names the offending rows in the message: sections by number and title, unknown tasks by id', async () => {
    const section = await bulk({ nodeIds: [f.sectionId, f.monthly], lead: [ids.bureau], co: [], mode: 'replace' });
    expect(section.json()).toMatchObject({ code: 'plan/not_a_task', detail: '以下所选项是章节而非任务：“一、 强化科技创新主体”' });
    const unknown = await bulk({ nodeIds: [f.monthly, other.monthly, 999_999_999], lead: [ids.bureau], co: [], mode: 'replace' });
    expect(unknown.json()).toMatchObject({
      code: 'plan/bulk_unknown_nodes',
      detail: `以下任务不存在或不属于本计划：${other.monthly}、999999999`,
    });
  });

  it('refuses a planner outside the plan region, a reporter, and an unknown plan, changing nothing', async () => {
    const before = await snapshot();
    const body = { nodeIds: [f.monthly], lead: [f.hengnan], co: [], mode: 'replace' };
    const out = await bulk(body, changsha);
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('auth/out_of_scope');
    const rep = await bulk(body, reporter);
    expect(rep.statusCode).toBe(403);
    expect(rep.json().code).toBe('auth/forbidden');
    const missing = await bulk(body, planner, 999_999_999);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('plan/not_found');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts 2,000 tasks in one request and refuses 2,001', async () => {
    const big = await createPlanFixture(t.database.db, { title: '两千项任务的计划', status: 'draft' });
    const { rows } = await sql<{ id: number }>`
      insert into plan_node (plan_id, parent_id, position, kind, number, title)
      select ${big.planId}, ${big.sectionId}, 10 + g, 'task', g::text || '.', '批量任务' || g
      from generate_series(1, 2001) as g
      returning id
    `.execute(t.database.db);
    const nodeIds = rows.map((r) => r.id);
    expect(nodeIds).toHaveLength(2001);
    const tooMany = await bulk({ nodeIds, lead: [ids.bureau], co: [], mode: 'replace' }, planner, big.planId);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('common/validation');
    const version = async () =>
      (await t.database.db.selectFrom('plan').select('assignment_version').where('id', '=', big.planId).executeTakeFirstOrThrow())
        .assignment_version;
    const v0 = await version();
    const chosen = nodeIds.slice(0, 2000);
    const res = await bulk({ nodeIds: chosen, lead: [ids.bureau], co: [f.leiyang, f.hengnan], mode: 'replace' }, planner, big.planId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(2000);
    expect(res.json().nodes).toHaveLength(2000);
    const written = await t.database.db
      .selectFrom('plan_assignment')
      .select(['role', (eb) => eb.fn.countAll().as('n')])
      .where('plan_id', '=', big.planId)
      .where('node_id', 'in', chosen)
      .groupBy('role')
      .orderBy('role')
      .execute();
    expect(written.map((w) => [w.role, Number(w.n)])).toEqual([
      ['co', 4000],
      ['lead', 2000],
    ]);
    const events = await t.database.db
      .selectFrom('task_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('plan_id', '=', big.planId)
      .where('kind', '=', 'assign')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(2000);
    expect(await version()).toBeGreaterThan(v0);
    // then adding one unit to all of them again in one action
    const add = await bulk({ nodeIds: chosen, lead: [f.hengnan], co: [], mode: 'add' }, planner, big.planId);
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().updated).toBe(2000);
    expect(await unitsOf(chosen[1999] as number)).toEqual({ lead: [ids.bureau, f.hengnan].sort((a, b) => a - b), co: [f.leiyang] });
  });
});
