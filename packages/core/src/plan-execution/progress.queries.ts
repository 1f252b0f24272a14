import { sql } from 'kysely';
import type { Db } from './exec.repository.ts';

/** Aggregates over a plan's reports, computed in SQL so a 48,000-report plan stays fast. */

const counted = ['submitted', 'accepted'] as const;

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
  latest: LatestRow | null;
}
type LatestRow = LatestReport;

const periods = (s: string | null) => new Set(s ? s.split(',') : []);

/**
 * Per (task, unit) of a plan as of a date: the periods reported (submitted or accepted), the periods
 * submitted on time, and the latest counted report. Read from report_tally (one row per pair, kept
 * current by triggers) when no report was submitted after that date, else computed from the reports.
 */
export async function reportTallies(db: Db, planId: number, asOf: string): Promise<ReportTally[]> {
  const later = await db
    .selectFrom('report_tally')
    .select('node_id')
    .where('plan_id', '=', planId)
    .where(sql<boolean>`last_submitted_at >= ${asOf}::date + 1`)
    .limit(1)
    .executeTakeFirst();
  if (later) return scanTallies(db, planId, asOf);
  const rows = await db
    .selectFrom('report_tally')
    .select([
      'node_id',
      'org_id',
      'reported',
      'on_time',
      'latest_id',
      'latest_period',
      'latest_period_end',
      'latest_version',
      'latest_status',
      'latest_percent',
      'latest_submitted_at',
    ])
    .where('plan_id', '=', planId)
    .execute();
  return rows.map((r) => ({
    nodeId: r.node_id,
    orgId: r.org_id,
    reported: periods(r.reported),
    onTime: periods(r.on_time),
    latest:
      r.latest_id === null
        ? null
        : {
            id: r.latest_id,
            node_id: r.node_id,
            org_id: r.org_id,
            period: r.latest_period as string,
            period_end: r.latest_period_end as string,
            version: r.latest_version as number,
            status: r.latest_status as string,
            percent: r.latest_percent,
            submitted_at: r.latest_submitted_at,
          },
  }));
}

/** reportTallies for a day before the latest submission: one pass over the plan's reports. */
async function scanTallies(db: Db, planId: number, asOf: string): Promise<ReportTally[]> {
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
  return rows.map((r) => ({
    nodeId: r.node_id,
    orgId: r.org_id,
    reported: periods(r.reported),
    onTime: periods(r.on_time),
    latest: r.latest_id === null ? null : (byId.get(r.latest_id) ?? null),
  }));
}

/** The latest counted report of each task, among the latest of each of its units. */
export function latestReportByNode(tallies: ReportTally[]): Map<number, LatestReport> {
  const byNode = new Map<number, LatestReport>();
  for (const { latest: r } of tallies) {
    if (!r) continue;
    const cur = byNode.get(r.node_id);
    if (!cur || r.period_end > cur.period_end || (r.period_end === cur.period_end && r.version > cur.version)) byNode.set(r.node_id, r);
  }
  return byNode;
}

/** The narratives of reports by id. */
export async function reportNarratives(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('progress_report')
    .select(['id', 'narrative'])
    .where(sql<boolean>`id = any(${sql.val(ids)}::int[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.narrative]));
}

/**
 * Recomputes the report tallies of a plan (or of every plan) from its reports in one statement:
 * after a bulk load with the triggers disabled, or to check them.
 */
export async function rebuildReportTallies(db: Db, planId?: number): Promise<void> {
  const plan = planId === undefined ? sql`true` : sql`plan_id = ${planId}`;
  await sql`delete from report_tally where ${plan} and not exists (
    select 1 from progress_report r where r.node_id = report_tally.node_id and r.org_id = report_tally.org_id)`.execute(db);
  await sql`select report_tally_refresh(array_agg(node_id), array_agg(org_id))
    from (select distinct node_id, org_id from progress_report where ${plan}) p`.execute(db);
}

/** The latest reported value of each target (from submitted or accepted reports), with who reported it. */
export function latestTargetValues(db: Db, planId: number, asOf: string) {
  // driven from the plan's (few) targets, then their values, then each value's report by id
  return db
    .selectFrom('plan_target as t')
    .innerJoin('report_target_value as v', 'v.target_id', 't.id')
    .innerJoin('progress_report as r', 'r.id', 'v.report_id')
    .innerJoin('organization as o', 'o.id', 'r.org_id')
    .distinctOn('v.target_id')
    .select(['v.target_id', 'v.value', 'r.period', 'o.name as org_name', 'o.short_name'])
    .where('t.plan_id', '=', planId)
    .where('r.status', 'in', counted)
    .where(sql<boolean>`r.submitted_at < ${asOf}::date + 1`)
    .orderBy('v.target_id')
    .orderBy('r.period_end', 'desc')
    .orderBy('r.submitted_at', 'desc')
    .execute();
}

/** Current 'actual' values of the indicators module for the plan's region and year. */
export async function indicatorActuals(db: Db, regionCode: string, year: number, codes: string[]) {
  if (codes.length === 0) return new Map<string, { value: number; source: string; recordedAt: Date }>();
  const rows = await db
    .selectFrom('indicator_value')
    .select(['indicator_code', 'value', 'source', 'recorded_at'])
    .where('region_code', '=', regionCode)
    .where('period', '=', String(year))
    .where('kind', '=', 'actual')
    .where('superseded_at', 'is', null)
    .where('indicator_code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.indicator_code, { value: Number(r.value), source: r.source, recordedAt: r.recorded_at }]));
}
