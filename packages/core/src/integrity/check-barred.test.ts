import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCache } from '../cache.ts';
import type { Ctx } from '../context.ts';
import { enterpriseBarred } from './check-api.ts';
import { barredAmong, checkBarred, registerBanSource } from './check-barred.ts';
import { confirmRecord, revokeRecord } from './record-steps.ts';
import { createRecord } from './save-record.ts';

let database: Database;
let ctx: Ctx;
let personId: number;
let orgId: number;

beforeAll(async () => {
  database = await createTestDb();
  const db = database.db;
  orgId = (
    await db
      .insertInto('organization')
      .values({ name: '衡阳市科学技术局', kind: 'bureau', region_code: '430400', uscc: '12430400MB0000000X' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const user = await db
    .insertInto('app_user')
    .values({ username: 'p', display_name: '规划', org_id: orgId, roles: ['planner'], password_hash: 'x', must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  personId = (await db.insertInto('person').values({ name: '周研发' }).returning('id').executeTakeFirstOrThrow()).id;
  ctx = {
    db,
    actor: { userId: user.id, username: 'p', orgId, orgKind: 'bureau', regionCode: '430400', roles: ['planner'] },
    ip: null,
    now: () => new Date('2026-06-01T02:00:00Z'),
    cache: noCache,
  };
});
afterAll(async () => database?.close());

const person = () => ({ kind: 'person' as const, id: personId });

/** A confirmed ban on applying, decided on `start`, for an incident on `occurredOn`. */
async function ban(occurredOn: string, start: string, over: Record<string, unknown> = {}) {
  const r = await createRecord(ctx, {
    subjectKind: 'person',
    personId,
    listKind: 'black',
    misconductType: 'fabrication',
    severity: 'serious',
    measures: ['ban'],
    banScope: ['apply'],
    periodStart: start,
    periodYears: 1,
    docNo: `衡科诚〔2026〕${occurredOn}号`,
    decidedOn: start,
    occurredOn,
    ...over,
  });
  return confirmRecord(ctx, r.id, r.version);
}

describe('checkBarred across the rule-pack switch date', () => {
  it('bars on the days of each ban only, names the pack-chosen record, and lets a revoked one go', async () => {
    const before = await ban('2026-03-19', '2026-03-25');
    const after = await ban('2026-03-20', '2027-06-01');
    expect([before.packId, after.packId]).toEqual(['most-19', 'most-24']);
    expect([before.periodEnd, after.periodEnd]).toEqual(['2027-03-25', '2028-06-01']);
    const on = async (day: string) => checkBarred(ctx, { subject: person(), activity: 'apply', on: day });
    expect((await on('2026-03-24')).barred).toBe(false);
    expect(await on('2026-03-25')).toMatchObject({ barred: true, recordId: before.id });
    expect(await on('2027-03-25')).toMatchObject({ barred: true, reason: expect.stringContaining('衡科诚〔2026〕2026-03-19号') });
    expect((await on('2027-03-26')).barred).toBe(false);
    expect(await on('2027-06-01')).toMatchObject({ barred: true, recordId: after.id });
    expect(await on('2028-06-01')).toMatchObject({ barred: true, reason: expect.stringContaining('自2027年6月1日至2028年6月1日（1年）') });
    expect((await on('2028-06-02')).barred).toBe(false);
    // another activity, another subject: no ban
    expect((await checkBarred(ctx, { subject: person(), activity: 'review', on: '2026-04-01' })).barred).toBe(false);
    expect((await checkBarred(ctx, { subject: { kind: 'org', id: personId }, activity: 'apply', on: '2026-04-01' })).barred).toBe(false);
    await revokeRecord(ctx, before.id, { version: before.version, reason: '复核撤销' });
    expect((await on('2026-04-01')).barred).toBe(false);
  });

  it('bars permanently from a permanent ban, and never from a draft (an incomplete one cannot be confirmed)', async () => {
    const p = (await ctx.db.insertInto('person').values({ name: '吴永久' }).returning('id').executeTakeFirstOrThrow()).id;
    const draft = await createRecord(ctx, {
      subjectKind: 'person',
      personId: p,
      listKind: 'black',
      measures: ['ban'],
      banScope: ['review'],
      periodStart: '2026-01-01',
      permanent: true,
    });
    expect((await checkBarred(ctx, { subject: { kind: 'person', id: p }, activity: 'review', on: '2040-01-01' })).barred).toBe(false);
    await expect(confirmRecord(ctx, draft.id, draft.version)).rejects.toMatchObject({ code: 'integrity/incomplete' });
    const full = await createRecord(ctx, {
      subjectKind: 'person',
      personId: p,
      listKind: 'black',
      misconductType: 'improper_means',
      severity: 'extreme',
      measures: ['ban', 'serious_db'],
      banScope: ['review', 'apply'],
      periodStart: '2026-01-01',
      permanent: true,
      docNo: '衡科诚〔2026〕1号',
      decidedOn: '2026-01-01',
      occurredOn: '2025-12-01',
    });
    await confirmRecord(ctx, full.id, full.version);
    const answer = await checkBarred(ctx, { subject: { kind: 'person', id: p }, activity: 'review', on: '2040-01-01' });
    expect(answer).toMatchObject({ barred: true, reason: expect.stringContaining('自2026年1月1日起永久') });
  });

  it('still asks a registered source, and finds an enterprise by its organisation or credit code', async () => {
    const off = registerBanSource(async (_c, q) => (q.activity === 'award' ? { barred: true, reason: '国家失信名单' } : { barred: false }));
    try {
      expect(await checkBarred(ctx, { subject: person(), activity: 'award', on: '2026-04-01' })).toEqual({
        barred: true,
        reason: '国家失信名单',
      });
    } finally {
      off();
    }
    expect((await checkBarred(ctx, { subject: person(), activity: 'award', on: '2026-04-01' })).barred).toBe(false);
    const r = await createRecord(ctx, {
      subjectKind: 'org',
      orgId,
      listKind: 'black',
      misconductType: 'other',
      severity: 'minor',
      measures: ['ban'],
      banScope: ['hnte'],
      periodStart: '2026-01-01',
      periodYears: 1,
      docNo: '衡科诚〔2026〕5号',
      decidedOn: '2026-01-01',
      occurredOn: '2025-11-01',
    });
    await confirmRecord(ctx, r.id, r.version);
    expect((await enterpriseBarred(ctx.db, { orgId: null, uscc: '12430400MB0000000X' }, 'hnte', '2026-06-01')).barred).toBe(true);
    expect((await enterpriseBarred(ctx.db, { orgId, uscc: 'NONE' }, 'hnte', '2026-06-01')).barred).toBe(true);
    expect((await enterpriseBarred(ctx.db, { orgId: null, uscc: 'NONE' }, 'hnte', '2026-06-01')).barred).toBe(false);
    expect((await enterpriseBarred(ctx.db, { orgId, uscc: 'NONE' }, 'hnte', '2027-01-02')).barred).toBe(false);
  });
});

describe('barredAmong (a whole pool at once)', () => {
  it('answers like checkBarred for each subject, in one query', async () => {
    const [a, b] = await Promise.all(
      ['孙甲', '钱乙'].map(
        async (name) => (await ctx.db.insertInto('person').values({ name }).returning('id').executeTakeFirstOrThrow()).id,
      ),
    );
    const r = await createRecord(ctx, {
      subjectKind: 'person',
      personId: a as number,
      listKind: 'black',
      misconductType: 'other',
      severity: 'minor',
      measures: ['ban'],
      banScope: ['review'],
      periodStart: '2026-02-01',
      periodYears: 1,
      docNo: '衡科诚〔2026〕8号',
      decidedOn: '2026-02-01',
      occurredOn: '2026-01-05',
    });
    await confirmRecord(ctx, r.id, r.version);
    const ids = [a as number, b as number];
    const found = await barredAmong(ctx, { kind: 'person', ids, activity: 'review', on: '2026-06-01' });
    expect([...found.keys()]).toEqual([a]);
    expect(found.get(a as number)?.reason).toContain('衡科诚〔2026〕8号');
    for (const id of ids) {
      const one = await checkBarred(ctx, { subject: { kind: 'person', id }, activity: 'review', on: '2026-06-01' });
      expect(one.barred ? one.reason : null).toBe(found.get(id)?.reason ?? null);
    }
    expect((await barredAmong(ctx, { kind: 'person', ids, activity: 'apply', on: '2026-06-01' })).size).toBe(0);
  });
});
