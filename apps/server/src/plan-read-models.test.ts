import type { TInbox } from '@kechuang/contracts';
import { currentTallies, loadPlanProgress, narrativePart, rebuildReportTallies, reportNarratives } from '@kechuang/core';
import { sql } from '@kechuang/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture, submitReportRow } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// The read models of migration 0009: each target's latest reported value (target_latest_value, kept by
// triggers) and the plan's assignment version (moved on by a trigger, keying the cached assignments).

let t: TestApp;
let f: PlanFixture;
let leiyang: Client;
let hengnan: Client;
let planner: Client;

beforeAll(async () => {
  t = await createTestApp();
  f = await createPlanFixture(t.database.db, { title: '读模型测试计划' });
  [leiyang, hengnan, planner] = await Promise.all([t.login('reporter.leiyang'), t.login('reporter.hengnan'), t.login('planner')]);
});
afterAll(async () => t?.close());

/** The stored latest value of the fixture's target. */
async function kept() {
  return t.database.db
    .selectFrom('target_latest_value')
    .select(['target_id', 'report_id', 'org_id', 'period'])
    .select(sql<number>`value::float8`.as('value'))
    .where('plan_id', '=', f.planId)
    .orderBy('target_id')
    .execute();
}

/** The same, computed here from the reports and their values. */
async function expected() {
  const rows = await t.database.db
    .selectFrom('report_target_value as v')
    .innerJoin('progress_report as r', 'r.id', 'v.report_id')
    .select(['v.target_id', 'r.id as report_id', 'r.org_id', 'r.period', 'r.period_end', 'r.status', 'r.submitted_at'])
    .select(sql<number>`v.value::float8`.as('value'))
    .where('r.plan_id', '=', f.planId)
    .execute();
  const best = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    if ((r.status !== 'submitted' && r.status !== 'accepted') || !r.submitted_at) continue;
    const cur = best.get(r.target_id);
    if (!cur || r.period_end > cur.period_end || (r.period_end === cur.period_end && (r.submitted_at as Date) > (cur.submitted_at as Date)))
      best.set(r.target_id, r);
  }
  return [...best.values()]
    .sort((a, b) => a.target_id - b.target_id)
    .map(({ target_id, report_id, org_id, period, value }) => ({ target_id, report_id, org_id, period, value }));
}

async function expectConsistent() {
  const now = await kept();
  expect(now).toEqual(await expected());
  await rebuildReportTallies(t.database.db, f.planId);
  expect(await kept()).toEqual(now);
}

