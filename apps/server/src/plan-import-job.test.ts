import { AppError, type TPlanCreate, type TPlanDetail, type TRole } from '@kechuang/contracts';
import { type Actor, type Ctx, createPlan, createPlanInChunks, importPlanXlsx, importPlanXlsxInChunks, jobQueueFor } from '@kechuang/core';
import { generatedPlan } from '@kechuang/core/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

/*
 * Large plan imports run as jobs that write in chunks (plan-import-create.ts, plan-import-xlsx.ts): the same
 * plan as the one-transaction path, nothing visible until the end, nothing left behind by a failure.
 */
let t: TestApp;
let planner: Client;

/** A confirm-step body of `nodes` nodes (sections of ten tasks) with a target on every section's first task. */
const body = (nodes: number, regionCode = '430400', title = '衡阳市科技创新工作要点（大计划）'): TPlanCreate =>
  generatedPlan({ nodes, sectionEvery: 11, regionCode, title });

async function actorOf(username: string): Promise<Actor> {
  const u = await t.database.db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.org_id', 'o.kind', 'o.region_code', 'u.roles'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: u.id,
    username: u.username,
    orgId: u.org_id,
    orgKind: u.kind as Actor['orgKind'],
    regionCode: u.region_code,
    roles: u.roles as TRole[],
  };
}
const ctxAs = async (username: string): Promise<Ctx> => ({ ...t.ctx(), actor: await actorOf(username) });
const drain = () => jobQueueFor(t.database.db)?.drain();
const count = async (table: 'plan' | 'plan_node' | 'plan_target' | 'plan_import_staging' | 'task_event' | 'plan_revision') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = async (action: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A plan's content without its ids: nodes by position with their parent's position, targets with their node's. */
function shape(p: TPlanDetail) {
  const pos = new Map(p.nodes.map((n) => [n.id, n.position]));
  const { id: _id, createdAt: _c, nodes, targets, ...rest } = p;
  return {
    ...rest,
    nodes: nodes.map(({ id: _n, parentId, ...n }) => ({ ...n, parent: parentId === null ? null : pos.get(parentId) })),
    targets: targets.map(({ id: _t, nodeId, ...g }) => ({ ...g, node: nodeId === null ? null : pos.get(nodeId) })),
  };
}

const getPlan = async (id: number) => (await planner.request({ method: 'GET', url: `/api/plans/${id}` })).json() as TPlanDetail;

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
});
afterAll(async () => t?.close());

