import { sql } from 'kysely';
import type { Db, PlanRow } from './exec.repository.ts';
import type { LatestReport, ReportTally } from './progress.queries.ts';

/**
 * The current report tallies of a plan's (task, unit) pairs, kept in memory per database handle and
 * brought up to date on every read with the rows written since the last one: report_tally.xid is the
 * transaction that wrote a row (0009), and a read remembers the oldest transaction still running when
 * it looked (its snapshot's xmin), so that the next read takes every row from that transaction on —
 * including those committed in between by transactions it could not yet see. After a submission only
 * the pair it touched is read again instead of every pair of the plan.
 */

export interface PairTally extends ReportTally {
  /** periods with a report awaiting review */
  awaiting: Set<string>;
  /** returned reports no later version supersedes, by period */
  returned: Map<string, { id: number; version: number }>;
  /** drafts, by period */
  drafts: Map<string, { id: number; version: number }>;
  /** submitted reports no later version supersedes */
  pending: number;
}

type Tuple = [
  nodeId: number,
  orgId: number,
  reported: string,
  onTime: string,
  awaiting: string,
  returned: string,
  drafts: string,
  pending: number,
  latestId: number | null,
  latestPeriod: string,
  latestPeriodEnd: string,
  latestVersion: number,
  latestStatus: string,
  latestPercent: number | null,
  latestSubmittedAt: string | null,
];

interface Entry {
  planVersion: number;
  /** the xmin of the last read's snapshot: rows from that transaction on are read again */
  xmin: bigint;
  pairs: Map<string, PairTally>;
  periods: (s: string | null) => Set<string>;
  /** reads of one plan run one after another, each on a newer snapshot */
  chain: Promise<unknown>;
}

const caches = new WeakMap<object, Map<number, Entry>>();

/** Parses comma-separated periods; equal lists (most units report alike) share one read-only set. */
export function periodParser(): (s: string | null) => Set<string> {
  const seen = new Map<string, Set<string>>();
  return (s) => {
    const key = s ?? '';
    let set = seen.get(key);
    if (!set) {
      if (seen.size >= 5000) seen.clear();
      set = new Set(key ? key.split(',') : []);
      seen.set(key, set);
    }
    return set;
  };
}

export const pairKey = (nodeId: number, orgId: number) => `${nodeId}:${orgId}`;

/** Parses 'period|id|version' triples of report_tally. */
export function triples(s: string): Map<string, { id: number; version: number }> {
  const m = new Map<string, { id: number; version: number }>();
  if (!s) return m;
  for (const x of s.split(',')) {
    const [period, id, version] = x.split('|');
    m.set(period as string, { id: Number(id), version: Number(version) });
  }
  return m;
}

/**
 * A plan's current tallies by pairKey (shared: callers must not change them). Pairs whose reports
 * were all deleted are present with empty sets.
 */
export function currentTallies(db: Db, plan: Pick<PlanRow, 'id' | 'version'>): Promise<ReadonlyMap<string, PairTally>> {
  let byPlan = caches.get(db);
  if (!byPlan) {
    byPlan = new Map();
    caches.set(db, byPlan);
  }
  let entry = byPlan.get(plan.id);
  if (!entry || entry.planVersion !== plan.version) {
    // an edit of the plan may have removed tasks (and their rows): start afresh
    entry = { planVersion: plan.version, xmin: 0n, pairs: new Map(), periods: periodParser(), chain: Promise.resolve() };
    if (byPlan.size >= 50) byPlan.clear();
    byPlan.set(plan.id, entry);
  }
  const e = entry;
  const read = e.chain.then(() => catchUp(db, plan.id, e));
  e.chain = read.catch(() => undefined);
  return read;
}

async function catchUp(db: Db, planId: number, e: Entry): Promise<ReadonlyMap<string, PairTally>> {
  // one statement, one snapshot: the rows and the xmin they are complete up to
  const { rows } = await sql<{ xmin: string; j: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
      (select coalesce(json_agg(json_build_array(node_id, org_id, reported, on_time, awaiting, returned, drafts, pending,
        latest_id, latest_period, latest_period_end, latest_version, latest_status, latest_percent, latest_submitted_at)), '[]')
       from report_tally where plan_id = ${planId} and xid >= ${e.xmin.toString()}::xid8)::text as j`.execute(db);
  const row = rows[0];
  if (!row) return e.pairs;
  const xmin = BigInt(row.xmin);
  if (xmin < e.xmin) {
    // the database's transactions went back (a restore): read everything again
    e.xmin = 0n;
    e.pairs.clear();
    return catchUp(db, planId, e);
  }
  for (const t of JSON.parse(row.j) as Tuple[]) {
    const tally = toTally(t, e.periods);
    e.pairs.set(pairKey(tally.nodeId, tally.orgId), tally);
  }
  e.xmin = xmin;
  return e.pairs;
}

function toTally(
  [nodeId, orgId, reported, onTime, awaiting, returned, drafts, pending, id, period, periodEnd, version, status, percent, at]: Tuple,
  periods: (s: string | null) => Set<string>,
): PairTally {
  const latest: LatestReport | null =
    id === null
      ? null
      : {
          id,
          node_id: nodeId,
          org_id: orgId,
          period,
          period_end: periodEnd,
          version,
          status,
          percent,
          submitted_at: at === null ? null : new Date(at),
        };
  return {
    nodeId,
    orgId,
    reported: periods(reported),
    onTime: periods(onTime),
    awaiting: periods(awaiting),
    returned: triples(returned),
    drafts: triples(drafts),
    pending,
    latest,
  };
}
