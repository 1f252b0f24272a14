import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import { person, record, suggestion } from './integrity-fixture.ts';
import type { TestApp } from './testing.ts';

/*
 * 科研诚信记录（红黑名单）: its rows of the access table (access.test.ts). "in" is a record or suggestion of the
 * 衡阳 bureau (430400); "out" one of 武汉 (420100), outside everyone's scope. The bureau (admin, planner) keeps the
 * records, viewers read them, reporters, experts and enterprises are refused; every mutating request gets a fresh
 * row. The public 红黑名单 needs no sign-in.
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

const managers: TRole[] = ['admin', 'planner'];
const readers: TRole[] = ['admin', 'planner', 'viewer'];
const everyone: TRole[] = ['admin', 'planner', 'reporter', 'expert', 'enterprise', 'viewer'];
const side = (s: 'in' | 'out') => (s === 'in' ? '430400' : '420100');

const confirmed = (t: TestApp, s: 'in' | 'out') => record(t, { region: side(s), status: 'confirmed' });

function onRecord(
  path: string,
  status: 'draft' | 'confirmed',
  body: (v: number) => Record<string, unknown>,
): Pick<EntryLike, 'reqIn' | 'reqOut'> {
  const req = (s: 'in' | 'out'): Req => {
    return async (fx) => {
      const r = status === 'draft' ? await record(fx.t, { region: side(s) }) : await confirmed(fx.t, s);
      return { method: 'POST', url: `/api/integrity/records/${r.id}${path}`, payload: body(r.version) };
    };
  };
  return { reqIn: req('in'), reqOut: req('out') };
}

export function integrityAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/public/integrity-records': {
      public: true,
      in: everyone,
      reqIn: () => ({ method: 'GET', url: '/api/public/integrity-records?listKind=black' }),
    },
    'GET /api/integrity/packs': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/integrity/packs' }) },
    'GET /api/integrity/records': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/integrity/records?status=draft' }) },
    'GET /api/integrity/records/export': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/integrity/records/export' }) },
    'POST /api/integrity/records': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: '/api/integrity/records',
        payload: { subjectKind: 'person', personId: await person(fx.t), listKind: 'watch' },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: '/api/integrity/records',
        payload: { subjectKind: 'person', personId: await person(fx.t), listKind: 'watch', regionCode: '420100' },
      }),
    },
    'GET /api/integrity/records/:id': {
      in: readers,
      out: [],
      reqIn: async (fx) => ({ method: 'GET', url: `/api/integrity/records/${(await confirmed(fx.t, 'in')).id}` }),
      reqOut: async (fx) => ({ method: 'GET', url: `/api/integrity/records/${(await confirmed(fx.t, 'out')).id}` }),
    },
    'PUT /api/integrity/records/:id': {
      in: managers,
      out: [],
      reqIn: async (fx) => {
        const personId = await person(fx.t);
        const r = await record(fx.t, { personId });
        return {
          method: 'PUT',
          url: `/api/integrity/records/${r.id}`,
          payload: { subjectKind: 'person', personId, listKind: 'watch', version: r.version },
        };
      },
      reqOut: async (fx) => {
        const personId = await person(fx.t);
        const r = await record(fx.t, { personId, region: '420100' });
        return {
          method: 'PUT',
          url: `/api/integrity/records/${r.id}`,
          payload: { subjectKind: 'person', personId, listKind: 'watch', version: r.version },
        };
      },
    },
    'POST /api/integrity/records/:id/confirm': { in: managers, out: [], ...onRecord('/confirm', 'draft', (version) => ({ version })) },
    'POST /api/integrity/records/:id/publish': { in: managers, out: [], ...onRecord('/publish', 'confirmed', (version) => ({ version })) },
    'POST /api/integrity/records/:id/revoke': {
      in: managers,
      out: [],
      ...onRecord('/revoke', 'confirmed', (version) => ({ version, reason: '申诉成立，撤销处理决定' })),
    },
    'POST /api/integrity/records/:id/appeal': {
      in: managers,
      out: [],
      ...onRecord('/appeal', 'confirmed', (version) => ({ version, appealStatus: 'pending', note: '已收到申诉' })),
    },
    'GET /api/integrity/suggestions': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/integrity/suggestions' }) },
    'POST /api/integrity/suggestions/:eventId/dismiss': {
      in: managers,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/integrity/suggestions/${(await suggestion(fx.t)).eventId}/dismiss`,
        payload: { reason: '经核查不属于科研失信' },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/integrity/suggestions/${(await suggestion(fx.t, '420100')).eventId}/dismiss`,
        payload: { reason: '经核查不属于科研失信' },
      }),
    },
    'GET /api/integrity/subjects': {
      in: managers,
      reqIn: () => ({ method: 'GET', url: `/api/integrity/subjects?kind=org&q=${encodeURIComponent('衡阳')}` }),
    },
    'GET /api/integrity/check': {
      in: readers,
      reqIn: async (fx) => ({ method: 'GET', url: `/api/integrity/check?kind=person&id=${await person(fx.t)}&activity=apply` }),
    },
  };
}
