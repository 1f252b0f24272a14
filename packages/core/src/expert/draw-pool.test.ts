import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCache } from '../cache.ts';
import type { Ctx } from '../context.ts';
import { loadDemoExperts } from '../demo/demo-expert.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadDrawPool } from './draw-pool.ts';

let database: Database;
let made = 0;

beforeAll(async () => {
  database = await createTestDb();
  const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date('2026-12-07T02:00:00Z'), cache: noCache, via: 'test' };
  await loadDemo(ctx, { password: 'TestPass2026', withPlan: false });
  // the demo loader may already hold the demo experts; load them here only if it does not
  const before = await database.db.selectFrom('expert').select('id').execute();
  made = before.length > 0 ? before.length : (await database.db.transaction().execute((tx) => loadDemoExperts(tx, ctx.now()))).experts;
}, 120_000);
afterAll(async () => database?.close());

describe('the draw pool', () => {
  it('holds only active experts by default, ordered by id, in four queries', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      // once per executed statement (transformQuery also sees every subquery)
      transformResult: async (args) => {
        queries++;
        return args.result;
      },
    };
    const pool = await loadDrawPool(database.db.withPlugin(counting));
    expect(queries).toBe(4);
    expect(made).toBeGreaterThanOrEqual(40);
    // 2 pending, 1 paused, 1 retired in the demo
    expect(pool).toHaveLength(made - 4);
    expect(pool.every((e) => e.status === 'active')).toBe(true);
    expect(pool.map((e) => e.id)).toEqual([...pool.map((e) => e.id)].sort((a, b) => a - b));
  });

  it('filters by region subtree and 学科 prefix ("490" matches "490.65")', async () => {
    const hengyang = await loadDrawPool(database.db, { regionCodes: ['430400'] });
    expect(hengyang.length).toBeGreaterThan(10);
    expect(hengyang.every((e) => e.regionCode.startsWith('4304'))).toBe(true);
    const nuclear = await loadDrawPool(database.db, { disciplinePrefixes: ['490'] });
    expect(nuclear.map((e) => e.name).sort()).toEqual(['刘建国', '欧阳明', '罗慧敏', '陈立新', '黄立伟'].sort());
    const nuclearHere = await loadDrawPool(database.db, { disciplinePrefixes: ['490'], regionCodes: ['430400', '430300'] });
    expect(nuclearHere.map((e) => e.name).sort()).toEqual(['刘建国', '欧阳明', '罗慧敏', '陈立新'].sort());
    const industry = await loadDrawPool(database.db, { industryPrefixes: ['C40'] });
    expect(industry.map((e) => e.name).sort()).toEqual(['刘建国', '曾庆华'].sort());
  });

  it('carries employers (current first, then past latest first), relations and unavailable dates', async () => {
    const [chen] = await loadDrawPool(database.db, { disciplinePrefixes: ['490.65'], regionCodes: ['430407'] });
    const user = await database.db.selectFrom('app_user').select('id').where('username', '=', 'expert').executeTakeFirstOrThrow();
    expect(chen).toMatchObject({ name: '陈立新', userId: user.id, regionCode: '430407', yearlyQuota: 20 });
    expect(chen?.employments).toEqual([
      { orgId: expect.any(Number), orgName: '南华大学', fromDate: '2012-07-01', toDate: null },
      { orgId: null, orgName: '中南大学', fromDate: '2006-09-01', toDate: '2012-06-30' },
    ]);
    expect(chen?.relations.map((r) => [r.kind, r.personName])).toEqual([
      ['mentor', '欧阳核'],
      ['co_applicant', '周光谱'],
    ]);
    expect(chen?.unavailable).toEqual([{ fromDate: '2027-01-20', toDate: '2027-02-10' }]);
  });

  it('reads other statuses and given ids on request', async () => {
    const out = await loadDrawPool(database.db, { status: ['paused', 'retired'] });
    expect(out.map((e) => [e.name, e.status])).toEqual(
      expect.arrayContaining([
        ['钟志刚', 'paused'],
        ['雷振宇', 'retired'],
      ]),
    );
    expect(out).toHaveLength(2);
    const two = await loadDrawPool(database.db, { ids: out.map((e) => e.id), status: ['active', 'paused', 'retired'] });
    expect(two.map((e) => e.id)).toEqual(out.map((e) => e.id));
    expect(await loadDrawPool(database.db, { ids: [] })).toEqual([]);
  });
});
