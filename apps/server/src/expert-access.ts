import type { TExpertStatus, TRole } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * 评审专家库: its rows of the access table (access.test.ts). "in": an entry kept by a 衡阳 county (430407)
 * for the bureau roles, and for the expert account its own entry; "out": an entry kept by 武汉 (420100).
 * The bureau (admin, planner) keeps entries, viewers read, the expert keeps only their own; reporters and
 * enterprises are refused everywhere. Every mutating request gets a fresh entry.
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
let seq = 0;

/** An entry written straight into the tables (person, expert, current employer). */
async function entry(
  t: TestApp,
  region: string,
  status: TExpertStatus = 'active',
  userId: number | null = null,
): Promise<{ id: number; version: number }> {
  const db = t.database.db;
  const n = ++seq;
  const person = await db
    .insertInto('person')
    .values({ name: `访问测试专家${n}`, employer_name: '测试大学', discipline_codes: ['520.20'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('expert')
    .values({ person_id: person.id, region_code: region, discipline_codes: ['520.20'], status, user_id: userId })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db.insertInto('expert_employment').values({ expert_id: row.id, org_name: '测试大学' }).execute();
  return row;
}

/** The demo expert account's own entry (made once). */
async function ownEntry(t: TestApp): Promise<{ id: number; version: number }> {
  const db = t.database.db;
  const user = await db.selectFrom('app_user').select('id').where('username', '=', 'expert').executeTakeFirstOrThrow();
  const found = await db.selectFrom('expert').select(['id', 'version']).where('user_id', '=', user.id).executeTakeFirst();
  return found ?? (await entry(t, '430407', 'active', user.id));
}

const input = (region: string) => ({
  name: `访问测试专家${++seq}`,
  regionCode: region,
  title: '教授',
  disciplineCodes: ['520.20'],
  industryCodes: ['I65'],
  specialty: '机器学习',
  employments: [{ orgName: '测试大学' }],
});

const onEntry =
  (status: TExpertStatus, method: InjectOptions['method'], path: string, body?: (v: number) => object) =>
  (region: string): Req =>
  async (fx) => {
    const e = await entry(fx.t, region, status);
    return { method, url: `/api/experts/${e.id}${path}`, ...(body ? { payload: body(e.version) } : {}) };
  };

async function importFile(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('专家库').addRows([
    ['姓名', '现工作单位', '所在地区代码', '学科代码'],
    [`导入访问测试${++seq}`, '测试大学', '430407', '520.20'],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function expertAccessEntries(): Record<string, EntryLike> {
  const both = (f: (region: string) => Req) => ({ reqIn: f('430407'), reqOut: f('420100') });
  return {
    'GET /api/experts': {
      in: readers,
      out: [],
      reqIn: () => ({ method: 'GET', url: '/api/experts' }),
      reqOut: () => ({ method: 'GET', url: '/api/experts?region=420100' }),
    },
    'GET /api/experts/export': {
      in: readers,
      out: [],
      reqIn: () => ({ method: 'GET', url: '/api/experts/export?status=active' }),
      reqOut: () => ({ method: 'GET', url: '/api/experts/export?region=420100' }),
    },
    'GET /api/experts/import-template': { in: managers, reqIn: () => ({ method: 'GET', url: '/api/experts/import-template' }) },
    'POST /api/experts/import': {
      in: managers,
      reqIn: async () => ({
        method: 'POST',
        url: '/api/experts/import?dryRun=true',
        headers: { 'content-type': 'application/octet-stream' },
        payload: await importFile(),
      }),
    },
    'POST /api/experts': {
      in: managers,
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/experts', payload: input('430407') }),
      reqOut: () => ({ method: 'POST', url: '/api/experts', payload: input('420100') }),
    },
    'GET /api/experts/me': { in: ['expert'], reqIn: () => ({ method: 'GET', url: '/api/experts/me' }) },
    'PUT /api/experts/me': {
      in: ['expert'],
      reqIn: async (fx) => {
        const own = await ownEntry(fx.t);
        return { method: 'PUT', url: '/api/experts/me', payload: { ...input('430407'), version: own.version } };
      },
    },
    'PUT /api/experts/me/relations': {
      in: ['expert'],
      reqIn: async (fx) => {
        const own = await ownEntry(fx.t);
        return {
          method: 'PUT',
          url: '/api/experts/me/relations',
          payload: { version: own.version, relations: [{ kind: 'kin', personName: '陈某' }] },
        };
      },
    },
    'PUT /api/experts/me/unavailable': {
      in: ['expert'],
      reqIn: async (fx) => {
        const own = await ownEntry(fx.t);
        return {
          method: 'PUT',
          url: '/api/experts/me/unavailable',
          payload: { version: own.version, periods: [{ fromDate: '2026-07-01', toDate: '2026-07-15' }] },
        };
      },
    },
    'GET /api/experts/:id': {
      // the bureau reads entries of its subtree; the expert only their own
      in: [...readers, 'expert'],
      out: [],
      reqIn: async (fx) => {
        const e = fx.role === 'expert' ? await ownEntry(fx.t) : await entry(fx.t, '430407');
        return { method: 'GET', url: `/api/experts/${e.id}` };
      },
      reqOut: onEntry('active', 'GET', '')('420100'),
    },
    'PUT /api/experts/:id': {
      in: managers,
      out: [],
      ...both((region) => onEntry('active', 'PUT', '', (version) => ({ ...input(region), version }))(region)),
    },
    'POST /api/experts/:id/status': {
      in: managers,
      out: [],
      ...both(onEntry('pending', 'POST', '/status', (version) => ({ action: 'approve', version }))),
    },
  };
}
