import { type AliasedExpression, sql } from 'kysely';
import { noCache } from '../cache.ts';
// the indicator module's own resolver, so a target's actual is the figure the indicator views show
import { loadCatalog } from '../indicator/catalog.ts';
import { Resolver } from '../indicator/index.ts';
import { loadStored, loadTree } from '../indicator/values.repository.ts';
import { yieldTurn } from '../yield-turn.ts';
import type { Db, PlanRow } from './exec.repository.ts';
import { currentTallies, pairKey, periodParser } from './tally-cache.ts';

/** Aggregates over a plan's reports, computed in SQL so a 48,000-report plan stays fast. */

export interface LatestReport {
  id: number;
  node_id: number;
  org_id: number;
  period: string;
  period_end: string;
  version: number;
  status: string;
  percent: number | null;
  submitted_at: Date | null;
}

export interface ReportTally {
  nodeId: number;
  orgId: number;
  /** periods reported (submitted or accepted) */
  reported: Set<string>;
  /** periods first submitted on time */
  onTime: Set<string>;
  /** the latest counted report */
  latest: LatestReport | null;
}

/**
 * The rows of a select as one json_agg value: the embedded database decodes one text value several
 * times faster than thousands of rows. Dates and numerics arrive as JSON (dates as 'YYYY-MM-DD',
 * timestamps as ISO strings, numerics as numbers); the caller types the rows accordingly.
 */
export async function jsonRows<T>(db: Db, query: { as(alias: 'q'): AliasedExpression<unknown, 'q'> }): Promise<T[]> {
  const { rows } = await sql<{ j: string }>`select coalesce(json_agg(q), '[]')::text as j from ${query.as('q')}`.execute(db);
  return JSON.parse(rows[0]?.j ?? '[]') as T[];
}

/**
 * Per (task, unit) of a plan as of a date, by pairKey: the periods reported (submitted or accepted), the
 * periods submitted on time, and the latest counted report. The current tallies (kept by triggers in
 * report_tally, read through the tally cache) when no report was submitted after that date (`hold`,
 * see talliesHoldAsOf), else computed from the reports.
 */
export async function reportTallies(
  db: Db,
  plan: Pick<PlanRow, 'id' | 'version'>,
  asOf: string,
  hold: boolean,
): Promise<ReadonlyMap<string, ReportTally>> {
  return hold ? currentTallies(db, plan) : scanTallies(db, plan.id, asOf);
}

/** reportTallies for a day before the latest submission: one pass over the plan's reports. */
async function scanTallies(db: Db, planId: number, asOf: string): Promise<Map<string, ReportTally>> {
  const counted = sql`status in ('submitted', 'accepted') and submitted_at < ${asOf}::date + 1`;
  const rows = await db
    .selectFrom('progress_report')
    .select([
      'node_id',
      'org_id',
      sql<string | null>`string_agg(period, ',') filter (where ${counted})`.as('reported'),
      sql<
        string | null
      >`string_agg(period, ',') filter (where submitted_at is not null and (submitted_at at time zone 'Asia/Shanghai')::date <= due_date and submitted_at < ${asOf}::date + 1)`.as(
        'on_time',
      ),
      sql<number | null>`(array_agg(id order by period_end desc, version desc) filter (where ${counted}))[1]`.as('latest_id'),
    ])
    .where('plan_id', '=', planId)
    .groupBy(['node_id', 'org_id'])
    .execute();
  const ids = rows.flatMap((r) => (r.latest_id === null ? [] : [r.latest_id]));
  const latest = ids.length
    ? await db
        .selectFrom('progress_report')
        .select(['id', 'node_id', 'org_id', 'period', 'period_end', 'version', 'status', 'percent', 'submitted_at'])
        .where(sql<boolean>`id = any(${sql.val(ids)}::int[])`)
        .execute()
    : [];
  const byId = new Map(latest.map((r) => [r.id, r]));
  const periods = periodParser();
  return new Map(
    rows.map((r) => [
      pairKey(r.node_id, r.org_id),
      {
        nodeId: r.node_id,
        orgId: r.org_id,
        reported: periods(r.reported),
        onTime: periods(r.on_time),
        latest: r.latest_id === null ? null : (byId.get(r.latest_id) ?? null),
      },
    ]),
  );
}

