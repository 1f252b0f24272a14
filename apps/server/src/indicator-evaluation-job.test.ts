import { jobQueueFor } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyScheme, startWithCountyValues } from './indicator-evaluation-fixture.ts';
import type { Client, TestApp } from './testing.ts';

/*
 * An evaluation run started as a background job (POST …/runs/jobs): the same stored run as the request
 * that waits for it, its steps as the job's progress, refused (and nothing queued) for those who may not
 * run the scheme. The test's server runs its queue in this process; each test drains it before looking.
 */
let t: TestApp;
let planner: Client;
let schemeId = 0;

const scheme = countyScheme('衡阳市县市区科技创新考评（后台计算测试）', [
  { name: '第一梯队', minScore: 60 },
  { name: '第二梯队', minScore: 0 },
]);

const jobCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('job')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const runCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('evaluation_run')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ({ t, planner } = await startWithCountyValues());
  const created = await planner.request({ method: 'POST', url: '/api/indicators/evaluations', payload: scheme });
  if (created.statusCode !== 200) throw new Error(created.body);
  schemeId = created.json().id;
});
afterAll(async () => t?.close());

describe('evaluation runs as background jobs', () => {
  it('stores the same run as the synchronous request, reports its steps and names the run in its result, audited', async () => {
    const body = { year: 2019, samples: 50, perturbation: 0.3 };
    const sync = await planner.request({ method: 'POST', url: `/api/indicators/evaluations/${schemeId}/runs`, payload: body });
    expect(sync.statusCode, sync.body).toBe(200);
    const direct = sync.json();

    const audits = await t.count('audit_log');
    const res = await planner.request({ method: 'POST', url: `/api/indicators/evaluations/${schemeId}/runs/jobs`, payload: body });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json();
    expect(started).toMatchObject({ kind: 'indicator.evaluation_run', status: 'queued', result: null, error: null, regionCode: '430400' });
    await jobQueueFor(t.database.db)?.drain();

    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${started.id}` })).json();
    expect(job).toMatchObject({ id: started.id, status: 'succeeded', progress: { done: 5, total: 5 }, error: null });
    const runId = job.result.run.id as number;
    expect(runId).toBeGreaterThan(direct.id);
    expect(job.result.run).toMatchObject({ schemeId, year: 2019, regionCount: 3, computedBy: 'planner', previousRanksFrom: 'computed' });

    const stored = (await planner.request({ method: 'GET', url: `/api/indicators/evaluation-runs/${runId}` })).json();
    const { id: _a, computedAt: _b, ...fromJob } = stored;
    const { id: _c, computedAt: _d, ...fromRequest } = direct;
    expect(fromJob).toEqual(fromRequest);
    expect(stored.result.results.map((r: { code: string }) => r.code)).toEqual(direct.result.results.map((r: { code: string }) => r.code));

    // the request, then the run saved by the job on the planner's behalf
    expect(await t.count('audit_log')).toBe(audits + 2);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'entity_type', 'entity_id'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(trail).toEqual([
      { action: 'indicator.evaluation.run', actor_username: 'planner', entity_type: 'evaluation_run', entity_id: String(runId) },
      {
        action: 'indicator.evaluation.run_request',
        actor_username: 'planner',
        entity_type: 'evaluation_scheme',
        entity_id: String(schemeId),
      },
    ]);
    const runs = (await planner.request({ method: 'GET', url: `/api/indicators/evaluations/${schemeId}/runs` })).json();
    expect(runs.map((r: { id: number }) => r.id)).toEqual([runId, direct.id]);
  });

  it('refuses those who may not run the scheme, and bad settings, queueing nothing and writing nothing', async () => {
    // signing in is audited: before counting
    const viewer = await t.login('province');
    const changsha = await t.login('planner.changsha');
    const reporter = await t.login('reporter.leiyang');
    const jobs = await jobCount();
    const audits = await t.count('audit_log');
    const url = `/api/indicators/evaluations/${schemeId}/runs/jobs`;
    // a viewer reads the scheme but may not run it
    const read = await viewer.request({ method: 'GET', url: `/api/indicators/evaluations/${schemeId}` });
    expect(read.statusCode).toBe(200);
    const refused = await viewer.request({ method: 'POST', url, payload: { year: 2019 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth/forbidden');
    // a planner of another region
    const out = await changsha.request({ method: 'POST', url, payload: { year: 2019 } });
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('auth/out_of_scope');
    // a reporter has no indicator access at all
    expect((await reporter.request({ method: 'POST', url, payload: { year: 2019 } })).statusCode).toBe(403);
    // a missing scheme, a year out of range
    const missing = await planner.request({ method: 'POST', url: '/api/indicators/evaluations/999999/runs/jobs', payload: { year: 2019 } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('indicator/scheme_not_found');
    const bad = await planner.request({ method: 'POST', url, payload: { year: 1800 } });
    expect(bad.statusCode).toBe(400);
    expect(await jobCount()).toBe(jobs);
    expect(await t.count('audit_log')).toBe(audits);
  });

  it('fails with a stable code and its zh-CN text when the year has no values, storing no run', async () => {
    const runs = await runCount();
    const res = await planner.request({
      method: 'POST',
      url: `/api/indicators/evaluations/${schemeId}/runs/jobs`,
      payload: { year: 1995 },
    });
    expect(res.statusCode).toBe(202);
    await jobQueueFor(t.database.db)?.drain();
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${res.json().id}` })).json();
    expect(job).toMatchObject({ status: 'failed', result: null, error: { code: 'indicator/no_regions' } });
    expect(job.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await runCount()).toBe(runs);
  });

  it('runs as its creator, looked up when it starts: a planner made a viewer meanwhile runs nothing', async () => {
    const runs = await runCount();
    const db = t.database.db;
    const user = await db
      .selectFrom('app_user')
      .select(['id', 'org_id', 'roles'])
      .where('username', '=', 'planner')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('app_user')
      .set({ roles: ['viewer'] })
      .where('id', '=', user.id)
      .execute();
    try {
      // the job as the planner's request queued it (written here, so that the queue cannot take it before the change)
      const { id } = await db
        .insertInto('job')
        .values({
          kind: 'indicator.evaluation_run',
          params: JSON.stringify({ schemeId, input: { year: 2019, samples: 10, perturbation: 0.2 } }),
          created_by: user.id,
          region_code: '430400',
          org_id: user.org_id,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await jobQueueFor(db)?.drain();
      const job = (await planner.request({ method: 'GET', url: `/api/jobs/${id}` })).json();
      expect(job).toMatchObject({ status: 'failed', error: { code: 'auth/forbidden' } });
    } finally {
      await db.updateTable('app_user').set({ roles: user.roles }).where('id', '=', user.id).execute();
    }
    expect(await runCount()).toBe(runs);
  });
});
