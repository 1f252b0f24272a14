import type { TIndicatorSource, TIndicatorValueKind } from '@kechuang/contracts';
import { type DB, sql, type Transaction } from '@kechuang/db';

export interface NewValue {
  indicatorCode: string;
  regionCode: string;
  period: string;
  kind: TIndicatorValueKind;
  /** decimal text */
  value: string;
  source: TIndicatorSource;
  sourceRef: string | null;
  note: string | null;
}

export interface WriteCounts {
  created: number;
  corrected: number;
  unchanged: number;
}

const chunk = 20_000;
const key = (a: string, b: string) =>
  sql.raw(
    `${a}.indicator_code = ${b}.indicator_code and ${a}.region_code = ${b}.region_code and ${a}.period = ${b}.period and ${a}.kind = ${b}.kind`,
  );

/**
 * The one batch writer of indicator values (manual entry, file import, registry, demo, bench), set-based:
 * rows go to a temporary staging table (unnest of column arrays, 20 000 rows a statement), then
 * - a row equal (numerically) to the current value changes nothing;
 * - a row that differs supersedes the current version (superseded_at, superseded_by) — history is kept;
 * - a row for a new key is inserted.
 * Keys must be unique within `rows` (callers report duplicates as errors). Runs inside the caller's
 * transaction (withAudit), so the batch is all or nothing.
 */
export async function writeValues(
  tx: Transaction<DB>,
  rows: readonly NewValue[],
  who: { userId: number | null; via: string | null; now: Date },
): Promise<WriteCounts> {
  if (rows.length === 0) return { created: 0, corrected: 0, unchanged: 0 };
  await sql`create temp table if not exists indicator_stage (
      indicator_code text not null, region_code text not null, period text not null, kind text not null,
      value numeric not null, source text not null, source_ref text, note text) on commit drop`.execute(tx);
  await sql`truncate indicator_stage`.execute(tx);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await sql`insert into indicator_stage
      select * from unnest(${part.map((r) => r.indicatorCode)}::text[], ${part.map((r) => r.regionCode)}::text[],
        ${part.map((r) => r.period)}::text[], ${part.map((r) => r.kind)}::text[], ${part.map((r) => r.value)}::numeric[],
        ${part.map((r) => r.source)}::text[], ${part.map((r) => r.sourceRef)}::text[], ${part.map((r) => r.note)}::text[])`.execute(tx);
  }
  if (rows.length > 1000) await sql`analyze indicator_stage`.execute(tx); // row estimates for the joins below
  // the table has no foreign keys (bulk speed, see 0007): every code of the batch must exist
  const unknown = await sql<{ what: string; code: string }>`
      select 'indicator' as what, s.indicator_code as code from indicator_stage s
        where not exists (select 1 from indicator i where i.code = s.indicator_code)
      union all
      select 'region', s.region_code from indicator_stage s where not exists (select 1 from region r where r.code = s.region_code)
      limit 5`.execute(tx);
  if (unknown.rows.length > 0) throw new Error(`unknown codes in an indicator value batch: ${JSON.stringify(unknown.rows)}`);
  const unchanged = await sql<{ n: string }>`select count(*) as n from indicator_stage s join indicator_value v
      on ${key('v', 's')} and v.superseded_at is null and v.value = s.value`.execute(tx);
  const superseded = await sql`update indicator_value v set superseded_at = ${who.now}
      from indicator_stage s where ${key('v', 's')} and v.superseded_at is null and v.value <> s.value`.execute(tx);
  const inserted = await sql`insert into indicator_value
        (indicator_code, region_code, period, kind, value, source, source_ref, note, recorded_by, recorded_via, recorded_at)
      select s.indicator_code, s.region_code, s.period, s.kind, s.value, s.source, s.source_ref, s.note,
        ${who.userId}::int, ${who.via}::text, ${who.now}::timestamptz
      from indicator_stage s
      where not exists (select 1 from indicator_value v where ${key('v', 's')} and v.superseded_at is null)`.execute(tx);
  const corrected = Number(superseded.numAffectedRows ?? 0);
  if (corrected > 0) {
    await sql`update indicator_value old set superseded_by = cur.id
        from indicator_stage s, indicator_value cur
        where ${key('old', 's')} and ${key('cur', 's')} and cur.superseded_at is null
          and old.superseded_at = ${who.now}::timestamptz and old.superseded_by is null`.execute(tx);
  }
  return {
    created: Number(inserted.numAffectedRows ?? 0) - corrected,
    corrected,
    unchanged: Number(unchanged.rows[0]?.n ?? 0),
  };
}
