import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * 创新平台: its rows of the access table (access.test.ts). "in": platforms of the demo enterprise
 * (衡阳衡山科学仪器有限公司, 430408), which the 衡阳 bureau manages, the 湖南 viewer reads and the enterprise's
 * own account reports on; rounds of the 衡阳 bureau (430400). "out": a 武汉 unit's platform, a 武汉 round and
 * its application. The bureau manages; a platform's own unit applies and reports; the public list is open.
 * Every mutating request gets a fresh row.
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
const readers: TRole[] = ['admin', 'planner', 'viewer'];
const managers: TRole[] = ['admin', 'planner'];
const readersAndUnit: TRole[] = ['admin', 'planner', 'viewer', 'enterprise'];
let seq = 0;

async function orgOf(t: TestApp, side: 'in' | 'out'): Promise<{ id: number; region: string }> {
  const db = t.database.db;
  const name = side === 'in' ? '衡阳衡山科学仪器有限公司' : '武汉平台依托单位';
  const found = await db.selectFrom('organization').select(['id', 'region_code']).where('name', '=', name).executeTakeFirst();
  if (found) return { id: found.id, region: found.region_code };
  const row = await db
    .insertInto('organization')
    .values({ name, kind: 'enterprise', region_code: '420106' })
    .returning(['id', 'region_code'])
    .executeTakeFirstOrThrow();
  return { id: row.id, region: row.region_code };
}

