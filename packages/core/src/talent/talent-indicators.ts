import { type DB, sql, type Transaction } from '@kechuang/db';
import { type NewValue, writeValues } from '../indicator/index.ts';
import { subtreePattern } from '../query.ts';
import type { Db } from './talent.repository.ts';

/*
 * Talent numbers as indicator actuals of a region and the regions above it (source 'registry'), each the total
 * of its subtree, kept live inside the transaction of every change that moves them:
 *   st_commissioner_count 科技特派员数 — 特派员 selected for the year
 *   talent_count          引进培育科技人才数 — talents introduced (引进) in the year
 */

export async function talentFigures(db: Db, region: string, year: number): Promise<{ commissioners: number; introduced: number }> {
  const pattern = subtreePattern(region);
  const c = await sql<{
    n: string;
  }>`select count(*) as n from commissioner where region_code like ${pattern} and year = ${year}::int`.execute(db);
  const i = await sql<{ n: string }>`
    select count(*) as n from talent where region_code like ${pattern}
      and introduced_on >= ${`${year}-01-01`}::date and introduced_on <= ${`${year}-12-31`}::date`.execute(db);
  return { commissioners: Number(c.rows[0]?.n ?? 0), introduced: Number(i.rows[0]?.n ?? 0) };
}

function chain(code: string): string[] {
  const out = [code];
  if (!code.endsWith('00')) out.push(`${code.slice(0, 4)}00`);
  if (!code.endsWith('0000')) out.push(`${code.slice(0, 2)}0000`);
  return out;
}

export async function refreshTalentIndicators(
  tx: Transaction<DB>,
  region: string,
  year: number,
  who: { userId: number | null; via: string | null; now: Date },
): Promise<void> {
  const regions = await tx.selectFrom('region').select('code').where('code', 'in', chain(region)).execute();
  const values: NewValue[] = [];
  for (const r of regions) {
    const f = await talentFigures(tx, r.code, year);
    const v = (indicatorCode: string, value: number, ref: string): NewValue => ({
      indicatorCode,
      regionCode: r.code,
      period: String(year),
      kind: 'actual',
      value: String(value),
      source: 'registry',
      sourceRef: ref,
      note: null,
    });
    values.push(
      v('st_commissioner_count', f.commissioners, `科技特派员库（${year}年选派）`),
      v('talent_count', f.introduced, `人才库（${year}年引进）`),
    );
  }
  await writeValues(tx, values, who);
}
