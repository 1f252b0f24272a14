import type { TIndicatorSource, TIndicatorValue, TIndicatorValueKind } from '@kechuang/contracts';
import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import type { StoredValue } from './rollup.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface RegionTree {
  root: string;
  names: Map<string, string>;
  levels: Map<string, number>;
  children: Map<string, string[]>;
}

/**
 * The current regions (valid_to null) of a subtree, root included; null root = the whole country.
 * Retired codes are left out of roll-ups: a 区划调整 moves the data to the successor's own rows.
 */
export async function loadTree(ctx: Pick<Ctx, 'db' | 'cache'>, root: string | null): Promise<RegionTree> {
  const key = `indicator:tree:${root ?? 'all'}`;
  const cached = ctx.cache.get<RegionTree>(key);
  if (cached) return cached;
  let q = reader(ctx).selectFrom('region').select(['code', 'name', 'level', 'parent_code']).where('valid_to', 'is', null);
  if (root) q = q.where('code', 'like', subtreePattern(root));
  const rows = await q.orderBy('code').execute();
  const tree: RegionTree = { root: root ?? '', names: new Map(), levels: new Map(), children: new Map() };
  for (const r of rows) {
    tree.names.set(r.code, r.name);
    tree.levels.set(r.code, r.level);
  }
  for (const r of rows) {
    if (!r.parent_code || !tree.names.has(r.parent_code) || r.code === root) continue;
    getOr(tree.children, r.parent_code, () => []).push(r.code);
  }
  ctx.cache.set(key, tree);
  return tree;
}

/** The map's entry for a key, created when missing. */
export function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** indicator → region → value */
export type StoredTable = Map<string, Map<string, StoredValue>>;

/**
 * Current stored values of a region subtree (or one region only) by period and kind: `${period}|${kind}` → table.
 */
export async function loadStored(
  db: Db,
  q: { root: string | null; exact?: boolean; indicators?: string[] | null; periods: string[]; kinds: TIndicatorValueKind[] },
): Promise<Map<string, StoredTable>> {
  const out = new Map<string, StoredTable>();
  if (q.periods.length === 0 || q.kinds.length === 0 || q.indicators?.length === 0) return out;
  // One text per (period, kind) instead of one row per value: handing thousands of small rows from the
  // embedded database to JS cost ~5× the query itself, and string_agg is ~2× cheaper than json_agg of
  // arrays (a national evaluation reads ~48,000 values; bench/indicators.ts). No field can contain the
  // separators: codes, periods, kinds and sources are checked words, values are numeric text.
  let query = db
    .selectFrom('indicator_value')
    .select([
      'period',
      'kind',
      sql<string>`string_agg(indicator_code || ',' || region_code || ',' || value::text || ',' || source, ';')`.as('rows'),
    ])
    .where('superseded_at', 'is', null)
    .where('period', 'in', q.periods)
    .where('kind', 'in', q.kinds)
    .groupBy(['period', 'kind']);
  if (q.indicators) query = query.where('indicator_code', 'in', q.indicators);
  if (q.root) query = q.exact ? query.where('region_code', '=', q.root) : query.where('region_code', 'like', subtreePattern(q.root));
  for (const group of await query.execute()) {
    const table: StoredTable = getOr(out, `${group.period}|${group.kind}`, () => new Map());
    let last = '';
    let byRegion: Map<string, StoredValue> | undefined;
    for (const row of group.rows.split(';')) {
      const a = row.indexOf(',');
      const b = row.indexOf(',', a + 1);
      const c = row.indexOf(',', b + 1);
      const indicator = row.slice(0, a);
      if (indicator !== last || !byRegion) {
        byRegion = getOr(table, indicator, () => new Map());
        last = indicator;
      }
      byRegion.set(row.slice(a + 1, b), { value: row.slice(b + 1, c), source: row.slice(c + 1) as TIndicatorSource });
    }
  }
  return out;
}

/** The indicators a set of indicators needs to be resolved: themselves and their ratio operands. */
export function withOperands(
  codes: Iterable<string>,
  catalog: ReadonlyMap<string, { numeratorCode: string | null; denominatorCode: string | null }>,
): string[] {
  const out = new Set<string>();
  for (const c of codes) {
    out.add(c);
    const m = catalog.get(c);
    if (m?.numeratorCode) out.add(m.numeratorCode);
    if (m?.denominatorCode) out.add(m.denominatorCode);
  }
  return [...out];
}

export function valueSelect(db: Db) {
  return (
    db
      .selectFrom('indicator_value as v')
      .innerJoin('region as r', 'r.code', 'v.region_code')
      // people by their display name; the recorded name when the account is gone or it was a tool
      .leftJoin('app_user as u', 'u.id', 'v.recorded_by')
      .select([
        'u.display_name as recorder_name',
        'v.id',
        'v.indicator_code',
        'v.region_code',
        'r.name as region_name',
        'v.period',
        'v.kind',
        'v.value',
        'v.source',
        'v.source_ref',
        'v.note',
        'v.recorded_via',
        'v.recorded_at',
        'v.superseded_at',
        'v.superseded_by',
      ])
  );
}

type ValueRow = Awaited<ReturnType<ReturnType<typeof valueSelect>['execute']>>[number];
const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function toValue(r: ValueRow): TIndicatorValue {
  return {
    id: Number(r.id),
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    period: r.period,
    kind: r.kind as TIndicatorValueKind,
    value: Number(r.value),
    source: r.source as TIndicatorSource,
    sourceRef: r.source_ref,
    note: r.note,
    recordedBy: r.recorder_name ?? r.recorded_via,
    recordedAt: iso(r.recorded_at) as string,
    supersededAt: iso(r.superseded_at),
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
  };
}

/** keeps transaction-level access to sql for the writer */
export { sql };
