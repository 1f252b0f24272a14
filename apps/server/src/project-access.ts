import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import { applicationBody, callBody } from './project-fixture.ts';
import type { TestApp } from './testing.ts';

/*
 * The projects routes' rows of the access table (access.test.ts). "in" is a call of the 衡阳 bureau
 * (430400) and an application of the demo enterprise (衡阳衡山科学仪器有限公司, 430408); "out" is a call of
 * 武汉 (420100) and an application of a 武汉 enterprise, outside everyone's scope. The bureau (admin,
 * planner) manages calls and runs the desk steps; viewers read; the enterprise account applies.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
}
type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
interface EntryLike {
  public?: boolean;
  in: TRole[];
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
}

const everyone: TRole[] = ['admin', 'planner', 'reporter', 'expert', 'enterprise', 'viewer'];
const managers: TRole[] = ['admin', 'planner'];
const readers: TRole[] = ['admin', 'planner', 'viewer'];
let seq = 0;
const day = 86_400_000;

async function programme(t: TestApp, region: string) {
  return (
    await t.database.db
      .insertInto('project_programme')
      .values({ region_code: region, kind: 'natural_science', name: `访问测试计划类别${++seq}` })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function call(t: TestApp, region: string, status: 'draft' | 'published', recommendation = 'direct') {
  const now = Date.now();
  const row = await t.database.db
    .insertInto('project_call')
    .values({
      programme_id: await programme(t, region),
      region_code: region,
      year: 2026,
      title: `访问测试指南${++seq}`,
      max_grant_fen: 30_000_000,
      budget_fen: 1_000_000_000,
      opens_at: new Date(now - day),
      closes_at: new Date(now + 10 * day),
      recommendation,
      eligibility: JSON.stringify({ applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] }),
      status,
      published_at: status === 'published' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function orgOf(t: TestApp, side: 'in' | 'out') {
  const db = t.database.db;
  if (side === 'in') {
    const o = await db
      .selectFrom('organization')
      .select(['id', 'region_code'])
      .where('name', '=', '衡阳衡山科学仪器有限公司')
      .executeTakeFirstOrThrow();
    return { id: o.id, region: o.region_code };
  }
  const o = await db
    .insertInto('organization')
    .values({ name: `武汉申报企业${++seq}`, kind: 'enterprise', region_code: '420102' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: o.id, region: '420102' };
}

/** An application inserted directly, in a given status, with one file on the in-side's store. */
async function application(t: TestApp, side: 'in' | 'out', status: string, recommendation = 'direct') {
  const db = t.database.db;
  const org = await orgOf(t, side);
  const callId = await call(t, side === 'in' ? '430400' : '420100', 'published', recommendation);
  const person = await db
    .insertInto('person')
    .values({ name: `负责人${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('project_application')
    .values({
      call_id: callId,
      org_id: org.id,
      region_code: org.region,
      title: `访问测试申报${++seq}`,
      leader_person_id: person.id,
      fiscal_fen: 0,
      self_fen: 0,
      status,
      submitted_at: status === 'draft' ? null : new Date(),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { id: row.id, version: row.version, callId };
}

async function file(t: TestApp, applicationId: number) {
  const key = `2026-01/access-${++seq}`;
  await t.ctx().files?.put(key, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
  const row = await t.database.db
    .insertInto('project_application_file')
    .values({
      application_id: applicationId,
      kind: '申报书',
      filename: 'a.pdf',
      content_type: 'application/pdf',
      size: 15,
      sha256: 'x',
      storage_key: key,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const step = (path: string, status: string, body: (v: number) => Record<string, unknown>, recommendation = 'direct'): EntryLike => ({
  in: managers,
  out: [],
  reqIn: async ({ t }) => {
    const a = await application(t, 'in', status, recommendation);
    return { method: 'POST', url: `/api/project-applications/${a.id}/${path}`, payload: body(a.version) };
  },
  reqOut: async ({ t }) => {
    const a = await application(t, 'out', status, recommendation);
    return { method: 'POST', url: `/api/project-applications/${a.id}/${path}`, payload: body(a.version) };
  },
});

const callMove = (path: 'publish' | 'close', from: 'draft' | 'published'): EntryLike => ({
  in: managers,
  out: [],
  reqIn: async ({ t }) => ({ method: 'POST', url: `/api/project-calls/${await call(t, '430400', from)}/${path}`, payload: { version: 1 } }),
  reqOut: async ({ t }) => ({
    method: 'POST',
    url: `/api/project-calls/${await call(t, '420100', from)}/${path}`,
    payload: { version: 1 },
  }),
});

export function projectAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/public/project-calls': { public: true, in: everyone, reqIn: () => ({ method: 'GET', url: '/api/public/project-calls' }) },
    'GET /api/project-programmes': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/project-programmes' }) },
    'POST /api/project-programmes': {
      in: managers,
      out: [],
      reqIn: () => ({
        method: 'POST',
        url: '/api/project-programmes',
        payload: { regionCode: '430400', kind: 'key_rnd', name: `重点研发${++seq}` },
      }),
      reqOut: () => ({
        method: 'POST',
        url: '/api/project-programmes',
        payload: { regionCode: '420100', kind: 'key_rnd', name: `重点研发${++seq}` },
      }),
    },
    'GET /api/project-calls': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/project-calls' }) },
    'POST /api/project-calls': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => ({ method: 'POST', url: '/api/project-calls', payload: callBody(await programme(t, '430400')) }),
      reqOut: async ({ t }) => ({
        method: 'POST',
        url: '/api/project-calls',
        payload: callBody(await programme(t, '420100'), { regionCode: '420100' }),
      }),
    },
    'GET /api/project-calls/:id': {
      in: everyone,
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await call(t, '430400', 'published')}` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await call(t, '420100', 'published')}` }),
    },
    'PUT /api/project-calls/:id': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => {
        const id = await call(t, '430400', 'draft');
        const pid = (await t.database.db.selectFrom('project_call').select('programme_id').where('id', '=', id).executeTakeFirstOrThrow())
          .programme_id;
        return { method: 'PUT', url: `/api/project-calls/${id}`, payload: { ...callBody(pid), version: 1 } };
      },
      reqOut: async ({ t }) => {
        const id = await call(t, '420100', 'draft');
        const pid = (await t.database.db.selectFrom('project_call').select('programme_id').where('id', '=', id).executeTakeFirstOrThrow())
          .programme_id;
        return { method: 'PUT', url: `/api/project-calls/${id}`, payload: { ...callBody(pid, { regionCode: '420100' }), version: 1 } };
      },
    },
    'POST /api/project-calls/:id/publish': callMove('publish', 'draft'),
    'POST /api/project-calls/:id/close': callMove('close', 'published'),
    'GET /api/project-calls/:id/checks': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await call(t, '430400', 'published')}/checks` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await call(t, '420100', 'published')}/checks` }),
    },
    'GET /api/project-applications': { in: [...readers, 'enterprise'], reqIn: () => ({ method: 'GET', url: '/api/project-applications' }) },
    'POST /api/project-applications': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => ({
        method: 'POST',
        url: '/api/project-applications',
        payload: applicationBody(await call(t, '430400', 'published')),
      }),
      reqOut: async ({ t }) => ({
        method: 'POST',
        url: '/api/project-applications',
        payload: applicationBody(await call(t, '420100', 'published')),
      }),
    },
    'GET /api/project-applications/:id': {
      in: [...readers, 'enterprise'],
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/project-applications/${(await application(t, 'in', 'submitted')).id}` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/project-applications/${(await application(t, 'out', 'submitted')).id}` }),
    },
    'PUT /api/project-applications/:id': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => {
        const a = await application(t, 'in', 'draft');
        return {
          method: 'PUT',
          url: `/api/project-applications/${a.id}`,
          payload: { ...applicationBody(a.callId), callId: undefined, version: a.version },
        };
      },
      reqOut: async ({ t }) => {
        const a = await application(t, 'out', 'draft');
        return {
          method: 'PUT',
          url: `/api/project-applications/${a.id}`,
          payload: { ...applicationBody(a.callId), callId: undefined, version: a.version },
        };
      },
    },
    'POST /api/project-applications/:id/submit': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => {
        const a = await application(t, 'in', 'draft');
        return { method: 'POST', url: `/api/project-applications/${a.id}/submit`, payload: { version: a.version } };
      },
      reqOut: async ({ t }) => {
        const a = await application(t, 'out', 'draft');
        return { method: 'POST', url: `/api/project-applications/${a.id}/submit`, payload: { version: a.version } };
      },
    },
    'GET /api/project-calls/:id/recommenders': {
      in: everyone,
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await call(t, '430400', 'published')}/recommenders` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/project-calls/${await call(t, '420100', 'published')}/recommenders` }),
    },
    'GET /api/project-calls/export': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/project-calls/export' }) },
    'GET /api/project-applications/export': {
      in: [...readers, 'enterprise'],
      reqIn: () => ({ method: 'GET', url: '/api/project-applications/export' }),
    },
    'POST /api/project-applications/:id/withdraw': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => {
        const a = await application(t, 'in', 'submitted');
        return { method: 'POST', url: `/api/project-applications/${a.id}/withdraw`, payload: { version: a.version } };
      },
      reqOut: async ({ t }) => {
        const a = await application(t, 'out', 'submitted');
        return { method: 'POST', url: `/api/project-applications/${a.id}/withdraw`, payload: { version: a.version } };
      },
    },
    'POST /api/project-applications/:id/recommend': step(
      'recommend',
      'submitted',
      (version) => ({ version, opinion: '同意推荐' }),
      'region',
    ),
    'POST /api/project-applications/:id/return': step('return', 'submitted', (version) => ({ version, reasons: ['缺少盖章页'] })),
    'POST /api/project-applications/:id/formal-check': step('formal-check', 'submitted', (version) => ({
      version,
      checklist: [{ item: '材料齐全', ok: true }],
    })),
    'POST /api/project-applications/:id/decision': step('decision', 'under_review', (version) => ({
      version,
      selected: true,
      grantedFen: 10_000_000,
    })),
    'POST /api/project-applications/:id/files': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => ({
        method: 'POST',
        url: `/api/project-applications/${(await application(t, 'in', 'draft')).id}/files?filename=a.pdf&kind=申报书`,
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
        headers: { 'content-type': 'application/pdf' },
      }),
      reqOut: async ({ t }) => ({
        method: 'POST',
        url: `/api/project-applications/${(await application(t, 'out', 'draft')).id}/files?filename=a.pdf&kind=申报书`,
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
        headers: { 'content-type': 'application/pdf' },
      }),
    },
    'GET /api/project-applications/:id/files/:fileId': {
      in: [...readers, 'enterprise'],
      out: [],
      reqIn: async ({ t }) => {
        const a = await application(t, 'in', 'submitted');
        return { method: 'GET', url: `/api/project-applications/${a.id}/files/${await file(t, a.id)}` };
      },
      reqOut: async ({ t }) => {
        const a = await application(t, 'out', 'submitted');
        return { method: 'GET', url: `/api/project-applications/${a.id}/files/${await file(t, a.id)}` };
      },
    },
  };
}