async function platform(t: TestApp, side: 'in' | 'out', typeCode = 'eng_center'): Promise<number> {
  const db = t.database.db;
  const org = await orgOf(t, side);
  const p = await db
    .insertInto('platform')
    .values({
      name: `访问测试平台${++seq}`,
      type_code: typeCode,
      type_version: 1,
      level: 'city',
      org_id: org.id,
      region_code: org.region,
      doc_no: `测试〔2024〕${seq}号`,
      approved_on: '2024-06-01',
      fields: '{}',
      application_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('platform_span')
    .values({ platform_id: p.id, type_code: typeCode, level: 'city', region_code: org.region, valid_from: '2024-06-01', valid_to: null })
    .execute();
  return p.id;
}

async function call(t: TestApp, side: 'in' | 'out', status: string, extra: { publicity_to?: string } = {}): Promise<number> {
  const row = await t.database.db
    .insertInto('platform_call')
    .values({
      title: `访问测试认定批次${++seq}`,
      region_code: side === 'in' ? '430400' : '420100',
      year: 2026,
      type_codes: ['eng_center'],
      closes_on: '2099-12-31',
      status,
      publicity_from: extra.publicity_to ? '2020-01-01' : null,
      publicity_to: extra.publicity_to ?? null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const goodFields = { rd_staff: 12, rd_area: 400, equipment_wan: 260, rd_spend_wan: 350 };

async function application(t: TestApp, side: 'in' | 'out', callStatus: string, status: string): Promise<{ id: number; callId: number }> {
  const callId = await call(t, side, callStatus);
  const org = await orgOf(t, side);
  const row = await t.database.db
    .insertInto('platform_application')
    .values({
      call_id: callId,
      org_id: org.id,
      region_code: org.region,
      name: `访问测试申请${++seq}`,
      type_code: 'eng_center',
      type_version: 1,
      fields: JSON.stringify(goodFields),
      status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, callId };
}

async function evaluation(t: TestApp, side: 'in' | 'out'): Promise<number> {
  const row = await t.database.db
    .insertInto('platform_evaluation')
    .values({
      type_code: 'eng_center',
      year: 2020 + (++seq % 50),
      region_code: side === 'in' ? '430400' : '420100',
      scheme: '{}',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function platformAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/platform-types': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/platform-types' }) },
    'GET /api/platforms': { in: readersAndUnit, reqIn: () => ({ method: 'GET', url: '/api/platforms' }) },
    'GET /api/platforms/export': { in: readersAndUnit, reqIn: () => ({ method: 'GET', url: '/api/platforms/export' }) },
    'POST /api/platforms': {
      in: managers,
      out: [],
      ...(['in', 'out'] as const).reduce(
        (acc, side) => {
          acc[side === 'in' ? 'reqIn' : 'reqOut'] = async (fx) => ({
            method: 'POST',
            url: '/api/platforms',
            payload: {
              name: `登记平台${++seq}`,
              typeCode: 'key_lab',
              level: 'provincial',
              orgId: (await orgOf(fx.t, side)).id,
              docNo: `湘科发〔2023〕${seq}号`,
              approvedOn: '2023-09-01',
            },
          });
          return acc;
        },
        {} as { reqIn: Req; reqOut: Req },
      ),
    },
    'GET /api/platforms/:id': {
      in: readersAndUnit,
      out: [],
      reqIn: async (fx) => ({ method: 'GET', url: `/api/platforms/${await platform(fx.t, 'in')}` }),
      reqOut: async (fx) => ({ method: 'GET', url: `/api/platforms/${await platform(fx.t, 'out')}` }),
    },
    'POST /api/platforms/:id/events': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/platforms/${await platform(fx.t, 'in')}/events`,
        payload: { kind: 'upgrade', level: 'provincial', docNo: '湘科发〔2026〕1号', on: '2026-03-01' },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/platforms/${await platform(fx.t, 'out')}/events`,
        payload: { kind: 'delist', docNo: '鄂科发〔2026〕1号', on: '2026-03-01' },
      }),
    },
    'PUT /api/platforms/:id/reports/:year': {
      in: ['enterprise'],
      out: [],
      reqIn: async (fx) => ({
        method: 'PUT',
        url: `/api/platforms/${await platform(fx.t, 'in')}/reports/2025`,
        payload: { data: goodFields },
      }),
      reqOut: async (fx) => ({
        method: 'PUT',
        url: `/api/platforms/${await platform(fx.t, 'out')}/reports/2025`,
        payload: { data: goodFields },
      }),
    },
    'GET /api/platform-stats': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/platform-stats?year=2025' }) },
    'GET /api/platform-calls': { in: readersAndUnit, reqIn: () => ({ method: 'GET', url: '/api/platform-calls' }) },
    'POST /api/platform-calls': {
      in: managers,
      out: [],
      reqIn: () => ({
        method: 'POST',
        url: '/api/platform-calls',
        payload: { title: '访问测试认定批次', regionCode: '430400', year: 2026, typeCodes: ['eng_center'], closesOn: '2026-12-31' },
      }),
      reqOut: () => ({
        method: 'POST',
        url: '/api/platform-calls',
        payload: { title: '访问测试认定批次', regionCode: '420100', year: 2026, typeCodes: ['eng_center'], closesOn: '2026-12-31' },
      }),
    },
    'POST /api/platform-calls/:id/publish': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({ method: 'POST', url: `/api/platform-calls/${await call(fx.t, 'in', 'draft')}/publish` }),
      reqOut: async (fx) => ({ method: 'POST', url: `/api/platform-calls/${await call(fx.t, 'out', 'draft')}/publish` }),
    },
    'POST /api/platform-calls/:id/publicity': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/platform-calls/${(await application(fx.t, 'in', 'open', 'passed')).callId}/publicity`,
        payload: { from: '2026-03-02' },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/platform-calls/${(await application(fx.t, 'out', 'open', 'passed')).callId}/publicity`,
        payload: { from: '2026-03-02' },
      }),
    },
    'POST /api/platform-calls/:id/recognise': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/platform-calls/${await call(fx.t, 'in', 'publicity', { publicity_to: '2020-01-08' })}/recognise`,
        payload: { docNo: '衡科发〔2026〕9号', on: '2026-04-01' },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/platform-calls/${await call(fx.t, 'out', 'publicity', { publicity_to: '2020-01-08' })}/recognise`,
        payload: { docNo: '鄂科发〔2026〕9号', on: '2026-04-01' },
      }),
    },
    'GET /api/platform-applications': { in: readersAndUnit, reqIn: () => ({ method: 'GET', url: '/api/platform-applications' }) },
    'POST /api/platform-applications': {
      in: ['enterprise'],
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: '/api/platform-applications',
        payload: {
          callId: await call(fx.t, 'in', 'open'),
          name: '衡阳市精密仪器工程技术研究中心',
          typeCode: 'eng_center',
          fields: goodFields,
        },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: '/api/platform-applications',
        payload: { callId: await call(fx.t, 'out', 'open'), name: '武汉某工程技术研究中心', typeCode: 'eng_center', fields: goodFields },
      }),
    },
    'POST /api/platform-applications/:id/submit': {
      in: ['enterprise'],
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/platform-applications/${(await application(fx.t, 'in', 'open', 'draft')).id}/submit`,
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/platform-applications/${(await application(fx.t, 'out', 'open', 'draft')).id}/submit`,
      }),
    },
    'POST /api/platform-applications/:id/review': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/platform-applications/${(await application(fx.t, 'in', 'open', 'submitted')).id}/review`,
        payload: { score: 82, opinion: '条件具备，同意通过', passed: true },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/platform-applications/${(await application(fx.t, 'out', 'open', 'submitted')).id}/review`,
        payload: { score: 82, opinion: '条件具备，同意通过', passed: true },
      }),
    },
    'GET /api/platform-evaluations': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/platform-evaluations' }) },
    'POST /api/platform-evaluations': {
      in: managers,
      out: [],
      reqIn: async (fx) => {
        await platform(fx.t, 'in', 'academician_station');
        return {
          method: 'POST',
          url: '/api/platform-evaluations',
          payload: { typeCode: 'academician_station', year: 2025, regionCode: '430400' },
        };
      },
      reqOut: () => ({
        method: 'POST',
        url: '/api/platform-evaluations',
        payload: { typeCode: 'academician_station', year: 2025, regionCode: '420100' },
      }),
    },
    'GET /api/platform-evaluations/:id': {
      in: readers,
      out: [],
      reqIn: async (fx) => ({ method: 'GET', url: `/api/platform-evaluations/${await evaluation(fx.t, 'in')}` }),
      reqOut: async (fx) => ({ method: 'GET', url: `/api/platform-evaluations/${await evaluation(fx.t, 'out')}` }),
    },
    'POST /api/platform-evaluations/:id/confirm': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/platform-evaluations/${await evaluation(fx.t, 'in')}/confirm`,
        payload: { docNo: '衡科发〔2026〕20号', on: '2026-05-01' },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/platform-evaluations/${await evaluation(fx.t, 'out')}/confirm`,
        payload: { docNo: '鄂科发〔2026〕20号', on: '2026-05-01' },
      }),
    },
    'GET /api/public/platforms': { public: true, in: everyone, reqIn: () => ({ method: 'GET', url: '/api/public/platforms' }) },
  };
}
