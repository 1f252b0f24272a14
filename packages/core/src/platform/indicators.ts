import type { TPlatformLevel, TPlatformStats } from '@kechuang/contracts';
import { type DB, sql, type Transaction } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { type NewValue, writeValues } from '../indicator/index.ts';
import { requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { requirePlatformReader } from './platform.policy.ts';
import type { Db } from './platform.repository.ts';
import { retally } from './tally.ts';

/*
 * Platform counts as indicator actuals (source 'registry'), like the project counts: which indicator a count
 * feeds is data (platform_indicator_rule): a stock rule counts the platforms of its types and levels held on
 * 31 December of the year (from the spans of the status history); a net rule counts those that entered its
 * levels in the year (认定, or 升级/降级 into them) minus those that left (摘牌, or 升级/降级 out of them).
 * Each region's value is the total of its subtree. Every change that moves a count rewrites the values of the
 * platform's region and the regions above it, for the year of the change and every later year up to now,
 * inside the change's transaction — so a plan target bound to one of these codes reads its actual live.
 */

interface Rule {
  indicator_code: string;
  measure: string;
  type_codes: string[] | null;
  levels: string[];
}

export interface PlatformFigures {
  /** `${type}|${level}` → platforms held on 31 December */
  stock: Map<string, number>;
  entered: Map<string, number>;
  left: Map<string, number>;
}

export async function platformFigures(db: Db, region: string, year: number): Promise<PlatformFigures> {
  const pattern = subtreePattern(region);
  const end = `${year}-12-31`;
  const stock = await sql<{ type_code: string; level: string; n: string }>`
    select type_code, level, count(*) as n from platform_span
    where region_code like ${pattern} and valid_from <= ${end}::date and (valid_to is null or valid_to > ${end}::date)
    group by type_code, level`.execute(db);
  const moves = await sql<{ type_code: string; from_level: string | null; to_level: string | null; n: string }>`
    select p.type_code, e.from_level, e.to_level, count(*) as n from platform_event e join platform p on p.id = e.platform_id
    where p.region_code like ${pattern} and e.on_date between ${`${year}-01-01`}::date and ${end}::date
    group by p.type_code, e.from_level, e.to_level`.execute(db);
  const f: PlatformFigures = { stock: new Map(), entered: new Map(), left: new Map() };
  for (const r of stock.rows) f.stock.set(`${r.type_code}|${r.level}`, Number(r.n));
  for (const r of moves.rows) {
    const n = Number(r.n);
    if (r.to_level) f.entered.set(`${r.type_code}|${r.to_level}|${r.from_level ?? ''}`, n);
    if (r.from_level) f.left.set(`${r.type_code}|${r.from_level}|${r.to_level ?? ''}`, n);
  }
  return f;
}

/** The value of one rule from the figures. */
export function ruleValue(rule: Rule, f: PlatformFigures): number {
  const typeOk = (t: string) => rule.type_codes === null || rule.type_codes.includes(t);
  const inSet = (l: string) => rule.levels.includes(l);
  let n = 0;
  if (rule.measure === 'stock') {
    for (const [k, v] of f.stock) {
      const [t, l] = k.split('|') as [string, string];
      if (typeOk(t) && inSet(l)) n += v;
    }
    return n;
  }
  // net: a move within the set (city → provincial for 市级以上) neither adds nor removes
  for (const [k, v] of f.entered) {
    const [t, to, from] = k.split('|') as [string, string, string];
    if (typeOk(t) && inSet(to) && !(from && inSet(from))) n += v;
  }
  for (const [k, v] of f.left) {
    const [t, from, to] = k.split('|') as [string, string, string];
    if (typeOk(t) && inSet(from) && !(to && inSet(to))) n -= v;
  }
  return n;
}

/** 430408 → 430400 → 430000 */
function regionChain(code: string): string[] {
  const out = [code];
  if (!code.endsWith('00')) out.push(`${code.slice(0, 4)}00`);
  if (!code.endsWith('0000')) out.push(`${code.slice(0, 2)}0000`);
  return out;
}

export async function platformValues(db: Db, regions: string[], years: number[]): Promise<NewValue[]> {
  const rules = await db.selectFrom('platform_indicator_rule').selectAll().execute();
  const values: NewValue[] = [];
  for (const region of regions)
    for (const year of years) {
      const f = await platformFigures(db, region, year);
      for (const rule of rules)
        values.push({
          indicatorCode: rule.indicator_code,
          regionCode: region,
          period: String(year),
          kind: 'actual',
          value: String(ruleValue(rule, f)),
          source: 'registry',
          sourceRef: `创新平台库（${year}年）`,
          note: null,
        });
    }
  return values;
}

/** Called inside the transaction of every change that moves a count. */
export async function refreshPlatformIndicators(
  tx: Transaction<DB>,
  region: string,
  years: number[],
  ctx: Pick<Ctx, 'now' | 'actor' | 'via'>,
  userId: number | null,
): Promise<void> {
  const now = Number(bureauDate(ctx.now()).slice(0, 4));
  const from = Math.max(Math.min(...years), now - 10);
  const span: number[] = [];
  for (let y = from; y <= Math.max(now, ...years); y++) span.push(y);
  await retally(tx, [region], Math.min(...years), Math.max(now, ...years));
  const regions = (await tx.selectFrom('region').select('code').where('code', 'in', regionChain(region)).execute()).map((r) => r.code);
  await writeValues(tx, await platformValues(tx, regions, span), {
    userId,
    via: ctx.actor?.username ?? ctx.via ?? null,
    now: ctx.now(),
  });
}

/**
 * Counts by type × level × region on 31 December, and the year's moves: read from the tally kept in step with
 * every change (tally.ts) for the years up to now, counted live from the spans for a later year; cached until
 * the next mutation.
 */
export async function platformStats(ctx: Ctx, input: { region?: string; year?: number }): Promise<TPlatformStats> {
  const actor = requireActor(ctx);
  const region = input.region ?? actor.regionCode;
  requirePlatformReader(ctx, region);
  const now = Number(bureauDate(ctx.now()).slice(0, 4));
  const year = input.year ?? now;
  const key = `platform-stats:${region}:${year}`;
  const hit = ctx.cache.get<TPlatformStats>(key);
  if (hit) return hit;
  const out = year <= now ? await tallied(ctx.db, region, year) : await countsByTypeLevelRegion(ctx.db, region, year);
  ctx.cache.set(key, out);
  return out;
}

async function tallied(db: Db, region: string, year: number): Promise<TPlatformStats> {
  const rows = await db
    .selectFrom('platform_tally')
    .select(['type_code', 'level', 'region_code', 'stock', 'added', 'removed'])
    .where('year', '=', year)
    .where('region_code', 'like', subtreePattern(region))
    .orderBy('type_code')
    .orderBy('level')
    .orderBy('region_code')
    .execute();
  const net = new Map<string, { typeCode: string; level: TPlatformLevel; added: number; removed: number }>();
  for (const r of rows) {
    if (r.added === 0 && r.removed === 0) continue;
    const k = `${r.type_code}|${r.level}`;
    const m = net.get(k) ?? { typeCode: r.type_code, level: r.level as TPlatformLevel, added: 0, removed: 0 };
    m.added += r.added;
    m.removed += r.removed;
    net.set(k, m);
  }
  return {
    year,
    regionCode: region,
    cells: rows
      .filter((r) => r.stock > 0)
      .map((r) => ({ typeCode: r.type_code, level: r.level as TPlatformLevel, regionCode: r.region_code, count: r.stock })),
    net: [...net.values()],
  };
}

/** The same counts computed live from the spans and events (a year not tallied yet; tests compare the two). */
export async function countsByTypeLevelRegion(db: Db, region: string, year: number): Promise<TPlatformStats> {
  const end = `${year}-12-31`;
  const pattern = subtreePattern(region);
  const cells = await sql<{ type_code: string; level: string; region_code: string; n: string }>`
    select type_code, level, region_code, count(*) as n from platform_span
    where region_code like ${pattern} and valid_from <= ${end}::date and (valid_to is null or valid_to > ${end}::date)
    group by type_code, level, region_code order by type_code, level, region_code`.execute(db);
  const moves = await sql<{ type_code: string; level: string; added: string; removed: string }>`
    select p.type_code, x.level, sum(x.added) as added, sum(x.removed) as removed from platform_event e
    join platform p on p.id = e.platform_id
    cross join lateral (values (e.to_level, 1, 0), (e.from_level, 0, 1)) as x(level, added, removed)
    where p.region_code like ${pattern} and e.on_date between ${`${year}-01-01`}::date and ${end}::date and x.level is not null
    group by p.type_code, x.level order by p.type_code, x.level`.execute(db);
  return {
    year,
    regionCode: region,
    cells: cells.rows.map((r) => ({
      typeCode: r.type_code,
      level: r.level as TPlatformLevel,
      regionCode: r.region_code,
      count: Number(r.n),
    })),
    net: moves.rows.map((r) => ({
      typeCode: r.type_code,
      level: r.level as TPlatformLevel,
      added: Number(r.added),
      removed: Number(r.removed),
    })),
  };
}
