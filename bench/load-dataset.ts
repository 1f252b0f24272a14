/**
 * The bench:load dataset: a city's month end. A published work plan of the current year with `tasks` monthly
 * tasks in 10 sections, `units` responsible units each leading its share of them (every fourth task also has a
 * co-unit), one reporter account per unit and `planners` planner accounts of the bureau (衡阳市科学技术局, from the
 * demo data, which must be loaded first). The months before the open one are reported and accepted; the open
 * month (the one that ended last, due on the 10th of this month) has a few reports already submitted and
 * awaiting review and a few drafts; the rest is still to do. Written with set-based SQL, the same statements on
 * the embedded database and on PostgreSQL; every account shares one password hash (computed once).
 *
 * A dataset already there (same plan title: same number of units) is reused as it is. On PostgreSQL the running
 * processes are told to drop their read caches (the rows were written outside withAudit, so nothing announced them).
 *
 * As a command: `tsx bench/load-dataset.ts` with DATABASE_URL, or LOAD_DATA_DIR (an embedded data directory no
 * process holds); LOAD_UNITS (500), LOAD_TASKS (3000), LOAD_PLANNERS (20), LOAD_PASSWORD.
 */
import { bureauDate, hashPassword } from '../packages/core/src/index.ts';
import type { DB, Kysely } from '../packages/db/src/index.ts';
import { sql } from '../packages/db/src/index.ts';
import { accountName, insertAccounts } from './accounts.ts';

export interface LoadDatasetOptions {
  units: number;
  tasks: number;
  planners: number;
  password: string;
  now?: Date;
}

export interface LoadDataset {
  planId: number;
  title: string;
  /** one per unit, in unit order */
  reporters: string[];
  planners: string[];
  /** the month being reported, e.g. '2026-11' */
  openPeriod: string;
  /** true when the dataset was already there */
  reused: boolean;
}

const reporterName = (i: number) => accountName('load.reporter.', 4, i);
const plannerName = (i: number) => accountName('load.planner.', 2, i);

