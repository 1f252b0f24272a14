import type { TRole } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * The project-lifecycle routes' rows of the access table (access.test.ts). "in" is a project run by the
 * 衡阳 bureau (430400) and undertaken by the demo enterprise (430408); "out" a project of 武汉 (420100/420102),
 * outside everyone's scope. The bureau (admin, planner) runs the project; viewers read; the undertaking
 * unit's enterprise account confirms the 任务书, reports, requests changes and acceptance.
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

const managers: TRole[] = ['admin', 'planner'];
const readers: TRole[] = ['admin', 'planner', 'viewer'];
const unit: TRole[] = ['enterprise'];
let seq = 0;

async function project(t: TestApp, side: 'in' | 'out', status: string, extra: { callId?: number } = {}) {
  const db = t.database.db;
  const org =
    side === 'in'
      ? await db.selectFrom('organization').select('id').where('name', '=', '衡阳衡山科学仪器有限公司').executeTakeFirstOrThrow()
      : await db
          .insertInto('organization')
          .values({ name: `武汉承担单位${++seq}`, kind: 'enterprise', region_code: '420102' })
          .returning('id')
          .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('project')
    .values({
      project_no: `ACCESS-${++seq}`,
      call_id: extra.callId ?? null,
      programme_kind: 'natural_science',
      programme_name: '自然科学基金',
      region_code: side === 'in' ? '430408' : '420102',
      bureau_region_code: side === 'in' ? '430400' : '420100',
      org_id: org.id,
      org_name: '承担单位',
      year: 2026,
      title: `访问测试项目${seq}`,
      leader_name: '负责人',
      granted_fen: 10_000_000,
      status,
      contract: JSON.stringify({ startOn: null, endOn: null, targets: [], budget: [], milestones: [] }),
      source: 'import',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (status === 'acceptance_requested' || status === 'executing')
    await db
      .insertInto('project_report')
      .values({ project_id: row.id, kind: 'tech_report', content: '{}', submitted_at: new Date() })
      .execute();
  return row;
}

async function callWithProject(t: TestApp, side: 'in' | 'out') {
  const db = t.database.db;
  const region = side === 'in' ? '430400' : '420100';
  const prog = await db
    .insertInto('project_programme')
    .values({ region_code: region, kind: 'key_rnd', name: `公示测试${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const call = await db
    .insertInto('project_call')
    .values({
      programme_id: prog.id,
      region_code: region,
      year: 2026,
      title: `公示测试指南${seq}`,
      max_grant_fen: 1,
      budget_fen: 1,
      opens_at: new Date(Date.now() - 1000),
      closes_at: new Date(Date.now() + 1000),
      recommendation: 'direct',
      eligibility: '{"applicantKinds":["enterprise"],"regionCodes":[],"rungsAnyOf":[]}',
      status: 'closed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await project(t, side, 'contracting', { callId: call.id });
  return call.id;
}

async function reportOf(t: TestApp, projectId: number): Promise<number> {
  const r = await t.database.db.selectFrom('project_report').select('id').where('project_id', '=', projectId).executeTakeFirstOrThrow();
  return r.id;
}

const reportPdf = Buffer.from('%PDF-1.4\n科技报告\n%%EOF\n');

async function reportFileUpload(p: { id: number }, t: TestApp) {
  return {
    method: 'POST' as const,
    url: `/api/projects/${p.id}/reports/${await reportOf(t, p.id)}/file?filename=report.pdf`,
    headers: { 'content-type': 'application/pdf' },
    payload: reportPdf,
  };
}

/** A report whose full text the unit (衡阳's demo enterprise, or a 武汉 unit's own account) has archived. */
async function archivedReportFile(t: TestApp, side: 'in' | 'out') {
  const p = await project(t, side, 'executing');
  const reportId = await reportOf(t, p.id);
  const bytes = new Uint8Array(reportPdf);
  await t.database.db
    .updateTable('project_report')
    .set({
      file_name: 'report.pdf',
      file_type: 'application/pdf',
      file_size: bytes.length,
      file_sha256: 'x',
      file_storage_key: `access/report-${reportId}`,
    })
    .where('id', '=', reportId)
    .execute();
  await t.ctx().files?.put(`access/report-${reportId}`, bytes, 'application/pdf');
  return { method: 'GET' as const, url: `/api/projects/${p.id}/reports/${reportId}/file` };
}

const onProject = (status: string, path: string, body: (version: number) => Record<string, unknown>, roles: TRole[]): EntryLike => ({
  in: roles,
  out: [],
  reqIn: async ({ t }) => {
    const p = await project(t, 'in', status);
    return { method: 'POST', url: `/api/projects/${p.id}${path}`, payload: body(p.version) };
  },
  reqOut: async ({ t }) => {
    const p = await project(t, 'out', status);
    return { method: 'POST', url: `/api/projects/${p.id}${path}`, payload: body(p.version) };
  },
});

async function pendingChange(t: TestApp, side: 'in' | 'out') {
  const p = await project(t, side, 'executing');
  const c = await t.database.db
    .insertInto('project_change')
    .values({ project_id: p.id, kind: 'extension', request: '{"endOn":"2028-12-31"}', reason: '延期', requested_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/api/projects/${p.id}/changes/${c.id}/decision`;
}

async function upward(t: TestApp, side: 'in' | 'out') {
  const row = await t.database.db
    .insertInto('project_upward')
    .values({
      region_code: side === 'in' ? '430408' : '420102',
      org_name: '单位',
      title: '争资',
      level: 'province',
      programme_name: '省计划',
      year: 2026,
      recommended_on: '2026-03-01',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return row;
}

export function projectLifecycleAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/project-calls/:id/approval-list/:format': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await callWithProject(t, 'in')}/approval-list/xlsx` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await callWithProject(t, 'out')}/approval-list/docx` }),
    },
    'GET /api/projects': { in: [...readers, 'enterprise'], reqIn: () => ({ method: 'GET', url: '/api/projects' }) },
    'GET /api/projects/export': {
      in: [...readers, 'enterprise'],
      // 长沙 (430100): outside the 衡阳 bureau's subtree, inside the 湖南 viewer's; an applicant exports only its own
      out: ['viewer', 'enterprise'],
      reqIn: () => ({ method: 'GET', url: '/api/projects/export' }),
      reqOut: () => ({ method: 'GET', url: '/api/projects/export?region=430100' }),
    },
    'POST /api/projects/import': {
      in: managers,
      reqIn: async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('项目库').addRows([
          ['项目编号', '项目名称', '计划类别', '年度', '所在地区代码', '承担单位', '项目负责人', '资助金额（万元）'],
          [`ACCESS-IMPORT-${++seq}`, '历史项目', '软科学', 2020, '430408', '单位', '负责人', '1'],
        ]);
        return {
          method: 'POST',
          url: '/api/projects/import',
          payload: Buffer.from(await book.xlsx.writeBuffer()),
          headers: { 'content-type': 'application/octet-stream' },
        };
      },
    },
    'POST /api/projects/indicator-sync': {
      in: managers,
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/projects/indicator-sync', payload: { region: '430400', year: 2026 } }),
      reqOut: () => ({ method: 'POST', url: '/api/projects/indicator-sync', payload: { region: '420100', year: 2026 } }),
    },
    'GET /api/projects/:id': {
      in: [...readers, 'enterprise'],
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/projects/${(await project(t, 'in', 'executing')).id}` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/projects/${(await project(t, 'out', 'executing')).id}` }),
    },
    'POST /api/projects/:id/contract/confirm': onProject('contracting', '/contract/confirm', (version) => ({ version }), [
      ...managers,
      'enterprise',
    ]),
    'POST /api/projects/:id/payments': onProject(
      'executing',
      '/payments',
      (version) => ({ version, amountFen: 100, paidOn: '2026-05-01' }),
      managers,
    ),
    'POST /api/projects/:id/reports/:reportId/file': {
      in: unit,
      out: [],
      reqIn: async ({ t }) => reportFileUpload(await project(t, 'in', 'executing'), t),
      reqOut: async ({ t }) => reportFileUpload(await project(t, 'out', 'executing'), t),
    },
    'GET /api/projects/:id/reports/:reportId/file': {
      in: [...readers, 'enterprise'],
      out: [],
      reqIn: async ({ t }) => archivedReportFile(t, 'in'),
      reqOut: async ({ t }) => archivedReportFile(t, 'out'),
    },
    'POST /api/projects/:id/reports': onProject('executing', '/reports', () => ({ kind: 'periodic', content: { progress: '进展' } }), unit),
    'POST /api/projects/:id/changes': onProject(
      'executing',
      '/changes',
      () => ({ kind: 'extension', endOn: '2028-12-31', reason: '延期' }),
      unit,
    ),
    'POST /api/projects/:id/changes/:changeId/decision': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => ({ method: 'POST', url: await pendingChange(t, 'in'), payload: { approve: true } }),
      reqOut: async ({ t }) => ({ method: 'POST', url: await pendingChange(t, 'out'), payload: { approve: true } }),
    },
    'POST /api/projects/:id/acceptance/request': onProject('executing', '/acceptance/request', (version) => ({ version }), unit),
    'POST /api/projects/:id/acceptance': onProject(
      'acceptance_requested',
      '/acceptance',
      (version) => ({ version, taskResult: 'pass', financeResult: 'pass', verdict: 'pass', targetResults: [] }),
      managers,
    ),
    'POST /api/projects/:id/end': onProject('executing', '/end', (version) => ({ version, kind: 'terminate', reason: '终止' }), managers),
    'GET /api/project-upward': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/project-upward' }) },
    'GET /api/project-upward/export': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/project-upward/export' }) },
    'POST /api/project-upward': {
      in: managers,
      out: [],
      reqIn: () => ({
        method: 'POST',
        url: '/api/project-upward',
        payload: {
          regionCode: '430408',
          orgName: '单位',
          title: '争资',
          level: 'province',
          programmeName: '省计划',
          year: 2026,
          recommendedOn: '2026-03-01',
        },
      }),
      reqOut: () => ({
        method: 'POST',
        url: '/api/project-upward',
        payload: {
          regionCode: '420102',
          orgName: '单位',
          title: '争资',
          level: 'province',
          programmeName: '省计划',
          year: 2026,
          recommendedOn: '2026-03-01',
        },
      }),
    },
    'POST /api/project-upward/:id/result': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => {
        const u = await upward(t, 'in');
        return { method: 'POST', url: `/api/project-upward/${u.id}/result`, payload: { version: u.version, status: 'lost' } };
      },
      reqOut: async ({ t }) => {
        const u = await upward(t, 'out');
        return { method: 'POST', url: `/api/project-upward/${u.id}/result`, payload: { version: u.version, status: 'lost' } };
      },
    },
  };
}
