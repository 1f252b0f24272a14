import { AppError } from '@kechuang/contracts';
import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCache } from '../cache.ts';
import { type JobHandler, JobQueue } from './job-queue.ts';

let database: Database;
let userId: number;
let disabledId: number;
const runs: { id: number; owner: string; actor: string | null }[] = [];

beforeAll(async () => {
  database = await createTestDb();
  const db = database.db;
  const { id: orgId } = await db
    .insertInto('organization')
    .values({ name: '衡阳市科学技术局', kind: 'bureau', region_code: '430400' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = (username: string, disabled: boolean) =>
    db
      .insertInto('app_user')
      .values({
        username,
        display_name: username,
        org_id: orgId,
        roles: ['planner'],
        password_hash: 'x',
        must_change_password: false,
        disabled_at: disabled ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  userId = (await user('planner', false)).id;
  disabledId = (await user('gone', true)).id;
});
afterAll(async () => database?.close());

function queue(owner: string, run: JobHandler<{ n: number; fail?: boolean }>['run']) {
  return new JobQueue({
    owner,
    leaseMs: 60_000,
    ctx: () => ({ db: database.db, cache: noCache, ip: null, now: () => new Date() }),
    handlers: [{ kind: 'plan.bulletin', run }],
  });
}

const counting = (owner: string) =>
  queue(owner, async (ctx, params, progress) => {
    await progress(1, 2);
    runs.push({ id: params.n, owner, actor: ctx.actor?.username ?? null });
    if (params.fail) throw new AppError('plan/not_found', { planId: params.n });
    return { result: { n: params.n } };
  });

async function enqueue(params: object, extra: Record<string, unknown> = {}) {
  const { id } = await database.db
    .insertInto('job')
    .values({ kind: 'plan.bulletin', params: JSON.stringify(params), region_code: '430400', created_by: userId, ...extra })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
const job = (id: number) => database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('job queue', () => {
  it('runs each queued job once when two processes take jobs from the same database', async () => {
    runs.length = 0;
    const ids = [await enqueue({ n: 1 }), await enqueue({ n: 2 }), await enqueue({ n: 3 })];
    const a = counting('a');
    const b = counting('b');
    await Promise.all([a.drain(), b.drain()]);
    expect(runs.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    expect(runs.every((r) => r.actor === 'planner')).toBe(true);
    for (const id of ids)
      expect(await job(id)).toMatchObject({ status: 'succeeded', progress_done: 2, progress_total: 2, attempts: 1, locked_by: null });
    expect((await job(ids[0] as number)).result).toEqual({ n: 1 });
  });

  it('takes up a job whose process died once its lease has run out, and gives up after the last attempt', async () => {
    runs.length = 0;
    const past = new Date(Date.now() - 1000);
    const orphan = await enqueue({ n: 4 }, { status: 'running', locked_by: 'dead', locked_until: past, attempts: 1 });
    const held = await enqueue(
      { n: 5 },
      { status: 'running', locked_by: 'alive', locked_until: new Date(Date.now() + 60_000), attempts: 1 },
    );
    const worn = await enqueue({ n: 6 }, { status: 'running', locked_by: 'dead', locked_until: past, attempts: 3 });
    await counting('c').drain();
    expect(runs.map((r) => r.id)).toEqual([4]);
    expect(await job(orphan)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(await job(held)).toMatchObject({ status: 'running', locked_by: 'alive' });
    expect(await job(worn)).toMatchObject({ status: 'failed', error_code: 'job/abandoned' });
  });

  it('keeps a failure with its stable code and zh-CN text, and the progress reached', async () => {
    const id = await enqueue({ n: 7, fail: true });
    await counting('d').drain();
    const row = await job(id);
    expect(row).toMatchObject({
      status: 'failed',
      error_code: 'plan/not_found',
      error_message: '工作计划不存在',
      progress_done: 1,
      result: null,
    });
    expect(row.finished_at).not.toBeNull();
  });

  it('runs nothing for a creator whose account has been disabled since', async () => {
    runs.length = 0;
    const id = await enqueue({ n: 8 }, { created_by: disabledId });
    await counting('e').drain();
    expect(runs).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'failed', error_code: 'auth/forbidden' });
  });
});