export async function generateLoadDataset(db: Kysely<DB>, opts: LoadDatasetOptions): Promise<LoadDataset> {
  const today = bureauDate(opts.now ?? new Date());
  // the month that ended last is the one being reported: its report is due on the 10th of this month
  let year = Number(today.slice(0, 4));
  let open = Number(today.slice(5, 7)) - 1;
  if (open === 0) {
    year--;
    open = 12;
  }
  const openPeriod = `${year}-${String(open).padStart(2, '0')}`;
  const title = `衡阳市${year}年科技工作要点（负载测试，${opts.units} 个责任单位）`;
  const reporters = Array.from({ length: opts.units }, (_, i) => reporterName(i));
  const planners = Array.from({ length: opts.planners }, (_, i) => plannerName(i));

  const existing = await db.selectFrom('plan').select('id').where('title', '=', title).executeTakeFirst();
  if (existing) {
    const have = await db
      .selectFrom('app_user')
      .select('username')
      .where('username', 'in', [...reporters, ...planners])
      .execute();
    if (have.length !== reporters.length + planners.length)
      throw new Error(`the load dataset "${title}" is there but lacks accounts: start from an empty database`);
    return { planId: existing.id, title, reporters, planners, openPeriod, reused: true };
  }

  const bureau = await db.selectFrom('organization').select('id').where('name', '=', '衡阳市科学技术局').executeTakeFirst();
  if (!bureau) throw new Error('the demo data (衡阳市科学技术局) is not loaded');
  const hash = await hashPassword(opts.password);

  await db.transaction().execute(async (tx) => {
    // units in the counties of 衡阳 (4304xx), named so they sort in unit order
    const counties = (
      await tx.selectFrom('region').select('code').where('code', 'like', '4304%').where('level', '=', 3).orderBy('code').execute()
    ).map((r) => r.code);
    await sql`
    insert into organization (name, kind, region_code)
    select '负载测试责任单位' || lpad(i::text, 4, '0'), 'department', (${sql.val(counties)}::text[])[1 + i % ${counties.length}]
    from generate_series(1, ${opts.units}) i`.execute(tx);
    const unitIds = (
      await tx.selectFrom('organization').select('id').where('name', 'like', '负载测试责任单位%').orderBy('name').execute()
    ).map((o) => o.id);
    if (unitIds.length !== opts.units) throw new Error(`expected ${opts.units} load units, found ${unitIds.length}`);
    await insertAccounts(tx, {
      prefix: 'load.reporter.',
      displayPrefix: '填报员',
      width: 4,
      orgIds: unitIds,
      role: 'reporter',
      passwordHash: hash,
    });
    await insertAccounts(tx, {
      prefix: 'load.planner.',
      displayPrefix: '业务员',
      width: 2,
      orgIds: Array.from({ length: opts.planners }, () => bureau.id),
      role: 'planner',
      passwordHash: hash,
    });

    const { id: planId } = await tx
      .insertInto('plan')
      .values({ region_code: '430400', title, year, period_to: year, kind: 'plan', status: 'published', published_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sections = 10;
    const perSection = Math.ceil(opts.tasks / sections);
    await sql`
    insert into plan_node (plan_id, parent_id, position, kind, number, title, cycle, cycle_due_day, weight)
    select ${planId}, null, s * (${perSection} + 1), 'section', (s + 1)::text, '重点工作板块 ' || (s + 1), 'none', 10, 1
    from generate_series(0, ${sections - 1}) s`.execute(tx);
    // task k (0-based over the plan) is led by unit k mod units
    await sql`
    insert into plan_node (plan_id, parent_id, position, kind, number, title, cycle, cycle_due_day, weight, lead_units)
    select ${planId}, sec.id, sec.position + 1 + k, 'task', sec.number || '.' || (k + 1),
           '重点任务 ' || sec.number || '.' || (k + 1) || '：推进科技创新重点工作', 'monthly', 10, 1 + (k % 3),
           array['负载测试责任单位' || lpad((1 + (s.i * ${perSection} + k) % ${opts.units})::text, 4, '0')]
    from plan_node sec
    cross join lateral (select sec.position / (${perSection} + 1) as i) s
    cross join generate_series(0, ${perSection - 1}) k
    where sec.plan_id = ${planId} and sec.kind = 'section' and s.i * ${perSection} + k < ${opts.tasks}`.execute(tx);
    await sql`
    insert into plan_assignment (plan_id, node_id, org_id, role)
    select ${planId}, n.id, o.id, 'lead'
    from plan_node n join organization o on o.name = n.lead_units[1]
    where n.plan_id = ${planId} and n.kind = 'task'`.execute(tx);
    await sql`
    insert into plan_assignment (plan_id, node_id, org_id, role)
    select ${planId}, a.node_id, u.ids[1 + (array_position(u.ids, a.org_id) + 6) % ${opts.units}], 'co'
    from plan_assignment a cross join (select ${sql.val(unitIds)}::int[] as ids) u
    where a.plan_id = ${planId} and a.node_id % 4 = 0 and u.ids[1 + (array_position(u.ids, a.org_id) + 6) % ${opts.units}] <> a.org_id`.execute(
      tx,
    );
    await sql`
    insert into plan_target (plan_id, node_id, indicator_name, value, unit, normalized_value, normalized_unit, kind, target_year)
    select ${planId}, n.id, '新增指标 ' || n.number, 100, '家', 100, '家', 'increment', ${year}
    from plan_node n where n.plan_id = ${planId} and n.kind = 'task' and n.id % 10 = 0`.execute(tx);

    // the lead units' reports: months before the open one accepted; the open month submitted (1 in 10), a draft
    // (1 in 5) or not yet begun
    await sql`
    insert into progress_report (plan_id, node_id, org_id, period, period_end, due_date, version, status, narrative, percent,
                                 self_status, submitted_at, reviewed_at, created_at, updated_at)
    select ${planId}, a.node_id, a.org_id, to_char(m, 'YYYY-MM'), pe, (pe + 10)::date,
           1, st, '本月推进情况：按计划开展工作，完成阶段目标。', least(100, g * 100 / 12),
           (array['on_track', 'on_track', 'on_track', 'at_risk'])[1 + (a.node_id + g) % 4],
           case when st = 'accepted' then (pe + 10 - (a.node_id + g) % 5)::timestamp + time '10:00'
                when st = 'submitted' then now() - interval '1 hour' * (1 + h.x % 48) end,
           case when st = 'accepted' then (pe + 12)::timestamp + time '16:00' end,
           now(), now()
    from plan_assignment a
    cross join generate_series(1, ${open}) g
    cross join lateral (select abs(hashtext(a.node_id::text)) as x) h
    cross join lateral (select make_date(${year}, g, 1) as m) mm
    cross join lateral (select (m + interval '1 month' - interval '1 day')::date as pe) p
    cross join lateral (select case when g < ${open} then 'accepted' when h.x % 10 = 3 then 'submitted'
                                    when h.x % 5 = 1 then 'draft' else 'skip' end as st) s
    where a.plan_id = ${planId} and a.role = 'lead' and st <> 'skip'`.execute(tx);
    await sql`
    insert into report_target_value (report_id, target_id, value)
    select r.id, t.id, r.percent from progress_report r join plan_target t on t.node_id = r.node_id
    where r.plan_id = ${planId} and r.status = 'accepted'`.execute(tx);
  });
  await sql`analyze`.execute(db);
  // the serving processes drop whatever they cached before these rows (see cache-bus.ts)
  await sql`select pg_notify('kechuang_cache', ${JSON.stringify({ o: 'bench-load-dataset', n: String(Date.now()), t: ['*'] })})`.execute(
    db,
  );
  const plan = await db.selectFrom('plan').select('id').where('title', '=', title).executeTakeFirstOrThrow();
  return { planId: plan.id, title, reporters, planners, openPeriod, reused: false };
}

/** Counts of what a dataset holds, for the printed line. */
export async function describeLoadDataset(db: Kysely<DB>, planId: number): Promise<string> {
  const count = async (table: 'plan_node' | 'progress_report' | 'plan_assignment') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return `${(await count('plan_node')).toLocaleString()} nodes, ${(await count('plan_assignment')).toLocaleString()} assignments, ${(await count('progress_report')).toLocaleString()} reports`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { openDb } = await import('../packages/db/src/index.ts');
  const database = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.LOAD_DATA_DIR ?? 'data' });
  try {
    const t0 = performance.now();
    const d = await generateLoadDataset(database.db, {
      units: Number(process.env.LOAD_UNITS ?? 500),
      tasks: Number(process.env.LOAD_TASKS ?? 3000),
      planners: Number(process.env.LOAD_PLANNERS ?? 20),
      password: process.env.LOAD_PASSWORD ?? 'LoadBench2026',
    });
    console.log(
      `${d.reused ? 'reused' : 'generated'} "${d.title}" (plan ${d.planId}, open period ${d.openPeriod}): ${await describeLoadDataset(database.db, d.planId)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}