async function draft(c: Client, period: string, value: number) {
  const res = await c.request({
    method: 'POST',
    url: '/api/plan-reports',
    payload: { nodeId: f.monthly, period, narrative: `${period} 进展`, percent: 10, values: [{ targetId: f.targetId, value }] },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number };
}
async function act(c: Client, id: number, action: string, payload: Record<string, unknown> = {}) {
  const cur = (await c.request({ method: 'GET', url: `/api/plan-reports/${id}` })).json();
  const res = await c.request({
    method: 'POST',
    url: `/api/plan-reports/${id}/${action}`,
    payload: { rowVersion: cur.rowVersion, ...payload },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number };
}
const progressTarget = async () =>
  (await loadPlanProgress(t.database.db, f.planId, '2026-12-31')).targets.find((x) => x.targetId === f.targetId);

describe('target_latest_value', () => {
  it('follows drafts, submissions, returns, revisions and deletions, and equals a rebuild', async () => {
    const march = await draft(leiyang, '2026-03', 12);
    await expectConsistent();
    expect(await kept()).toEqual([]); // a draft does not count

    await act(leiyang, march.id, 'submit');
    await expectConsistent();
    expect(await kept()).toMatchObject([{ report_id: march.id, value: 12, period: '2026-03' }]);

    const april = await draft(leiyang, '2026-04', 30);
    await act(leiyang, april.id, 'submit');
    await expectConsistent();
    expect((await kept())[0]).toMatchObject({ report_id: april.id, value: 30 });
    expect(await progressTarget()).toMatchObject({ actual: 30, actualSource: 'report' });

    // returned: the value falls back to March's
    await act(planner, april.id, 'return', { comment: '数据有误' });
    await expectConsistent();
    expect((await kept())[0]).toMatchObject({ report_id: march.id, value: 12 });
    expect((await progressTarget())?.actual).toBe(12);

    // the correction is a new version with its own value
    const rev = await leiyang.request({ method: 'POST', url: `/api/plan-reports/${april.id}/revise` });
    expect(rev.statusCode, rev.body).toBe(200);
    const v2 = rev.json() as { id: number; rowVersion: number };
    const upd = await leiyang.request({
      method: 'PATCH',
      url: `/api/plan-reports/${v2.id}`,
      payload: { rowVersion: v2.rowVersion, narrative: '更正', percent: 35, values: [{ targetId: f.targetId, value: 28 }] },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    await act(leiyang, v2.id, 'submit');
    await expectConsistent();
    expect((await kept())[0]).toMatchObject({ report_id: v2.id, value: 28 });

    // a co-unit's later period wins; deleting a draft changes nothing
    const may = await draft(hengnan, '2026-05', 40);
    await act(hengnan, may.id, 'submit');
    const june = await draft(leiyang, '2026-06', 99);
    await expectConsistent();
    expect((await kept())[0]).toMatchObject({ report_id: may.id, org_id: f.hengnan, value: 40 });
    expect((await leiyang.request({ method: 'DELETE', url: `/api/plan-reports/${june.id}` })).statusCode).toBe(200);
    await expectConsistent();

    // raw multi-row writes go through the triggers too
    const db = t.database.db;
    await db.updateTable('report_target_value').set({ value: '41' }).where('report_id', '=', may.id).execute();
    await expectConsistent();
    expect((await kept())[0]?.value).toBe(41);
    await db.deleteFrom('progress_report').where('id', '=', may.id).execute();
    await expectConsistent();
    expect((await kept())[0]).toMatchObject({ report_id: v2.id, value: 28 });

    // an earlier day reads the reports themselves: the same answer as the stored one when nothing is later
    const asOfEarly = await loadPlanProgress(db, f.planId, '2026-01-15');
    expect(asOfEarly.targets.find((x) => x.targetId === f.targetId)?.actual).toBeNull();

    // removing the target removes its stored value
    await db.deleteFrom('plan_target').where('id', '=', f.targetId).execute();
    expect(await kept()).toEqual([]);
  });
});

describe('plan assignment version', () => {
  const units = async () =>
    (await loadPlanProgress(t.database.db, f.planId, '2026-12-31')).tasks
      .find((x) => x.nodeId === f.quarterly)
      ?.leadOrgs.map((o) => o.name);
  const version = async () =>
    (await t.database.db.selectFrom('plan').select('assignment_version').where('id', '=', f.planId).executeTakeFirstOrThrow())
      .assignment_version;

  it('moves on with every write to the assignments, so cached assignments are never stale', async () => {
    expect(await units()).toEqual(['衡南县人民政府']);
    const v0 = await version();
    const plan = await t.database.db.selectFrom('plan').select('version').where('id', '=', f.planId).executeTakeFirstOrThrow();

    const res = await planner.request({
      method: 'PUT',
      url: `/api/plans/${f.planId}/nodes/${f.quarterly}/assignments`,
      payload: { lead: [f.leiyang], co: [] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await version()).toBeGreaterThan(v0);
    // the plan's own version (its edit history) is not touched by assignments
    expect((await t.database.db.selectFrom('plan').select('version').where('id', '=', f.planId).executeTakeFirstOrThrow()).version).toBe(
      plan.version,
    );
    expect(await units()).toEqual(['耒阳市人民政府']);

    // a direct write, outside the API, is seen as well
    const v1 = await version();
    await t.database.db.deleteFrom('plan_assignment').where('node_id', '=', f.quarterly).execute();
    expect(await version()).toBeGreaterThan(v1);
    expect(await units()).toEqual([]);

    // a unit's new name shows at once (names are read afresh)
    await t.database.db.updateTable('organization').set({ name: '耒阳市人民政府（更名）' }).where('id', '=', f.leiyang).execute();
    try {
      const monthly = (await loadPlanProgress(t.database.db, f.planId, '2026-12-31')).tasks.find((x) => x.nodeId === f.monthly);
      expect(monthly?.leadOrgs.map((o) => o.name)).toEqual(['耒阳市人民政府（更名）']);
      const inbox = (await leiyang.request({ method: 'GET', url: `/api/plan-inbox?planId=${f.planId}` })).json();
      expect(inbox.items.map((i: { orgName: string }) => i.orgName)).toContain('耒阳市人民政府（更名）');
    } finally {
      await t.database.db.updateTable('organization').set({ name: '耒阳市人民政府' }).where('id', '=', f.leiyang).execute();
    }
  });
});

describe('tally cache', () => {
  const usePg = Boolean(process.env.DATABASE_URL);
  const planOf = async (db = t.database.db) =>
    db.selectFrom('plan').select(['id', 'version']).where('id', '=', g.planId).executeTakeFirstOrThrow();
  let g: PlanFixture;
  beforeAll(async () => {
    g = await createPlanFixture(t.database.db, { title: '汇总缓存测试计划' });
  });

  /** The cached tallies, and the same read straight from report_tally, in one comparable shape. */
  async function cachedAndStored() {
    const db = t.database.db;
    const cached = [...(await currentTallies(db, await planOf())).values()]
      .map((x) => ({
        key: `${x.nodeId}:${x.orgId}`,
        reported: [...x.reported].sort().join(','),
        awaiting: [...x.awaiting].sort().join(','),
        drafts: [...x.drafts.keys()].sort().join(','),
        pending: x.pending,
        latest: x.latest?.id ?? null,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const stored = (await db.selectFrom('report_tally').selectAll().where('plan_id', '=', g.planId).execute())
      .map((x) => ({
        key: `${x.node_id}:${x.org_id}`,
        reported: x.reported,
        awaiting: x.awaiting,
        drafts: x.drafts
          .split(',')
          .filter(Boolean)
          .map((d) => d.split('|')[0])
          .sort()
          .join(','),
        pending: x.pending,
        latest: x.latest_id,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
    return { cached, stored };
  }
  const row = (period: string, end: string, due: string, orgId = g.leiyang, nodeId = g.monthly) => ({
    planId: g.planId,
    nodeId,
    orgId,
    period,
    periodEnd: end,
    dueDate: due,
  });

  it('catches up with every write, including a pair whose reports are all gone', async () => {
    const db = t.database.db;
    expect((await cachedAndStored()).cached).toEqual([]);
    await submitReportRow(db, row('2026-01', '2026-01-31', '2026-02-05'));
    let s = await cachedAndStored();
    expect(s.cached).toEqual(s.stored);
    expect(s.cached).toMatchObject([{ reported: '2026-01', awaiting: '2026-01', pending: 1 }]);

    await submitReportRow(db, row('2026Q1', '2026-03-31', '2026-04-05', g.hengnan, g.quarterly));
    await db.updateTable('progress_report').set({ status: 'accepted' }).where('plan_id', '=', g.planId).execute();
    s = await cachedAndStored();
    expect(s.cached).toEqual(s.stored);
    expect(s.cached.map((x) => x.pending)).toEqual([0, 0]);

    // every report of a pair deleted: the pair stays, empty, in both
    await db.deleteFrom('progress_report').where('node_id', '=', g.quarterly).execute();
    s = await cachedAndStored();
    expect(s.cached).toEqual(s.stored);
    expect(s.cached.find((x) => x.key === `${g.quarterly}:${g.hengnan}`)).toMatchObject({ reported: '', latest: null });
  });

  it.skipIf(!usePg)('sees a write committed after a read that began while it was under way', async () => {
    const db = t.database.db;
    const before = (await cachedAndStored()).cached;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let written!: () => void;
    const wrote = new Promise<void>((r) => {
      written = r;
    });
    // A: writes a report and waits before committing
    const a = db.transaction().execute(async (trx) => {
      await submitReportRow(trx, row('2026-02', '2026-02-28', '2026-03-05'));
      written();
      await gate;
    });
    await wrote;
    // a read while A is open does not see it
    expect((await cachedAndStored()).cached).toEqual(before);
    // B: a later transaction, on another pair, commits first; the read sees it
    await submitReportRow(db, row('2026Q2', '2026-06-30', '2026-07-05', g.hengnan, g.quarterly));
    let s = await cachedAndStored();
    expect(s.cached.find((x) => x.key === `${g.quarterly}:${g.hengnan}`)?.reported).toBe('2026Q2');
    expect(s.cached.find((x) => x.key === `${g.monthly}:${g.leiyang}`)?.reported).toBe('2026-01');
    // A commits: the next read catches it although a newer transaction was read before
    release();
    await a;
    s = await cachedAndStored();
    expect(s.cached).toEqual(s.stored);
    expect(s.cached.find((x) => x.key === `${g.monthly}:${g.leiyang}`)?.reported).toBe('2026-01,2026-02');
  });
});

describe("a planner's inbox over all units", () => {
  it('follows every write of a unit and agrees with that unit’s own inbox', async () => {
    const h = await createPlanFixture(t.database.db, { title: '收件箱读模型测试计划' });
    const asOf = '2026-05-10';
    const inbox = async (orgId?: number) => {
      const res = await planner.request({
        method: 'GET',
        url: `/api/plan-inbox?planId=${h.planId}&asOf=${asOf}&pageSize=200${orgId ? `&orgId=${orgId}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TInbox;
    };
    // the units' own inboxes read their tallies afresh; the all-units one keeps what it worked out per tally
    const march = async () => {
      const all = await inbox();
      for (const orgId of [h.leiyang, h.hengnan]) expect(all.items.filter((i) => i.orgId === orgId)).toEqual((await inbox(orgId)).items);
      return all.items.find((i) => i.nodeId === h.monthly && i.orgId === h.leiyang)?.slots.find((s) => s.period === '2026-03');
    };
    expect(await march()).toMatchObject({ state: 'overdue', reportId: null });
    const res = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: { nodeId: h.monthly, period: '2026-03', narrative: '三月进展', percent: 20, values: [{ targetId: h.targetId, value: 5 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = (res.json() as { id: number }).id;
    // still overdue for the lead unit, now with its draft to finish
    expect(await march()).toMatchObject({ state: 'overdue', reportId: id });
    await act(leiyang, id, 'submit');
    expect(await march()).toMatchObject({ state: 'submitted' });
    await act(planner, id, 'return', { comment: '请补充数据' });
    expect(await march()).toMatchObject({ state: 'returned', reportId: id });
  });
});

describe("a whole plan's narratives", () => {
  it('are read in parts, with a turn for other requests between parts, and none is lost at the seams', async () => {
    const db = t.database.db;
    const n = await createPlanFixture(db, { title: '进展说明分段读取测试计划' });
    const reports: Array<{ id: number; narrative: string }> = [];
    for (const [period, end, due] of [
      ['2026-01', '2026-01-31', '2026-02-05'],
      ['2026-02', '2026-02-28', '2026-03-05'],
      ['2026-03', '2026-03-31', '2026-04-05'],
    ] as const) {
      const id = await submitReportRow(db, { planId: n.planId, nodeId: n.monthly, orgId: n.leiyang, period, periodEnd: end, dueDate: due });
      await db
        .updateTable('progress_report')
        .set({ narrative: `${period} 进展说明` })
        .where('id', '=', id)
        .execute();
      reports.push({ id, narrative: `${period} 进展说明` });
    }
    // ids with no report around the real ones, so that these fall first, on a seam and last
    const filler = (from: number, n: number) => Array.from({ length: n }, (_, i) => 2_000_000_000 - from - i);
    const ids = [
      reports[0]?.id,
      ...filler(0, narrativePart - 2),
      reports[1]?.id,
      ...filler(narrativePart, narrativePart + 5),
      reports[2]?.id,
    ] as number[];
    const statements: number[] = [];
    let turns = 0;
    const counting = db.withPlugin({
      transformQuery: (a) => {
        statements.push(turns);
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    const ticking = setInterval(() => turns++, 0);
    const read = await reportNarratives(counting, ids).finally(() => clearInterval(ticking));
    expect([...read.entries()].sort((a, b) => a[0] - b[0])).toEqual(reports.map((r) => [r.id, r.narrative]));
    expect(statements.length).toBe(3);
    // timers ran between the statements: the loop was not held from the first to the last
    expect(statements[2]).toBeGreaterThan(statements[0] as number);
  });
});

describe("a large plan's progress", () => {
  it('is worked out in slices of tasks, with a turn for other requests between them', async () => {
    const db = t.database.db;
    const big = await createPlanFixture(db, { title: '大计划分段计算测试计划' });
    // 2,500 more tasks in the fixture's section, set-based
    await sql`insert into plan_node (plan_id, parent_id, position, kind, number, title, start_offset, end_offset, due_date, cycle, cycle_due_day)
      select ${big.planId}, ${big.sectionId}, 10 + g, 'task', g || '.', '批量任务' || g, 0, 0, '2026-12-31', 'monthly', 5
      from generate_series(1, 2500) g`.execute(db);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const progress = await loadPlanProgress(db, big.planId, '2026-06-30').finally(() => clearInterval(ticking));
    expect(progress.tasks.length).toBe(2503);
    expect(turns).toBeGreaterThan(0);
  });
});
