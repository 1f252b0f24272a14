import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * The plan-execution routes' rows of the access table (access.test.ts). "in" is a published 衡阳
 * plan whose tasks are assigned to 耒阳 (the demo reporter's unit); "out" is a published 武汉 plan,
 * outside everyone's scope. Readers: admin, planner, viewer; managers (edit, assign, review):
 * admin, planner; reports: the assigned unit's reporter, or admin/planner on its behalf.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
}
type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
interface EntryLike {
  in: TRole[];
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
}

const readers: TRole[] = ['admin', 'planner', 'viewer'];
const managers: TRole[] = ['admin', 'planner'];
const taskReaders: TRole[] = ['admin', 'planner', 'viewer', 'reporter'];
const writers: TRole[] = ['admin', 'planner', 'reporter'];
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const dueDate = '2026-06-30';

interface Side {
  plan: number;
  org: number;
  task: number;
  report: number;
  attachment: number;
}
interface Fixture {
  in: Side;
  out: Side;
  edit: number;
  editOut: number;
  hengnan: number;
}
let fixture: Promise<Fixture> | undefined;
let seq = 0;

async function insertPlan(t: TestApp, region: string, status: string): Promise<number> {
  const { id } = await t.database.db
    .insertInto('plan')
    .values({ region_code: region, title: `访问测试计划${++seq}`, year: 2026, kind: 'plan', status, published_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function insertTask(t: TestApp, planId: number, orgId: number | null): Promise<number> {
  const db = t.database.db;
  const { id } = await db
    .insertInto('plan_node')
    .values({
      plan_id: planId,
      parent_id: null,
      position: ++seq,
      kind: 'task',
      title: `任务${seq}`,
      cycle: 'custom',
      custom_due_dates: [dueDate],
      weight: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (orgId !== null)
    await db.insertInto('plan_assignment').values({ plan_id: planId, node_id: id, org_id: orgId, role: 'lead' }).execute();
  return id;
}

async function insertTarget(t: TestApp, planId: number): Promise<number> {
  const { id } = await t.database.db
    .insertInto('plan_target')
    .values({
      plan_id: planId,
      node_id: null,
      indicator_name: `指标${++seq}`,
      indicator_code: null,
      value: 1,
      unit: '家',
      normalized_value: 1,
      normalized_unit: '家',
      comparator: null,
      qualifier: null,
      kind: 'absolute',
      target_year: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function insertReport(t: TestApp, planId: number, nodeId: number, orgId: number, status: string): Promise<number> {
  const { id } = await t.database.db
    .insertInto('progress_report')
    .values({
      plan_id: planId,
      node_id: nodeId,
      org_id: orgId,
      period: dueDate,
      period_end: dueDate,
      due_date: dueDate,
      version: 1,
      status,
      narrative: '进展',
      percent: 50,
      submitted_at: status === 'draft' ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function insertAttachment(t: TestApp, reportId: number): Promise<number> {
  const key = `access/${++seq}.pdf`;
  await t.ctx().files?.put(key, pdf, 'application/pdf');
  const { id } = await t.database.db
    .insertInto('report_attachment')
    .values({
      report_id: reportId,
      filename: 'a.pdf',
      content_type: 'application/pdf',
      size_bytes: pdf.length,
      sha256: 'x',
      storage_key: key,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

function fixtures(t: TestApp): Promise<Fixture> {
  fixture ??= (async () => {
    const db = t.database.db;
    const orgId = async (name: string) =>
      (await db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const { id: wuhanOrg } = await db
      .insertInto('organization')
      .values({ name: '武汉市某区人民政府', kind: 'government', region_code: '420102' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const side = async (region: string, org: number): Promise<Side> => {
      const plan = await insertPlan(t, region, 'published');
      const task = await insertTask(t, plan, org);
      const report = await insertReport(t, plan, task, org, 'submitted');
      return { plan, org, task, report, attachment: await insertAttachment(t, report) };
    };
    return {
      in: await side('430400', await orgId('耒阳市人民政府')),
      out: await side('420100', wuhanOrg),
      edit: await insertPlan(t, '430400', 'draft'),
      editOut: await insertPlan(t, '420100', 'draft'),
      hengnan: await orgId('衡南县人民政府'),
    };
  })();
  return fixture;
}

const version = async (t: TestApp, planId: number) =>
  (await t.database.db.selectFrom('plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow()).version;

/** A fresh report of the side's unit on a fresh task, in the given state. */
async function freshReport(fx: FxLike, s: Side, status: string): Promise<number> {
  const task = await insertTask(fx.t, s.plan, s.org);
  return insertReport(fx.t, s.plan, task, s.org, status);
}

type SideReq = (fx: FxLike, s: Side, f: Fixture) => Promise<InjectOptions> | InjectOptions;
/** An entry whose in/out requests differ only by the side they target. */
function both(allowed: TRole[], req: SideReq): EntryLike {
  return {
    in: allowed,
    out: [],
    reqIn: async (fx) => {
      const f = await fixtures(fx.t);
      return req(fx, f.in, f);
    },
    reqOut: async (fx) => {
      const f = await fixtures(fx.t);
      return req(fx, f.out, f);
    },
  };
}
/** Plan-editing entries: a draft 衡阳 plan in scope, a draft 武汉 plan out of it. */
function editing(req: (fx: FxLike, planId: number, f: Fixture) => Promise<InjectOptions> | InjectOptions): EntryLike {
  return {
    in: managers,
    out: [],
    reqIn: async (fx) => {
      const f = await fixtures(fx.t);
      return req(fx, f.edit, f);
    },
    reqOut: async (fx) => {
      const f = await fixtures(fx.t);
      return req(fx, f.editOut, f);
    },
  };
}
const octet = { 'content-type': 'application/octet-stream' };

export function planExecutionAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/plans/:id/execution': both(readers, (_fx, s) => ({ method: 'GET', url: `/api/plans/${s.plan}/execution` })),
    'GET /api/plans/:id/revisions': both(readers, (_fx, s) => ({ method: 'GET', url: `/api/plans/${s.plan}/revisions` })),
    'GET /api/plans/:id/dashboard': both(readers, (_fx, s) => ({ method: 'GET', url: `/api/plans/${s.plan}/dashboard` })),
    'GET /api/plans/:id/progress': both(readers, (_fx, s) => ({ method: 'GET', url: `/api/plans/${s.plan}/progress?asOf=2026-08-01` })),
    'GET /api/plans/:id/review-queue': both(managers, (_fx, s) => ({ method: 'GET', url: `/api/plans/${s.plan}/review-queue` })),
    'GET /api/plans/:id/assignment-suggestions': both(managers, (_fx, s) => ({
      method: 'GET',
      url: `/api/plans/${s.plan}/assignment-suggestions`,
    })),
    'GET /api/plans/:id/tasks/:nodeId': both(taskReaders, (_fx, s) => ({ method: 'GET', url: `/api/plans/${s.plan}/tasks/${s.task}` })),
    'GET /api/plan-inbox': { in: taskReaders, reqIn: () => ({ method: 'GET', url: '/api/plan-inbox' }) },
    'PATCH /api/plans/:id': editing(async (fx, id) => ({
      method: 'PATCH',
      url: `/api/plans/${id}`,
      payload: { version: await version(fx.t, id), issuer: '科技局' },
    })),
    'POST /api/plans/:id/publish': editing(async (fx, id) => ({
      method: 'POST',
      url: `/api/plans/${id}/publish`,
      payload: { version: await version(fx.t, id) },
    })),
    'POST /api/plans/:id/unpublish': editing(async (fx, id) => ({
      method: 'POST',
      url: `/api/plans/${id}/unpublish`,
      payload: { version: await version(fx.t, id) },
    })),
    'POST /api/plans/:id/nodes': editing(async (fx, id) => ({
      method: 'POST',
      url: `/api/plans/${id}/nodes`,
      payload: { version: await version(fx.t, id), parentId: null, title: '新增任务' },
    })),
    'PATCH /api/plans/:id/nodes/:nodeId': editing(async (fx, id) => ({
      method: 'PATCH',
      url: `/api/plans/${id}/nodes/${await insertTask(fx.t, id, null)}`,
      payload: { version: await version(fx.t, id), weight: 2 },
    })),
    'PUT /api/plans/:id/targets/:targetId/indicator': editing(async (fx, id) => ({
      method: 'PUT',
      url: `/api/plans/${id}/targets/${await insertTarget(fx.t, id)}/indicator`,
      payload: { version: await version(fx.t, id), indicatorCode: 'rd_intensity' },
    })),
    'DELETE /api/plans/:id/nodes/:nodeId': editing(async (fx, id) => ({
      method: 'DELETE',
      url: `/api/plans/${id}/nodes/${await insertTask(fx.t, id, null)}?version=${await version(fx.t, id)}`,
    })),
    'POST /api/plans/:id/reorder': editing(async (fx, id) => {
      const kids = await fx.t.database.db
        .selectFrom('plan_node')
        .select('id')
        .where('plan_id', '=', id)
        .where('parent_id', 'is', null)
        .orderBy('position')
        .execute();
      if (kids.length === 0) kids.push({ id: await insertTask(fx.t, id, null) });
      return {
        method: 'POST',
        url: `/api/plans/${id}/reorder`,
        payload: { version: await version(fx.t, id), parentId: null, order: kids.map((k) => k.id).reverse() },
      };
    }),
    'PUT /api/plans/:id/nodes/:nodeId/assignments': editing(async (fx, id, f) => ({
      method: 'PUT',
      url: `/api/plans/${id}/nodes/${await insertTask(fx.t, id, null)}/assignments`,
      payload: { lead: [f.hengnan] },
    })),
    'PUT /api/plans/:id/assignments': editing(async (fx, id, f) => ({
      method: 'PUT',
      url: `/api/plans/${id}/assignments`,
      payload: { nodeIds: [await insertTask(fx.t, id, null), await insertTask(fx.t, id, null)], lead: [f.hengnan], mode: 'replace' },
    })),
    'POST /api/plan-reports': both(writers, async (fx, s) => ({
      method: 'POST',
      url: '/api/plan-reports',
      payload: {
        nodeId: await insertTask(fx.t, s.plan, s.org),
        period: dueDate,
        narrative: '进展',
        ...(managers.includes(fx.role) ? { orgId: s.org } : {}),
      },
    })),
    'GET /api/plan-reports/:id': both(taskReaders, (_fx, s) => ({ method: 'GET', url: `/api/plan-reports/${s.report}` })),
    'PATCH /api/plan-reports/:id': both(writers, async (fx, s) => ({
      method: 'PATCH',
      url: `/api/plan-reports/${await freshReport(fx, s, 'draft')}`,
      payload: { rowVersion: 1, narrative: '修改' },
    })),
    'DELETE /api/plan-reports/:id': both(writers, async (fx, s) => ({
      method: 'DELETE',
      url: `/api/plan-reports/${await freshReport(fx, s, 'draft')}`,
    })),
    'POST /api/plan-reports/:id/submit': both(writers, async (fx, s) => ({
      method: 'POST',
      url: `/api/plan-reports/${await freshReport(fx, s, 'draft')}/submit`,
      payload: { rowVersion: 1 },
    })),
    'POST /api/plan-reports/:id/revise': both(writers, async (fx, s) => ({
      method: 'POST',
      url: `/api/plan-reports/${await freshReport(fx, s, 'returned')}/revise`,
    })),
    'POST /api/plan-reports/:id/accept': both(managers, async (fx, s) => ({
      method: 'POST',
      url: `/api/plan-reports/${await freshReport(fx, s, 'submitted')}/accept`,
      payload: { rowVersion: 1 },
    })),
    'POST /api/plan-reports/:id/return': both(managers, async (fx, s) => ({
      method: 'POST',
      url: `/api/plan-reports/${await freshReport(fx, s, 'submitted')}/return`,
      payload: { rowVersion: 1, comment: '请补充' },
    })),
    'POST /api/plan-reports/:id/attachments': both(writers, async (fx, s) => ({
      method: 'POST',
      url: `/api/plan-reports/${await freshReport(fx, s, 'draft')}/attachments?filename=a.pdf`,
      headers: octet,
      payload: pdf,
    })),
    'GET /api/plan-reports/:id/attachments/:attachmentId': both(taskReaders, (_fx, s) => ({
      method: 'GET',
      url: `/api/plan-reports/${s.report}/attachments/${s.attachment}`,
    })),
    'DELETE /api/plan-reports/:id/attachments/:attachmentId': both(writers, async (fx, s) => {
      const report = await freshReport(fx, s, 'draft');
      return { method: 'DELETE', url: `/api/plan-reports/${report}/attachments/${await insertAttachment(fx.t, report)}` };
    }),
  };
}