/** The latest counted report of each task, among the latest of each of its units. */
export function latestReportByNode(tallies: Iterable<ReportTally>, only: ReadonlySet<number> | null = null): Map<number, LatestReport> {
  const byNode = new Map<number, LatestReport>();
  for (const { latest: r } of tallies) {
    if (!r || (only && !only.has(r.node_id))) continue;
    const cur = byNode.get(r.node_id);
    if (!cur || r.period_end > cur.period_end || (r.period_end === cur.period_end && r.version > cur.version)) byNode.set(r.node_id, r);
  }
  return byNode;
}

/** The narratives of reports by id. */
export async function reportNarratives(db: Db, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  // a whole plan's narratives (20,000 tasks: 110–180 ms in one statement) are read in parts, with a turn
  // between them: on the embedded database a statement holds the thread every other request is served on
  for (let i = 0; i < ids.length; i += narrativePart) {
    if (i > 0) await yieldTurn();
    const rows = await db
      .selectFrom('progress_report')
      .select(['id', 'narrative'])
      .where(sql<boolean>`id = any(${sql.val(ids.slice(i, i + narrativePart))}::int[])`)
      .execute();
    for (const r of rows) out.set(r.id, r.narrative);
  }
  return out;
}
/** narratives read per statement */
export const narrativePart = 2000;

/**
 * Recomputes the report tallies and the targets' latest values of a plan (or of every plan) from its
 * reports, set-based: after a bulk load with the triggers disabled, or to check them.
 */
export async function rebuildReportTallies(db: Db, planId?: number): Promise<void> {
  const plan = planId === undefined ? sql`true` : sql`plan_id = ${planId}`;
  // pairs without reports keep an empty row (see report_tally_refresh, 0009)
  await sql`select report_tally_refresh(array_agg(node_id), array_agg(org_id)) from report_tally where ${plan} and not exists (
    select 1 from progress_report r where r.node_id = report_tally.node_id and r.org_id = report_tally.org_id)`.execute(db);
  await sql`select report_tally_refresh(array_agg(node_id), array_agg(org_id))
    from (select distinct node_id, org_id from progress_report where ${plan}) p`.execute(db);
  await sql`delete from report_month_tally where ${plan}`.execute(db);
  await sql`select report_month_tally_add(1, coalesce(jsonb_agg(r), '[]'))
    from (select plan_id, org_id, period_end, due_date, status, percent, self_status, submitted_at from progress_report where ${plan}) r`.execute(
    db,
  );
  await sql`select target_latest_refresh(array_agg(id)) from plan_target where ${plan}`.execute(db);
}

/** Whether the stored tallies of a plan hold as of a day: no report was submitted after it. */
export async function talliesHoldAsOf(db: Db, planId: number, asOf: string): Promise<boolean> {
  const later = await db
    .selectFrom('report_tally')
    .select('node_id')
    .where('plan_id', '=', planId)
    .where(sql<boolean>`last_submitted_at >= ${asOf}::date + 1`)
    .limit(1)
    .executeTakeFirst();
  return !later;
}

export interface LatestTargetValue {
  target_id: number;
  value: string;
  period: string;
  org_name: string;
  short_name: string | null;
}

/**
 * The latest reported value of each target (from submitted or accepted reports), with who reported it.
 * Read from target_latest_value (one row per target, kept current by triggers) when the tallies hold
 * as of the day (`hold`, see talliesHoldAsOf), else searched per target among its reports.
 */
