import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * 科技人才与科技特派员: its rows of the access table (access.test.ts). "in" is 衡阳 (talents and 特派员 dispatched to
 * 衡南县 430422), "out" is 武汉. The bureau keeps the registry and dispatches; the 特派员 is the demo expert's
 * account (陈专家), which logs services only for its own record. Each mutating request gets fresh rows.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
  fresh: { org(region: string): Promise<number> };
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
const bureau: TRole[] = ['admin', 'planner', 'viewer'];
const writers: TRole[] = ['admin', 'planner'];
const wuhan = '420100';
let seq = 0;
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

export async function talentRow(t: TestApp, region: string): Promise<number> {
  const db = t.database.db;
  const person = await db
    .insertInto('person')
    .values({ name: `人才${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (
    await db
      .insertInto('talent')
      .values({ person_id: person.id, region_code: region, field: '农业', level: 'high' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A 特派员 of this year with one village target; "in" logs from the demo expert's account. */
export async function commissionerRow(t: TestApp, side: 'in' | 'out'): Promise<{ id: number; version: number; targetId: number }> {
  const db = t.database.db;
  const region = side === 'in' ? '430422' : wuhan;
  const expert = await db.selectFrom('app_user').select('id').where('username', '=', 'expert').executeTakeFirstOrThrow();
  const c = await db
    .insertInto('commissioner')
    .values({ talent_id: await talentRow(t, region), year: thisYear(), region_code: region, user_id: side === 'in' ? expert.id : null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const target = await db
    .insertInto('service_target')
    .values({ commissioner_id: c.id, kind: 'village', name: `测试村${seq}`, region_code: region, village_code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...c, targetId: target.id };
}

async function programme(t: TestApp, region: string): Promise<number> {
  return (
    await t.database.db
      .insertInto('talent_programme')
      .values({ name: `人才计划${++seq}`, region_code: region })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function round(t: TestApp, region: string): Promise<{ id: number; talentId: number }> {
  const db = t.database.db;
  const r = await db
    .insertInto('talent_round')
    .values({ programme_id: await programme(t, region), year: thisYear(), title: '遴选', quota: 5, status: 'open' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, talentId: await talentRow(t, region === wuhan ? wuhan : '430408') };
}

async function logRow(t: TestApp, side: 'in' | 'out'): Promise<number> {
  const c = await commissionerRow(t, side);
  return (
    await t.database.db
      .insertInto('service_log')
      .values({
        commissioner_id: c.id,
        target_id: c.targetId,
        served_on: `${thisYear()}-01-05`,
        kind: 'guidance',
        content: '指导果树修剪',
        confirm_code: `C${String(++seq).padStart(7, '0')}`,
        confirm_token: `tok${String(seq).padStart(29, '0')}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function tokenOf(t: TestApp, id: number): Promise<string> {
  return (await t.database.db.selectFrom('service_log').select('confirm_token').where('id', '=', id).executeTakeFirstOrThrow())
    .confirm_token;
}

let seqTalent = 0;
/** An open round with one nominee (its talent id left in seqTalent for the request). */
async function nominated(t: TestApp, region: string): Promise<{ id: number }> {
  const r = await round(t, region);
  await t.database.db.insertInto('talent_nomination').values({ round_id: r.id, talent_id: r.talentId, selected: null }).execute();
  seqTalent = r.talentId;
  return { id: r.id };
}

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const post = (url: string, payload: object): InjectOptions => ({ method: 'POST', url, payload });
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

export function talentAccessEntries(): Record<string, EntryLike> {
  const readList = (path: string) => ({
    in: bureau,
    out: [] as TRole[],
    reqIn: () => get(path),
    reqOut: () => get(`${path}${path.includes('?') ? '&' : '?'}region=${wuhan}`),
  });
  return {
    'GET /api/talent/people': readList('/api/talent/people'),
    'GET /api/talent/people/export': readList('/api/talent/people/export'),
    'POST /api/talent/people': {
      in: writers,
      out: [],
      reqIn: () =>
        post('/api/talent/people', {
          person: { name: `张人才${++seq}` },
          regionCode: '430408',
          field: '先进材料',
          level: 'high',
          introducedOn: `${thisYear()}-03-01`,
        }),
      reqOut: () => post('/api/talent/people', { person: { name: `武汉人才${++seq}` }, regionCode: wuhan, field: '光电', level: 'high' }),
    },
    'POST /api/talent/people/:id/awards': {
      in: writers,
      out: [],
      reqIn: async (fx) =>
        post(`/api/talent/people/${await talentRow(fx.t, '430408')}/awards`, { name: '湖南省科技进步奖', level: 'provincial', year: 2025 }),
      reqOut: async (fx) =>
        post(`/api/talent/people/${await talentRow(fx.t, wuhan)}/awards`, { name: '奖', level: 'provincial', year: 2025 }),
    },
    'GET /api/talent/programmes': readList('/api/talent/programmes'),
    'POST /api/talent/programmes': {
      in: writers,
      out: [],
      reqIn: () => post('/api/talent/programmes', { name: '衡阳人才雁阵计划', regionCode: '430400' }),
      reqOut: () => post('/api/talent/programmes', { name: '武汉计划', regionCode: wuhan }),
    },
    'POST /api/talent/programmes/:id/rounds': {
      in: writers,
      out: [],
      reqIn: async (fx) =>
        post(`/api/talent/programmes/${await programme(fx.t, '430400')}/rounds`, { year: thisYear(), title: '年度遴选', quota: 10 }),
      reqOut: async (fx) =>
        post(`/api/talent/programmes/${await programme(fx.t, wuhan)}/rounds`, { year: thisYear(), title: '年度遴选', quota: 10 }),
    },
    'POST /api/talent/rounds/:id/nominations': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        const r = await round(fx.t, '430400');
        return post(`/api/talent/rounds/${r.id}/nominations`, { talentId: r.talentId });
      },
      reqOut: async (fx) => {
        const r = await round(fx.t, wuhan);
        return post(`/api/talent/rounds/${r.id}/nominations`, { talentId: r.talentId });
      },
    },
    'POST /api/talent/rounds/:id/decide': {
      in: writers,
      out: [],
      reqIn: async (fx) => post(`/api/talent/rounds/${(await round(fx.t, '430400')).id}/decide`, { version: 1, selected: [] }),
      reqOut: async (fx) => post(`/api/talent/rounds/${(await round(fx.t, wuhan)).id}/decide`, { version: 1, selected: [] }),
    },
    'GET /api/talent/teams': readList('/api/talent/teams'),
    'POST /api/talent/teams': {
      in: writers,
      out: [],
      reqIn: () => post('/api/talent/teams', { name: '衡南县农业科技专家服务团', year: thisYear(), regionCode: '430422' }),
      reqOut: () => post('/api/talent/teams', { name: '武汉服务团', year: thisYear(), regionCode: wuhan }),
    },
    'GET /api/talent/commissioners': readList('/api/talent/commissioners'),
    'POST /api/talent/commissioners': {
      in: writers,
      out: [],
      reqIn: async (fx) =>
        post('/api/talent/commissioners', { talentId: await talentRow(fx.t, '430422'), year: thisYear(), regionCode: '430422' }),
      reqOut: async (fx) =>
        post('/api/talent/commissioners', { talentId: await talentRow(fx.t, wuhan), year: thisYear(), regionCode: wuhan }),
    },
    'POST /api/talent/commissioners/:id/targets': {
      // the bureau, or the 特派员 themself (the demo expert's account)
      in: [...writers, 'expert'],
      out: [],
      reqIn: async (fx) =>
        post(`/api/talent/commissioners/${(await commissionerRow(fx.t, 'in')).id}/targets`, {
          kind: 'coop',
          name: '衡南县茶叶专业合作社',
          regionCode: '430422',
        }),
      reqOut: async (fx) =>
        post(`/api/talent/commissioners/${(await commissionerRow(fx.t, 'out')).id}/targets`, {
          kind: 'coop',
          name: '合作社',
          regionCode: wuhan,
        }),
    },
    'POST /api/talent/commissioners/:id/assess': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        const c = await commissionerRow(fx.t, 'in');
        return post(`/api/talent/commissioners/${c.id}/assess`, { version: c.version, grade: 'excellent' });
      },
      reqOut: async (fx) => {
        const c = await commissionerRow(fx.t, 'out');
        return post(`/api/talent/commissioners/${c.id}/assess`, { version: c.version, grade: 'excellent' });
      },
    },
    'GET /api/talent/commissioner-counts': {
      in: bureau,
      out: [],
      reqIn: () => get(`/api/talent/commissioner-counts?year=${thisYear()}`),
      reqOut: () => get(`/api/talent/commissioner-counts?year=${thisYear()}&region=${wuhan}`),
    },
    'GET /api/talent/my-commission': { in: everyone, reqIn: () => get('/api/talent/my-commission') },
    'GET /api/talent/service-logs': readList('/api/talent/service-logs'),
    'POST /api/talent/service-logs': {
      // only the 特派员's own account logs a service for its own 服务对象
      in: ['expert'],
      out: [],
      reqIn: async (fx) =>
        post('/api/talent/service-logs', {
          targetId: (await commissionerRow(fx.t, 'in')).targetId,
          servedOn: `${thisYear()}-01-06`,
          kind: 'training',
          content: '开展茶园病虫害防治培训',
        }),
      reqOut: async (fx) =>
        post('/api/talent/service-logs', {
          targetId: (await commissionerRow(fx.t, 'out')).targetId,
          servedOn: `${thisYear()}-01-06`,
          kind: 'training',
          content: '开展茶园病虫害防治培训',
        }),
    },
    'POST /api/talent/service-logs/:id/photos': {
      in: ['expert'],
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/talent/service-logs/${await logRow(fx.t, 'in')}/photos?filename=p.jpg`,
        headers: { 'content-type': 'image/jpeg' },
        payload: jpeg,
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/talent/service-logs/${await logRow(fx.t, 'out')}/photos?filename=p.jpg`,
        headers: { 'content-type': 'image/jpeg' },
        payload: jpeg,
      }),
    },
    'GET /api/public/service-confirmations/:token': {
      public: true,
      in: everyone,
      reqIn: async (fx) => get(`/api/public/service-confirmations/${await tokenOf(fx.t, await logRow(fx.t, 'in'))}`),
    },
    'POST /api/public/service-confirmations/:token': {
      public: true,
      in: everyone,
      reqIn: async (fx) =>
        post(`/api/public/service-confirmations/${await tokenOf(fx.t, await logRow(fx.t, 'in'))}`, { result: 'confirmed', name: '李村长' }),
    },
    'PUT /api/talent/commissioners/:id': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        const c = await commissionerRow(fx.t, 'in');
        return { method: 'PUT', url: `/api/talent/commissioners/${c.id}`, payload: { version: c.version, teamId: null, username: null } };
      },
      reqOut: async (fx) => {
        const c = await commissionerRow(fx.t, 'out');
        return { method: 'PUT', url: `/api/talent/commissioners/${c.id}`, payload: { version: c.version, teamId: null, username: null } };
      },
    },
    'POST /api/talent/commissioners/:id/withdraw': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        const c = await commissionerRow(fx.t, 'in');
        return post(`/api/talent/commissioners/${c.id}/withdraw`, { version: c.version });
      },
      reqOut: async (fx) => {
        const c = await commissionerRow(fx.t, 'out');
        return post(`/api/talent/commissioners/${c.id}/withdraw`, { version: c.version });
      },
    },
    'GET /api/talent/targets': readList('/api/talent/targets'),
    'GET /api/talent/targets/export': readList('/api/talent/targets/export'),
    'PUT /api/talent/targets/:id': {
      // the bureau, or the 特派员 themself (the demo expert's account)
      in: [...writers, 'expert'],
      out: [],
      reqIn: async (fx) => ({
        method: 'PUT',
        url: `/api/talent/targets/${(await commissionerRow(fx.t, 'in')).targetId}`,
        payload: { kind: 'village', name: '衡南县栗江镇湖塘村', regionCode: '430422', villageCode: '430422105201' },
      }),
      reqOut: async (fx) => ({
        method: 'PUT',
        url: `/api/talent/targets/${(await commissionerRow(fx.t, 'out')).targetId}`,
        payload: { kind: 'village', name: '武汉某村', regionCode: wuhan, villageCode: null },
      }),
    },
    'DELETE /api/talent/targets/:id': {
      in: [...writers, 'expert'],
      out: [],
      reqIn: async (fx) => ({ method: 'DELETE', url: `/api/talent/targets/${(await commissionerRow(fx.t, 'in')).targetId}` }),
      reqOut: async (fx) => ({ method: 'DELETE', url: `/api/talent/targets/${(await commissionerRow(fx.t, 'out')).targetId}` }),
    },
    'DELETE /api/talent/rounds/:id/nominations/:talentId': {
      in: writers,
      out: [],
      reqIn: async (fx) => ({
        method: 'DELETE',
        url: `/api/talent/rounds/${(await nominated(fx.t, '430400')).id}/nominations/${seqTalent}`,
      }),
      reqOut: async (fx) => ({ method: 'DELETE', url: `/api/talent/rounds/${(await nominated(fx.t, wuhan)).id}/nominations/${seqTalent}` }),
    },
  };
}
