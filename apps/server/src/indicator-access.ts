import type { TRole } from '@kechuang/contracts';
import { writeValues } from '@kechuang/core';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * The indicator routes' rows of the access table (access.test.ts). "in" targets 衡阳 (430400 and its
 * counties), "out" targets 武汉 (420100), outside everyone's scope. Readers: admin, planner, viewer;
 * writers: admin, planner; the catalog's local indicators: admin.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
  fresh: { seq(): number };
}
type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
interface EntryLike {
  in: TRole[];
  out?: TRole[];
  /** the status an allowed request answers (default 200) */
  okStatus?: number;
  reqIn: Req;
  reqOut?: Req;
}

const readers: TRole[] = ['admin', 'planner', 'viewer'];
const writers: TRole[] = ['admin', 'planner'];
const definition = {
  groups: [
    {
      kind: 'group',
      key: 'g',
      name: '投入',
      weight: 1,
      children: [
        { kind: 'indicator', code: 'rd_intensity', weight: 1, polarity: 'positive', normalisation: { method: 'standard', standard: 2.5 } },
      ],
    },
  ],
};
const schemeBody = (parent: string) => ({ name: '访问测试方案', level: 3, parentRegionCode: parent, definition });

interface Fixture {
  schemeIn: number;
  schemeOut: number;
  runIn: number;
  runOut: number;
}
let fixture: Promise<Fixture> | undefined;