export async function latestTargetValues(
  db: Db,
  planId: number,
  asOf: string,
  hold: boolean,
  /** only these targets (a filtered dashboard) */
  targetIds?: number[],
): Promise<LatestTargetValue[]> {
  if (targetIds?.length === 0) return [];
  const some = targetIds ? sql`and t.id = any(${sql.val(targetIds)}::int[])` : sql``;
  if (hold) {
    const someLatest = targetIds ? sql`and l.target_id = any(${sql.val(targetIds)}::int[])` : sql``;
    const { rows } = await sql<LatestTargetValue>`select l.target_id, l.value, l.period, o.name as org_name, o.short_name
      from target_latest_value l join organization o on o.id = l.org_id
      where l.plan_id = ${planId} ${someLatest}
      order by l.target_id`.execute(db);
    return rows;
  }
  // per target (a few hundred), its values by index and each value's report by id: no scan of the reports
  const { rows } = await sql<LatestTargetValue>`select t.id as target_id, x.value, x.period, o.name as org_name, o.short_name
    from plan_target t
    cross join lateral (
      select v.value, r.period, r.org_id
      from report_target_value v
      join progress_report r on r.id = v.report_id
      where v.target_id = t.id and r.status in ('submitted', 'accepted') and r.submitted_at < ${asOf}::date + 1
      order by r.period_end desc, r.submitted_at desc
      limit 1
    ) x
    join organization o on o.id = x.org_id
    where t.plan_id = ${planId} ${some}
    order by t.id`.execute(db);
  return rows;
}

/** Current 'actual' values of the indicators module for the plan's region and year. */
export interface IndicatorActual {
  value: number;
  period: string;
  /** stored for the region itself, rolled up from the regions below, or derived from other indicators */
  origin: 'stored' | 'rolled_up' | 'derived';
  /** when a stored value was recorded (null for a rolled-up or derived one) */
  recordedAt: Date | null;
}

/** Years back from the plan year in which the reason for a missing actual looks for the latest value. */
const lookBackYears = 6;

/**
 * The catalogue's annual actuals of the plan's region for the bound indicators, as the indicator views
 * show them (stored, or rolled up from the counties / derived, e.g. 研发投入强度 = ΣR&D / ΣGDP): the plan
 * year's value (the target's actual) and the latest year held (to say why the plan year has none).
 */
export async function indicatorActuals(db: Db, regionCode: string, year: number, codes: string[]) {
  const exact = new Map<string, IndicatorActual>();
  const latest = new Map<string, IndicatorActual>();
  if (codes.length === 0) return { exact, latest };
  const ctx = { db, cache: noCache };
  const periods = Array.from({ length: lookBackYears }, (_, i) => String(year - i));
  const [catalog, tree, stored, dates] = await Promise.all([
    loadCatalog(ctx),
    loadTree(ctx, regionCode),
    loadStored(db, { root: regionCode, periods, kinds: ['actual'] }),
    db
      .selectFrom('indicator_value')
      .select(['indicator_code', 'period', 'recorded_at'])
      .where('region_code', '=', regionCode)
      .where('kind', '=', 'actual')
      .where('superseded_at', 'is', null)
      .where('period', 'in', periods)
      .where('indicator_code', 'in', [...new Set(codes)])
      .execute(),
  ]);
  const meta = new Map(catalog.map((i) => [i.code, i]));
  const recorded = new Map(dates.map((d) => [`${d.indicator_code}|${d.period}`, d.recorded_at]));
  for (const period of periods) {
    const resolver = new Resolver(meta, stored.get(`${period}|actual`) ?? new Map(), tree.children);
    for (const code of new Set(codes)) {
      if (latest.has(code) || !meta.has(code)) continue;
      const r = resolver.get(code, regionCode);
      if (!r) continue;
      const v: IndicatorActual = { value: r.value, period, origin: r.origin, recordedAt: recorded.get(`${code}|${period}`) ?? null };
      latest.set(code, v);
      if (period === String(year)) exact.set(code, v);
    }
  }
  return { exact, latest };
}
