import { rebuildReportTallies } from '@kechuang/core';
import { sql } from '@kechuang/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture, submitReportRow } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// report_tally / report_month_tally are kept by triggers on progress_report; after every kind of write
// they must equal both a rebuild from scratch and an independent computation from the reports.

let t: TestApp;
let f: PlanFixture;
let leiyang: Client;
let hengnan: Client;
let planner: Client;

beforeAll(async () => {
  t = await createTestApp();
  f = await createPlanFixture(t.database.db, { title: '汇总表测试计划' });
  [leiyang, hengnan, planner] = await Promise.all([t.login('reporter.leiyang'), t.login('reporter.hengnan'), t.login('planner')]);
});
afterAll(async () => t?.close());

async function tallies() {
  const db = t.database.db;
  const rows = await db
    .selectFrom('report_tally')
    .selectAll()
    .where('plan_id', '=', f.planId)
    .orderBy('node_id')
    .orderBy('org_id')
    .execute();
  // a pair whose reports are all gone keeps an empty row (0009); which transaction wrote a row is not content
  const empty = (p: (typeof rows)[number]) => !p.reported && !p.awaiting && !p.returned && !p.drafts;
  for (const p of rows.filter(empty))
    expect(p).toMatchObject({ on_time: '', pending: 0, latest_id: null, latest_percent: null, last_submitted_at: null });
  const pairs = rows.filter((p) => !empty(p)).map(({ xid: _xid, ...p }) => p);
  const months = await db
    .selectFrom('report_month_tally')
    .selectAll()
    .where('plan_id', '=', f.planId)
    // months whose reports were all removed keep a row of zeros: equal to no row
    .where(sql<boolean>`(submitted, on_time, percent_sum, percent_n, on_track, at_risk, lagging, done) <> (0, 0, 0, 0, 0, 0, 0, 0)`)
    .orderBy('org_id')
    .orderBy('month')
    .execute();
  return { pairs, months };
}

/** What the tallies must say, computed here from the reports. */
async function expected() {
  const reports = await t.database.db.selectFrom('progress_report').selectAll().where('plan_id', '=', f.planId).execute();
  const pairs = new Map<string, typeof reports>();
  for (const r of reports) pairs.set(`${r.node_id}:${r.org_id}`, [...(pairs.get(`${r.node_id}:${r.org_id}`) ?? []), r]);
  const counted = (r: (typeof reports)[number]) => r.status === 'submitted' || r.status === 'accepted';
  const superseded = (r: (typeof reports)[number], rs: typeof reports) =>
    rs.some((l) => l.period === r.period && l.version > r.version && l.status !== 'draft');
  const join = (xs: string[]) => xs.sort().join(',');
  return [...pairs.values()]
    .map((rs) => {
      const latest = rs.filter(counted).sort((a, b) => b.period_end.localeCompare(a.period_end) || b.version - a.version)[0];
      return {
        node_id: rs[0]?.node_id,
        org_id: rs[0]?.org_id,
        reported: join(rs.filter(counted).map((r) => r.period)),
        awaiting: join(rs.filter((r) => r.status === 'submitted').map((r) => r.period)),
        returned: join(rs.filter((r) => r.status === 'returned' && !superseded(r, rs)).map((r) => `${r.period}|${r.id}|${r.version}`)),
        drafts: join(rs.filter((r) => r.status === 'draft').map((r) => `${r.period}|${r.id}|${r.version}`)),
        pending: rs.filter((r) => r.status === 'submitted' && !superseded(r, rs)).length,
        latest_id: latest?.id ?? null,
        latest_percent: latest?.percent ?? null,
      };
    })
    .sort((a, b) => (a.node_id ?? 0) - (b.node_id ?? 0) || (a.org_id ?? 0) - (b.org_id ?? 0));
}

async function expectConsistent(): Promise<void> {
  const kept = await tallies();
  expect(
    kept.pairs.map(({ node_id, org_id, reported, awaiting, returned, drafts, pending, latest_id, latest_percent }) => ({
      node_id,
      org_id,
      reported,
      awaiting,
      returned,
      drafts,
      pending,
      latest_id,
      latest_percent,
    })),
  ).toEqual(await expected());
  await rebuildReportTallies(t.database.db, f.planId);
  expect(await tallies()).toEqual(kept);
}