/** A scheme and a run in 衡阳 (made over the API) and a copy of both in 武汉 (written directly). */
function fixtures(t: TestApp): Promise<Fixture> {
  fixture ??= (async () => {
    const db = t.database.db;
    const admin = await t.login('admin');
    const scheme = await admin.request({ method: 'POST', url: '/api/indicators/evaluations', payload: schemeBody('430400') });
    const schemeIn = scheme.json().id as number;
    const run = await admin.request({
      method: 'POST',
      url: `/api/indicators/evaluations/${schemeIn}/runs`,
      payload: { year: 2025, samples: 10 },
    });
    const runIn = run.json().id as number;
    const { id: schemeOut } = await db
      .insertInto('evaluation_scheme')
      .values({ name: '武汉方案', level: 3, parent_region_code: '420100', definition: JSON.stringify(definition), created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const copy = await db.selectFrom('evaluation_run').selectAll().where('id', '=', runIn).executeTakeFirstOrThrow();
    const { id: runOut } = await db
      .insertInto('evaluation_run')
      .values({
        ...copy,
        id: undefined,
        scheme_id: schemeOut,
        definition: JSON.stringify(copy.definition),
        result: JSON.stringify(copy.result),
        sensitivity: JSON.stringify(copy.sensitivity),
        origins: JSON.stringify(copy.origins),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return { schemeIn, schemeOut, runIn, runOut };
  })();
  return fixture;
}

async function localIndicator(t: TestApp, owner: string, seq: number): Promise<string> {
  const code = `acc_local_${seq}`;
  await t.database.db
    .insertInto('indicator')
    .values({
      code,
      name_zh: '访问测试指标',
      unit: '个',
      category: 'platform',
      polarity: 'positive',
      aggregation: 'sum',
      owner_region_code: owner,
    })
    .execute();
  return code;
}

const csvFile = Buffer.from('指标代码,地区代码,期间,类型,数值\nrd_expenditure,430422,2025,实际,100\n');
const get = (url: string) => (): InjectOptions => ({ method: 'GET', url });

/** 地区生产总值, 资本存量 and 从业人员数 of a county for 2020 and 2025, for the 科技进步贡献率 route. */
async function seedSolowInputs(t: TestApp, region: string): Promise<void> {
  const rows = (['2020', '2025'] as const).flatMap((period, i) =>
    (['gdp', 'capital_stock', 'employed_persons'] as const).map((indicatorCode) => ({
      indicatorCode,
      regionCode: region,
      period,
      kind: 'actual' as const,
      value: String(100 * (1 + i * 0.5)),
      source: 'manual' as const,
      sourceRef: null,
      note: null,
    })),
  );
  await t.database.db.transaction().execute((tx) => writeValues(tx, rows, { userId: null, via: 'test', now: new Date() }));
}

export function indicatorAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/indicators': { in: readers, reqIn: get('/api/indicators') },
    'POST /api/indicators': {
      in: ['admin'],
      reqIn: (fx) => ({
        method: 'POST',
        url: '/api/indicators',
        payload: { code: `acc_new_${fx.fresh.seq()}`, nameZh: '新指标', unit: '个', category: 'platform', aggregation: 'sum' },
      }),
    },
    'GET /api/indicators/:code': { in: readers, reqIn: get('/api/indicators/rd_intensity') },
    'PATCH /api/indicators/:code': {
      in: ['admin'],
      out: [],
      reqIn: async (fx) => ({
        method: 'PATCH',
        url: `/api/indicators/${await localIndicator(fx.t, '430400', fx.fresh.seq())}`,
        payload: { version: 1, nameZh: '改名指标' },
      }),
      reqOut: async (fx) => ({
        method: 'PATCH',
        url: `/api/indicators/${await localIndicator(fx.t, '420100', fx.fresh.seq())}`,
        payload: { version: 1, nameZh: '改名指标' },
      }),
    },
    'GET /api/indicators/values': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/values'),
      reqOut: get('/api/indicators/values?region=420100'),
    },
    'POST /api/indicators/values': {
      in: writers,
      out: [],
      reqIn: (fx) => ({
        method: 'POST',
        url: '/api/indicators/values',
        payload: { indicatorCode: 'gdp', regionCode: '430422', period: '2025', kind: 'actual', value: fx.fresh.seq() },
      }),
      reqOut: (fx) => ({
        method: 'POST',
        url: '/api/indicators/values',
        payload: { indicatorCode: 'gdp', regionCode: '420102', period: '2025', kind: 'actual', value: fx.fresh.seq() },
      }),
    },
    'GET /api/indicators/values/history': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/values/history?indicator=gdp&region=430422&period=2025&kind=actual'),
      reqOut: get('/api/indicators/values/history?indicator=gdp&region=420102&period=2025&kind=actual'),
    },
    // out-of-scope rows of a file are row errors (indicator.test.ts), not a refusal of the route
    'POST /api/indicators/values/import': {
      in: writers,
      reqIn: () => ({
        method: 'POST',
        url: '/api/indicators/values/import?dryRun=true',
        headers: { 'content-type': 'application/octet-stream' },
        payload: csvFile,
      }),
    },
    'GET /api/indicators/values/export': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/values/export?region=430400'),
      reqOut: get('/api/indicators/values/export?region=420100'),
    },
    'POST /api/indicators/registry-sync': {
      in: writers,
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/indicators/registry-sync', payload: { region: '430422', year: 2025 } }),
      reqOut: () => ({ method: 'POST', url: '/api/indicators/registry-sync', payload: { region: '420100', year: 2025 } }),
    },
    'POST /api/indicators/st-progress': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        await seedSolowInputs(fx.t, '430422');
        return {
          method: 'POST',
          url: '/api/indicators/st-progress',
          payload: { region: '430422', year: 2025, alpha: 0.4, beta: 0.6, save: true },
        };
      },
      reqOut: () => ({
        method: 'POST',
        url: '/api/indicators/st-progress',
        payload: { region: '420100', year: 2025, alpha: 0.4, beta: 0.6, save: true },
      }),
    },
    'GET /api/indicators/profile': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/profile?region=430400'),
      reqOut: get('/api/indicators/profile?region=420100'),
    },
    'GET /api/indicators/ranking': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/ranking?indicator=gdp&region=430400&period=2025'),
      reqOut: get('/api/indicators/ranking?indicator=gdp&region=420100&period=2025'),
    },
    'GET /api/indicators/comparison': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/comparison?regions=430422,430481&period=2025'),
      reqOut: get('/api/indicators/comparison?regions=430422,420102&period=2025'),
    },
    'GET /api/indicators/plan-targets': { in: readers, reqIn: get('/api/indicators/plan-targets?indicator=rd_intensity') },
    'GET /api/indicators/evaluations': {
      in: readers,
      out: [],
      reqIn: get('/api/indicators/evaluations'),
      reqOut: get('/api/indicators/evaluations?region=420100'),
    },
    'POST /api/indicators/evaluations': {
      in: writers,
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/indicators/evaluations', payload: schemeBody('430400') }),
      reqOut: () => ({ method: 'POST', url: '/api/indicators/evaluations', payload: schemeBody('420100') }),
    },
    'GET /api/indicators/evaluations/:schemeId': {
      in: readers,
      out: [],
      reqIn: async (fx) => get(`/api/indicators/evaluations/${(await fixtures(fx.t)).schemeIn}`)(),
      reqOut: async (fx) => get(`/api/indicators/evaluations/${(await fixtures(fx.t)).schemeOut}`)(),
    },
    'PUT /api/indicators/evaluations/:schemeId': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        const admin = await fx.t.login('admin');
        const id = (await admin.request({ method: 'POST', url: '/api/indicators/evaluations', payload: schemeBody('430400') })).json().id;
        return { method: 'PUT', url: `/api/indicators/evaluations/${id}`, payload: { ...schemeBody('430400'), version: 1 } };
      },
      reqOut: async (fx) => ({
        method: 'PUT',
        url: `/api/indicators/evaluations/${(await fixtures(fx.t)).schemeOut}`,
        payload: { ...schemeBody('420100'), version: 1 },
      }),
    },
    'DELETE /api/indicators/evaluations/:schemeId': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        const admin = await fx.t.login('admin');
        const id = (await admin.request({ method: 'POST', url: '/api/indicators/evaluations', payload: schemeBody('430400') })).json().id;
        return { method: 'DELETE', url: `/api/indicators/evaluations/${id}?version=1` };
      },
      reqOut: async (fx) => ({ method: 'DELETE', url: `/api/indicators/evaluations/${(await fixtures(fx.t)).schemeOut}?version=1` }),
    },
    'POST /api/indicators/evaluations/:schemeId/runs': {
      in: writers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/indicators/evaluations/${(await fixtures(fx.t)).schemeIn}/runs`,
        payload: { year: 2025, samples: 10 },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/indicators/evaluations/${(await fixtures(fx.t)).schemeOut}/runs`,
        payload: { year: 2025, samples: 10 },
      }),
    },
    'POST /api/indicators/evaluations/:schemeId/runs/jobs': {
      in: writers,
      out: [],
      okStatus: 202,
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/indicators/evaluations/${(await fixtures(fx.t)).schemeIn}/runs/jobs`,
        payload: { year: 2025, samples: 10 },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/indicators/evaluations/${(await fixtures(fx.t)).schemeOut}/runs/jobs`,
        payload: { year: 2025, samples: 10 },
      }),
    },
    'GET /api/indicators/evaluations/:schemeId/runs': {
      in: readers,
      out: [],
      reqIn: async (fx) => get(`/api/indicators/evaluations/${(await fixtures(fx.t)).schemeIn}/runs`)(),
      reqOut: async (fx) => get(`/api/indicators/evaluations/${(await fixtures(fx.t)).schemeOut}/runs`)(),
    },
    'GET /api/indicators/evaluation-runs/:runId': {
      in: readers,
      out: [],
      reqIn: async (fx) => get(`/api/indicators/evaluation-runs/${(await fixtures(fx.t)).runIn}`)(),
      reqOut: async (fx) => get(`/api/indicators/evaluation-runs/${(await fixtures(fx.t)).runOut}`)(),
    },
    'GET /api/indicators/evaluation-runs/:runId/regions/:code': {
      in: readers,
      out: [],
      reqIn: async (fx) => get(`/api/indicators/evaluation-runs/${(await fixtures(fx.t)).runIn}/regions/430422`)(),
      reqOut: async (fx) => get(`/api/indicators/evaluation-runs/${(await fixtures(fx.t)).runOut}/regions/430422`)(),
    },
    'GET /api/indicators/evaluation-runs/:runId/export': {
      in: readers,
      out: [],
      reqIn: async (fx) => get(`/api/indicators/evaluation-runs/${(await fixtures(fx.t)).runIn}/export`)(),
      reqOut: async (fx) => get(`/api/indicators/evaluation-runs/${(await fixtures(fx.t)).runOut}/export`)(),
    },
  };
}
