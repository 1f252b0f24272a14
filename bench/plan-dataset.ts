/** The bench:plan dataset: a published two-year plan with its tree, units, targets and reports, written with set-based SQL. */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, LocalFileStore, loadDemo, noCache, rebuildReportTallies } from '../packages/core/src/index.ts';
import type { DB, Kysely } from '../packages/db/src/index.ts';
import { openDb, sql } from '../packages/db/src/index.ts';

/** An embedded database in a new temporary directory with the demo loaded (every account's password `password`). */
export async function demoDatabase(prefix: string, password: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const database = await openDb({ dataDir: dir });
  const files = new LocalFileStore(path.join(dir, 'files'));
  const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'bench', files };
  await loadDemo(ctx, { password });
  return { dir, database, db: database.db, files, ctx };
}

/**
 * Nothing is submitted after `asOf` (the day the bench reads at): the reports a unit would submit later are
 * still drafts. `tallyTriggers: false` loads the reports with the report_tally triggers off and rebuilds
 * the tallies in one statement afterwards.
 */
export async function generatePlan(
  db: Kysely<DB>,
  taskCount: number,
  asOf: string,
  opts: { tallyTriggers?: boolean } = {},
): Promise<{ planId: number; orgIds: number[] }> {
  // data ─────────────────────────────────────────────────────────────────────────────────────────
  const orgIds = [
    ...(
      await db
        .selectFrom('organization')
        .select('id')
        .where('name', 'in', ['耒阳市人民政府', '衡南县人民政府'])
        .orderBy('name', 'desc')
        .execute()
    ).map((o) => o.id),
  ];
  const counties = await db
    .selectFrom('region')
    .select('code')
    .where('code', 'like', '4304%')
    .where('level', '=', 3)
    .orderBy('code')
    .execute();
  for (let i = orgIds.length; i < 20; i++) {
    const { id } = await db
      .insertInto('organization')
      .values({ name: `衡阳市直单位${i}`, kind: 'department', region_code: counties[i % counties.length]?.code ?? '430400' })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgIds.push(id);
  }
  const { id: planId } = await db
    .insertInto('plan')
    .values({
      region_code: '430400',
      title: '衡阳市科技创新三年行动（基准测试）',
      year: 2025,
      period_to: 2026,
      kind: 'plan',
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sections = 20;
  const perSection = Math.ceil(taskCount / sections);
  // sections at positions 0, perSection+1, …; their tasks right after them
  await sql`
  insert into plan_node (plan_id, parent_id, position, kind, number, title, cycle, cycle_due_day, weight)
  select ${planId}, null, s * (${perSection} + 1), 'section', s + 1 || '', '重点任务板块 ' || (s + 1), 'none', 5, 1
  from generate_series(0, ${sections - 1}) s`.execute(db);
  await sql`
  insert into plan_node (plan_id, parent_id, position, kind, number, title, cycle, cycle_due_day, weight, lead_units)
  select ${planId}, sec.id, sec.position + 1 + k, 'task', (k + 1)::text, '任务 ' || sec.number || '.' || (k + 1), 'monthly', 5, 1 + (k % 3),
         array['市科技局']
  from plan_node sec cross join generate_series(0, ${perSection - 1}) k
  where sec.plan_id = ${planId} and sec.kind = 'section' and (sec.position / (${perSection} + 1)) * ${perSection} + k < ${taskCount}`.execute(
    db,
  );
  await sql`
  insert into plan_assignment (plan_id, node_id, org_id, role)
  select ${planId}, n.id, (${sql.val(orgIds)}::int[])[1 + (n.id % ${orgIds.length})], 'lead'
  from plan_node n where n.plan_id = ${planId} and n.kind = 'task'`.execute(db);
  await sql`
  insert into plan_assignment (plan_id, node_id, org_id, role)
  select ${planId}, n.id, (${sql.val(orgIds)}::int[])[1 + ((n.id + 1) % ${orgIds.length})], 'co'
  from plan_node n where n.plan_id = ${planId} and n.kind = 'task' and n.id % 3 = 0`.execute(db);
  await sql`
  insert into plan_target (plan_id, node_id, indicator_name, value, unit, normalized_value, normalized_unit, kind, target_year)
  select ${planId}, n.id, '新增指标 ' || n.id, 100, '家', 100, '家', 'increment', 2026
  from plan_node n where n.plan_id = ${planId} and n.kind = 'task' and n.id % 10 = 0`.execute(db);
  // one report per (task, lead unit, month); a few missing, some late, some returned / awaiting review / drafts
  if (opts.tallyTriggers === false) await sql`alter table progress_report disable trigger user`.execute(db);
  await sql`
  insert into progress_report (plan_id, node_id, org_id, period, period_end, due_date, version, status, narrative, percent, self_status,
                               submitted_at, reviewed_at, created_at, updated_at)
  select ${planId}, a.node_id, a.org_id, to_char(m, 'YYYY-MM'), pe, pe + 5, 1,
         case when sub is null then 'draft' when (a.node_id + g) % 20 = 0 then 'returned' when (a.node_id + g) % 20 = 1 then 'submitted'
              else 'accepted' end,
         '本月推进情况：按计划开展工作。', greatest(0, least(100, (g + 1) * 100 / 24 - (a.node_id % 5) * 4 + 4)),
         (array['on_track', 'on_track', 'at_risk', 'lagging'])[1 + (a.node_id + g) % 4],
         sub,
         case when sub is not null and (a.node_id + g) % 20 <> 1 then now() end,
         now(), now()
  from plan_assignment a
  cross join generate_series(0, 23) g
  cross join lateral (select (date '2025-01-01' + make_interval(months => g))::date as m) mm
  cross join lateral (select (m + interval '1 month' - interval '1 day')::date as pe) p
  cross join lateral (select (pe + 5 - ((a.node_id + g) % 9 - 2))::timestamp + time '10:00' as at) s
  cross join lateral (select case when (a.node_id + g) % 20 <> 2 and s.at < ${asOf}::date + 1 then s.at end as sub) t
  where a.plan_id = ${planId} and a.role = 'lead' and (a.node_id * 7 + g) % 25 <> 0`.execute(db);
  if (opts.tallyTriggers === false) {
    await sql`alter table progress_report enable trigger user`.execute(db);
    await rebuildReportTallies(db, planId);
  }
  await sql`
  insert into report_target_value (report_id, target_id, value)
  select r.id, t.id, r.percent from progress_report r join plan_target t on t.node_id = r.node_id
  where r.plan_id = ${planId} and r.status = 'accepted'`.execute(db);
  await sql`analyze`.execute(db);
  const count = async (table: 'plan_node' | 'progress_report' | 'plan_assignment' | 'plan_target') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  console.log(
    `数据：${(await count('plan_node')).toLocaleString()} 个节点（${taskCount} 项任务），${(await count('plan_assignment')).toLocaleString()} 条分工，` +
      `${(await count('plan_target')).toLocaleString()} 项指标，${(await count('progress_report')).toLocaleString()} 份报送`,
  );

  return { planId, orgIds };
}