describe('creating a large plan as a job', () => {
  it('answers 202 with the job and creates the plan the one-transaction path creates, audited once', async () => {
    const input = body(660);
    const before = { created: await audits('plan.create'), requested: await audits('plan.create_request') };
    const res = await planner.request({ method: 'POST', url: '/api/plans', payload: input });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'plan.create', status: 'queued' });
    await drain();
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${res.json().id}` })).json();
    expect(job).toMatchObject({ status: 'succeeded', error: null });
    expect(job.progress.done).toBe(job.progress.total);
    // a step for the ids, one per staged chunk of 250 (three of nodes, one of targets), one for the last transaction
    expect(job.progress.total).toBe(1 + 3 + 1 + 1);
    const viaJob = await getPlan(job.result.plan.id);
    expect(job.result.plan).toMatchObject({ id: viaJob.id, title: input.title, taskCount: 600, targetCount: viaJob.targetCount });

    const direct = await createPlan(await ctxAs('planner'), { ...input });
    expect(shape(viaJob)).toEqual(shape(await getPlan(direct.id)));
    expect(viaJob.nodes.length).toBe(660);
    expect(await count('plan_import_staging')).toBe(0);
    expect(await audits('plan.create')).toBe(before.created + 2);
    expect(await audits('plan.create_request')).toBe(before.requested + 1);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'plan.create')
      .where('entity_id', '=', String(viaJob.id))
      .execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]?.actor_username).toBe('planner');
    expect(trail[0]?.after).toMatchObject({ title: input.title, tasks: 600, source: input.sourceFilename });
  });

  it('keeps a small plan synchronous (200 with the plan)', async () => {
    const res = await planner.request({ method: 'POST', url: '/api/plans', payload: body(40) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nodes).toHaveLength(40);
  });

  it('shows readers nothing of the plan while it is being written, and all of it after', async () => {
    const input = body(700, '430400', '写入中的计划');
    const plans = await count('plan');
    const nodes = await count('plan_node');
    const seen: Array<{ listed: boolean; plans: number; nodes: number; staged: number }> = [];
    const ctx = await ctxAs('planner');
    const result = await createPlanInChunks(ctx, input, async () => {
      const list = (await planner.request({ method: 'GET', url: `/api/plans?q=${encodeURIComponent('写入中')}` })).json();
      seen.push({
        listed: list.total > 0,
        plans: await count('plan'),
        nodes: await count('plan_node'),
        staged: await count('plan_import_staging'),
      });
    });
    // every step before the last: not listed, no plan row, no node; the chunks only in the staging table
    const during = seen.slice(0, -1);
    expect(during.length).toBeGreaterThan(3);
    expect(during.every((s) => !s.listed && s.plans === plans && s.nodes === nodes)).toBe(true);
    expect(Math.max(...during.map((s) => s.staged))).toBeGreaterThanOrEqual(700);
    expect(seen.at(-1)).toMatchObject({ listed: true, plans: plans + 1, nodes: nodes + 700 });
    expect(await count('plan_import_staging')).toBe(0);
    expect((await getPlan(result.plan.id)).nodes).toHaveLength(700);
  });

  it('leaves nothing behind when it fails midway, and the job fails with the error code', async () => {
    const counts = async () => ({
      plans: await count('plan'),
      nodes: await count('plan_node'),
      targets: await count('plan_target'),
      staged: await count('plan_import_staging'),
      audits: await audits('plan.create'),
    });
    const before = await counts();
    let steps = 0;
    const failing = createPlanInChunks(await ctxAs('planner'), body(900), async () => {
      if (++steps === 3) throw new AppError('job/abandoned', {});
    });
    await expect(failing).rejects.toMatchObject({ code: 'job/abandoned' });
    expect(await counts()).toEqual(before);

    // through the queue: the creator's account loses its region between the request and the run
    const res = await planner.request({ method: 'POST', url: '/api/plans', payload: body(600, '430481', '耒阳的大计划') });
    expect(res.statusCode).toBe(202);
    const roles = await t.database.db.selectFrom('app_user').select('roles').where('username', '=', 'planner').executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('app_user')
      .set({ roles: ['viewer'] })
      .where('username', '=', 'planner')
      .execute();
    try {
      await drain();
    } finally {
      await t.database.db.updateTable('app_user').set({ roles: roles.roles }).where('username', '=', 'planner').execute();
    }
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${res.json().id}` })).json();
    expect(job).toMatchObject({ status: 'failed', error: { code: 'auth/forbidden' } });
    expect(await counts()).toEqual(before);
  });

  it('lets admin and planner of the region start it; the job is read by its creator and the region’s planners only', async () => {
    const reporter = await t.login('reporter.leiyang');
    expect((await reporter.request({ method: 'POST', url: '/api/plans', payload: body(600) })).statusCode).toBe(403);
    expect((await planner.request({ method: 'POST', url: '/api/plans', payload: body(600, '420100') })).statusCode).toBe(403);
    const admin = await t.login('admin');
    const res = await admin.request({ method: 'POST', url: '/api/plans', payload: body(600, '430400', '管理员的大计划') });
    expect(res.statusCode).toBe(202);
    const url = `/api/jobs/${res.json().id}`;
    await drain();
    expect((await admin.request({ method: 'GET', url })).json().status).toBe('succeeded');
    expect((await planner.request({ method: 'GET', url })).statusCode).toBe(200);
    expect((await reporter.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await (await t.login('planner.changsha')).request({ method: 'GET', url })).statusCode).toBe(403);
  });
});

