import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCache } from '../cache.ts';
import type { Ctx } from '../context.ts';
import { loadDemoIntegrity } from '../demo/demo-integrity.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { enterpriseBarred } from './check-api.ts';
import { checkBarred } from './check-barred.ts';
import { listPublicRecords } from './list-records.ts';

let database: Database;
let ctx: Ctx;

beforeAll(async () => {
  database = await createTestDb();
  ctx = { db: database.db, actor: null, ip: null, now: () => new Date('2026-12-07T02:00:00Z'), cache: noCache, via: 'test' };
  await loadDemo(ctx, { password: 'TestPass2026', withPlan: false });
  await database.db.transaction().execute((tx) => loadDemoIntegrity(tx, ctx.now()));
});
afterAll(async () => database?.close());

describe('demo integrity records (衡阳)', () => {
  it('publishes two bans in force and one 红名单 entry; the expired, internal and draft ones stay off the public page', async () => {
    const black = await listPublicRecords(ctx, { listKind: 'black', page: 1, pageSize: 20 });
    expect(black.items.map((r) => r.name).sort()).toEqual(['张某某', '衡阳某检测技术服务有限公司'].sort());
    const red = await listPublicRecords(ctx, { listKind: 'red', page: 1, pageSize: 20 });
    expect(red.items.map((r) => r.name)).toEqual(['衡阳衡山科学仪器有限公司']);
    const packs = await database.db.selectFrom('integrity_record').select(['subject_name', 'pack_id']).execute();
    expect(packs).toEqual(
      expect.arrayContaining([
        { subject_name: '张某某', pack_id: 'most-19' },
        { subject_name: '衡阳某检测技术服务有限公司', pack_id: 'most-24' },
      ]),
    );
  });

  it('bars the listed unit from 高企认定 and its person from applying, with a reason', async () => {
    const org = await database.db
      .selectFrom('organization')
      .select(['id', 'uscc'])
      .where('name', '=', '衡阳某检测技术服务有限公司')
      .executeTakeFirstOrThrow();
    const answer = await enterpriseBarred(ctx.db, { orgId: org.id, uscc: 'X' }, 'hnte', '2026-12-07');
    expect(answer).toMatchObject({ barred: true, reason: expect.stringContaining('衡科发〔2026〕21号') });
    const person = await database.db
      .selectFrom('integrity_record')
      .select('person_id')
      .where('subject_name', '=', '张某某')
      .executeTakeFirstOrThrow();
    expect(
      (await checkBarred(ctx, { subject: { kind: 'person', id: person.person_id as number }, activity: 'apply', on: '2026-12-07' })).barred,
    ).toBe(true);
  });
});