const draft = async (c: Client, period: string, percent: number, orgId?: number) => {
  const res = await c.request({
    method: 'POST',
    url: '/api/plan-reports',
    payload: { nodeId: f.monthly, period, narrative: `${period} 进展`, percent, selfStatus: 'on_track', ...(orgId ? { orgId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; rowVersion: number; version: number };
};
const act = async (c: Client, id: number, action: string, payload: Record<string, unknown> = {}) => {
  const cur = (await c.request({ method: 'GET', url: `/api/plan-reports/${id}` })).json();
  const res = await c.request({
    method: 'POST',
    url: `/api/plan-reports/${id}/${action}`,
    payload: { rowVersion: cur.rowVersion, ...payload },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; status: string };
};

describe('report tallies', () => {
  it('stay equal to a full recomputation through draft, submit, accept, return, revise and delete', async () => {
    const march = await draft(leiyang, '2026-03', 20);
    await expectConsistent();
    await act(leiyang, march.id, 'submit');
    await expectConsistent();
    const april = await draft(leiyang, '2026-04', 30);
    await act(leiyang, april.id, 'submit');
    await act(planner, march.id, 'accept');
    await act(planner, april.id, 'return', { comment: '请补充佐证材料' });
    await expectConsistent();
    expect((await tallies()).pairs[0]).toMatchObject({ reported: '2026-03', returned: `2026-04|${april.id}|1`, pending: 0 });

    const rev = await leiyang.request({ method: 'POST', url: `/api/plan-reports/${april.id}/revise` });
    expect(rev.statusCode, rev.body).toBe(200);
    const v2 = rev.json() as { id: number };
    await expectConsistent();
    await act(leiyang, v2.id, 'submit');
    await expectConsistent();
    expect((await tallies()).pairs[0]).toMatchObject({ reported: '2026-03,2026-04', returned: '', awaiting: '2026-04', pending: 1 });
    await act(planner, v2.id, 'accept');

    const may = await draft(leiyang, '2026-05', 40);
    await expectConsistent();
    const del = await leiyang.request({ method: 'DELETE', url: `/api/plan-reports/${may.id}` });
    expect(del.statusCode, del.body).toBe(200);
    await expectConsistent();

    // a co-unit reports too; its pair is tallied on its own
    const co = await draft(hengnan, '2026-03', 10);
    await act(hengnan, co.id, 'submit');
    await expectConsistent();
    expect((await tallies()).pairs.map((p) => p.org_id).sort()).toEqual([f.leiyang, f.hengnan].sort());
  });

  it('are not rewritten by a save that changes nothing they count, and follow one that does', async () => {
    const db = t.database.db;
    // which transaction last wrote the pair's tally and the unit's month tallies
    const written = async (orgId: number) => ({
      pair: (
        await db
          .selectFrom('report_tally')
          .select('xid')
          .where('node_id', '=', f.monthly)
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).xid,
      months: (
        await sql<{ x: string }>`select coalesce(string_agg(xmin::text, ',' order by month), '') as x
          from report_month_tally where plan_id = ${f.planId} and org_id = ${orgId}`.execute(db)
      ).rows[0]?.x,
    });
    const july = await draft(leiyang, '2026-07', 20);
    const before = await written(f.leiyang);
    // a draft's text, percent and self-assessment count nowhere until it is submitted
    const save = await leiyang.request({
      method: 'PATCH',
      url: `/api/plan-reports/${july.id}`,
      payload: { rowVersion: july.rowVersion, narrative: '七月进展（修改）', percent: 55, selfStatus: 'at_risk', values: [] },
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(await written(f.leiyang)).toEqual(before);
    await expectConsistent();

    await act(leiyang, july.id, 'submit');
    const submitted = await written(f.leiyang);
    expect(submitted.pair).not.toBe(before.pair);
    await act(planner, july.id, 'accept');
    // a counted report's text alone changes nothing; its percent does
    await db.updateTable('progress_report').set({ narrative: '七月进展（定稿）' }).where('id', '=', july.id).execute();
    const accepted = await written(f.leiyang);
    await db.updateTable('progress_report').set({ narrative: '七月进展（再改）' }).where('id', '=', july.id).execute();
    expect(await written(f.leiyang)).toEqual(accepted);
    await db.updateTable('progress_report').set({ percent: 65 }).where('id', '=', july.id).execute();
    expect((await written(f.leiyang)).pair).not.toBe(accepted.pair);
    expect((await tallies()).pairs.find((p) => p.org_id === f.leiyang && p.node_id === f.monthly)).toMatchObject({ latest_percent: 65 });
    await expectConsistent();
  });

  it('stay equal after multi-row statements, a rebuild with the triggers off, and a deleted task', async () => {
    const db = t.database.db;
    for (const [period, end, due] of [
      ['2026Q1', '2026-03-31', '2026-04-05'],
      ['2026Q2', '2026-06-30', '2026-07-05'],
      ['2026Q3', '2026-09-30', '2026-10-05'],
    ] as const)
      await submitReportRow(db, { planId: f.planId, nodeId: f.quarterly, orgId: f.hengnan, period, periodEnd: end, dueDate: due });
    await expectConsistent();
    await db
      .updateTable('progress_report')
      .set({ status: 'accepted' })
      .where('node_id', '=', f.quarterly)
      .where('period', '<>', '2026Q3')
      .execute();
    await expectConsistent();
    await db.deleteFrom('progress_report').where('node_id', '=', f.quarterly).where('period', '=', '2026Q1').execute();
    await expectConsistent();

    // bulk load with the triggers off, then one rebuild
    await sql`alter table progress_report disable trigger user`.execute(db);
    try {
      await submitReportRow(db, {
        planId: f.planId,
        nodeId: f.quarterly,
        orgId: f.hengnan,
        period: '2026Q1',
        periodEnd: '2026-03-31',
        dueDate: '2026-04-05',
      });
    } finally {
      await sql`alter table progress_report enable trigger user`.execute(db);
    }
    expect((await tallies()).pairs.find((p) => p.node_id === f.quarterly)?.reported).toBe('2026Q2,2026Q3');
    await rebuildReportTallies(db, f.planId);
    expect((await tallies()).pairs.find((p) => p.node_id === f.quarterly)?.reported).toBe('2026Q1,2026Q2,2026Q3');
    await expectConsistent();

    // every report of the task deleted: its pair stays, empty
    await db.deleteFrom('progress_report').where('node_id', '=', f.quarterly).execute();
    await expectConsistent();
    const left = await db.selectFrom('report_tally').selectAll().where('node_id', '=', f.quarterly).execute();
    expect(left).toMatchObject([{ org_id: f.hengnan, reported: '', drafts: '', latest_id: null }]);
    await submitReportRow(db, {
      planId: f.planId,
      nodeId: f.quarterly,
      orgId: f.hengnan,
      period: '2026Q1',
      periodEnd: '2026-03-31',
      dueDate: '2026-04-05',
    });
    await expectConsistent();

    // removing the task removes its reports and its tallies
    await db.deleteFrom('plan_node').where('id', '=', f.quarterly).execute();
    expect((await tallies()).pairs.some((p) => p.node_id === f.quarterly)).toBe(false);
    await expectConsistent();
  });
});
