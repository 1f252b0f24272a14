import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCache } from '../cache.ts';
import type { Ctx } from '../context.ts';
import { loadDemoPlatforms } from '../demo/demo-platform.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { countsByTypeLevelRegion } from './indicators.ts';
import { listPublicPlatforms } from './public-list.ts';

let database: Database;
let ctx: Ctx;
const now = new Date('2026-12-07T02:00:00Z');

beforeAll(async () => {
  database = await createTestDb();
  ctx = { db: database.db, actor: null, ip: null, now: () => now, cache: noCache, via: 'test' };
  await loadDemo(ctx, { password: 'TestPass2026', withPlan: false });
  await database.db.transaction().execute((tx) => loadDemoPlatforms(tx, now));
});
afterAll(async () => database?.close());

const value = async (code: string, region: string, period: string) =>
  (
    await database.db
      .selectFrom('indicator_value')
      .select('value')
      .where('indicator_code', '=', code)
      .where('region_code', '=', region)
      .where('period', '=', period)
      .where('superseded_at', 'is', null)
      .executeTakeFirst()
  )?.value;

describe('demo platforms (衡阳)', () => {
  it('holds platforms of several types and levels; the delisted one is off the public list', async () => {
    const s = await countsByTypeLevelRegion(database.db, '430400', 2026);
    const levels = new Set(s.cells.map((c) => c.level));
    expect([...levels].sort()).toEqual(['city', 'county', 'national', 'provincial']);
    expect(new Set(s.cells.map((c) => c.typeCode)).size).toBe(11);
    const pub = await listPublicPlatforms(ctx, { page: 1, pageSize: 100 });
    expect(pub.total).toBe(24);
    expect(pub.items.some((x) => x.name === '衡阳市电子陶瓷工程技术研究中心')).toBe(false);
  });

  it('feeds the city counts by year: the upgrade moves a centre from city to provincial in 2024', async () => {
    // city-level: 2023 has the steel-tube centre at city level, 2024 not; the ceramics centre left in 2025
    expect(Number(await value('city_eng_center_count', '430400', '2023'))).toBe(6);
    expect(Number(await value('city_eng_center_count', '430400', '2024'))).toBe(5);
    expect(Number(await value('city_eng_center_count', '430400', '2025'))).toBe(4);
    expect(Number(await value('platform_net_added_count', '430400', '2025'))).toBe(-1);
  });

  it('has last year graded and reports up to last year', async () => {
    const grades = await database.db.selectFrom('platform_grade').select('grade').execute();
    expect(grades.length).toBe(6);
    expect(new Set(grades.map((g) => g.grade)).size).toBeGreaterThan(1);
    const reports = await database.db.selectFrom('platform_report').select('year').distinct().orderBy('year').execute();
    expect(reports.at(-1)?.year).toBe(2025);
  });
});