/** The plan's workbook with every task title and target value edited. */
async function editedWorkbook(planId: number, edit = (title: string) => `${title}（修订）`): Promise<Buffer> {
  const res = await planner.request({ method: 'GET', url: `/api/plans/${planId}/xlsx` });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  for (const [sheet, column, change] of [
    ['任务', '任务名称', edit],
    ['指标', '目标值', (v: string) => String(Number(v) + 1)],
  ] as const) {
    const ws = book.getWorksheet(sheet) as ExcelJS.Worksheet;
    let col = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (cell.value === column) col = n;
    });
    for (let r = 2; r <= ws.rowCount; r++) ws.getCell(r, col).value = change(String(ws.getCell(r, col).value ?? ''));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const xlsxPost = (planId: number, bytes: Buffer, dryRun: boolean, client = planner) =>
  client.request({
    method: 'POST',
    url: `/api/plans/${planId}/xlsx?dryRun=${dryRun}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

async function bigPlan(title: string): Promise<number> {
  return (await createPlan(await ctxAs('planner'), body(660, '430400', title))).id;
}

describe('importing a large .xlsx as a job', () => {
  it('checks (dry run) and applies it as jobs, changing what the one-transaction path changes, audited once', async () => {
    const viaJob = await bigPlan('导入（任务）');
    const direct = await bigPlan('导入（直接）');
    const file = await editedWorkbook(viaJob);
    expect(file.byteLength).toBeGreaterThan(32 * 1024);

    const dry = await xlsxPost(viaJob, file, true);
    expect(dry.statusCode, dry.body).toBe(202);
    expect(dry.json().kind).toBe('plan.xlsx_import');
    await drain();
    const dryJob = (await planner.request({ method: 'GET', url: `/api/jobs/${dry.json().id}` })).json();
    expect(dryJob.result).toMatchObject({ dryRun: true, applied: false, tasksUpdated: 600, errors: [] });
    expect((await getPlan(viaJob)).version).toBe(1);

    const imports = await audits('plan.xlsx_import');
    const replaced = (await planner.request({ method: 'GET', url: `/api/plans/${viaJob}/execution` })).json();
    const res = await xlsxPost(viaJob, file, false);
    expect(res.statusCode).toBe(202);
    await drain();
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${res.json().id}` })).json();
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: 'succeeded' });
    const targets = (await getPlan(viaJob)).targets.length;
    expect(job.result).toMatchObject({ dryRun: false, applied: true, tasksUpdated: 600, targetsUpdated: targets, version: 2, errors: [] });
    expect(await audits('plan.xlsx_import')).toBe(imports + 1);
    expect(await count('plan_import_staging')).toBe(0);
    // the version replaced, kept whole as its revision (put together from the staged pieces)
    const kept = await t.database.db.selectFrom('plan_revision').select('snapshot').where('plan_id', '=', viaJob).executeTakeFirstOrThrow();
    expect(kept.snapshot).toEqual(replaced);

    const directFile = await editedWorkbook(direct);
    const sync = await importPlanXlsx(await ctxAs('planner'), direct, { bytes: directFile, dryRun: false });
    expect({ ...sync }).toEqual({ ...job.result });
    const a = await getPlan(viaJob);
    const b = await getPlan(direct);
    expect(shape(a).nodes).toEqual(shape(b).nodes);
    expect(shape(a).targets).toEqual(shape(b).targets);
    const timeline = async (planId: number) => {
      const nodes = await t.database.db
        .selectFrom('plan_node')
        .select(['id', 'position', 'version'])
        .where('plan_id', '=', planId)
        .execute();
      const pos = new Map(nodes.map((n) => [n.id, n.position]));
      const events = await t.database.db
        .selectFrom('task_event')
        .select(['node_id', 'kind', 'detail', 'actor_name'])
        .where('plan_id', '=', planId)
        .orderBy('id')
        .execute();
      const revision = await t.database.db
        .selectFrom('plan_revision')
        .select(['version', 'reason'])
        .where('plan_id', '=', planId)
        .execute();
      return {
        versions: nodes.map((n) => [n.position, n.version]).sort((x, y) => (x[0] as number) - (y[0] as number)),
        events: events.map((e) => ({ ...e, node_id: pos.get(e.node_id) })),
        revision,
      };
    };
    expect(await timeline(viaJob)).toEqual(await timeline(direct));
    expect((await timeline(viaJob)).events).toHaveLength(600);
  });

  it('shows readers the plan as it was until the last transaction, and leaves it so when it fails midway', async () => {
    const planId = await bigPlan('导入失败');
    const before = await getPlan(planId);
    const file = await editedWorkbook(planId);
    const events = await count('task_event');
    const titles: string[] = [];
    let steps = 0;
    const failing = importPlanXlsxInChunks(await ctxAs('planner'), planId, { bytes: file, dryRun: false }, async () => {
      titles.push((await getPlan(planId)).nodes[1]?.title ?? '');
      if (++steps === 4) throw new AppError('job/abandoned', {});
    });
    await expect(failing).rejects.toMatchObject({ code: 'job/abandoned' });
    expect(titles.every((x) => x === before.nodes[1]?.title)).toBe(true);
    expect(shape(await getPlan(planId))).toEqual(shape(before));
    expect(await count('task_event')).toBe(events);
    expect(await count('plan_import_staging')).toBe(0);
  });

  it('fails the job as plan/xlsx_rows_invalid when a row is wrong, after a dry run has listed it', async () => {
    const planId = await bigPlan('导入错误行');
    const file = await editedWorkbook(planId, (title) => (title === '任务 5' ? '' : title));
    const dry = await xlsxPost(planId, file, true);
    await drain();
    const checked = (await planner.request({ method: 'GET', url: `/api/jobs/${dry.json().id}` })).json();
    expect(checked.result.errors).toEqual([expect.objectContaining({ sheet: '任务', column: '任务名称', message: '任务名称不能为空' })]);
    const res = await xlsxPost(planId, file, false);
    await drain();
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${res.json().id}` })).json();
    expect(job).toMatchObject({ status: 'failed', error: { code: 'plan/xlsx_rows_invalid' } });
    expect((await getPlan(planId)).version).toBe(1);
    expect(await count('plan_import_staging')).toBe(0);
  });

  it('lets only the plan’s managers start it', async () => {
    const planId = await bigPlan('导入权限');
    const file = await editedWorkbook(planId);
    expect((await xlsxPost(planId, file, true, await t.login('province'))).statusCode).toBe(403);
    expect((await xlsxPost(planId, file, true, await t.login('planner.changsha'))).statusCode).toBe(403);
    expect(await count('plan_import_staging')).toBe(0);
    const res = await xlsxPost(planId, file, true, await t.login('admin'));
    expect(res.statusCode).toBe(202);
    await drain();
    expect((await planner.request({ method: 'GET', url: `/api/jobs/${res.json().id}` })).json().status).toBe('succeeded');
    expect(await count('plan_import_staging')).toBe(0);
  });
});
