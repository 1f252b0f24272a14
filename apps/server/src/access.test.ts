import { type TRole, usccCheckChar } from '@kechuang/contracts';
import { goodInput } from '@kechuang/core/testing';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertAccessEntries } from './expert-access.ts';
import { indicatorAccessEntries } from './indicator-access.ts';
import { indicatorBoundaryAccessEntries } from './indicator-boundary-access.ts';
import { integrityAccessEntries } from './integrity-access.ts';
import { jobsAccessEntries } from './jobs-access.ts';
import { planExecutionAccessEntries } from './plan-execution-access.ts';
import { platformAccessEntries } from './platform-access.ts';
import { projectAccessEntries } from './project-access.ts';
import { projectLifecycleAccessEntries } from './project-lifecycle-access.ts';
import { reviewAccessEntries } from './review-access.ts';
import { talentAccessEntries } from './talent-access.ts';
import { techmarketAccessEntries } from './techmarket-access.ts';
import { techmarketMarketAccessEntries } from './techmarket-market-access.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';
import { voucherAccessEntries } from './voucher-access.ts';

/**
 * Every API route × every role × a target inside and a target outside the role's scope.
 * "in" is the natural in-scope target: for 衡阳 admins/planners and the 湖南 viewer a record of
 * another 衡阳 unit; for reporters, experts and enterprises their own unit or account. "out" is a
 * record of 武汉 (湖北), outside everyone's scope. allow = passes access control (2xx, or the stated
 * status); deny = 401/403 (or 404 where the route hides what is not yours).
 */
type Who = TRole | 'anonymous';
const roleUser: Record<TRole, string> = {
  admin: 'admin',
  planner: 'planner',
  reporter: 'reporter.leiyang',
  expert: 'expert',
  enterprise: 'enterprise',
  viewer: 'province',
};
const roles = Object.keys(roleUser) as TRole[];
const everyone: TRole[] = roles;
const regionWide: TRole[] = ['admin', 'planner', 'viewer'];

interface Fx {
  t: TestApp;
  role: TRole;
  client: Client | null;
  fresh: {
    org(region: string): Promise<number>;
    user(region: string): Promise<number>;
    seq(): number;
    enterprise(region: string, orgId: number | null): Promise<number>;
  };
  ids: Record<string, number>;
}
type Req = (fx: Fx) => Promise<InjectOptions> | InjectOptions;
interface Entry {
  public?: boolean;
  /** roles allowed on the in-scope target */
  in: TRole[];
  /** roles allowed on the out-of-scope target; omitted: the route has no target (same as in) */
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
  okStatus?: number;
  /** the request ends the caller's session */
  endsSession?: boolean;
}

const ownOrNeighbourOrg = (fx: Fx) => (regionWide.includes(fx.role) ? fx.ids.drc : (fx.ids[`own:${fx.role}`] as number));
const orgBody = (fx: Fx, region: string) => ({ name: `测试单位${fx.fresh.seq()}`, kind: 'department', regionCode: region });

const table: Record<string, Entry> = {
  'GET /api/health': { public: true, in: everyone, reqIn: () => ({ method: 'GET', url: '/api/health' }) },
  'GET /api/openapi.json': { public: true, in: everyone, reqIn: () => ({ method: 'GET', url: '/api/openapi.json' }) },
  'GET /api/docs*': { public: true, in: everyone, reqIn: () => ({ method: 'GET', url: '/api/docs/json' }) },
  'POST /api/auth/login': {
    public: true,
    in: everyone,
    reqIn: (fx) => ({ method: 'POST', url: '/api/auth/login', payload: { username: roleUser[fx.role], password: 'TestPass2026' } }),
  },
  'POST /api/auth/logout': { in: everyone, endsSession: true, reqIn: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/me': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'GET /api/workbench': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/workbench' }) },
  'POST /api/auth/password': {
    in: everyone,
    okStatus: 400, // wrong current password: passed access control, refused by the rule
    reqIn: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'wrong-one-1', newPassword: 'NewPass20261' } }),
  },
  'GET /api/auth/sessions': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/auth/sessions' }) },
  'DELETE /api/auth/sessions/:sessionId': {
    in: everyone,
    out: [],
    reqIn: async (fx) => {
      if (!fx.client) return { method: 'DELETE', url: '/api/auth/sessions/0000000000000000' };
      await fx.t.login(roleUser[fx.role]); // a second session of the same user, to end
      const list = await fx.client.request({ method: 'GET', url: '/api/auth/sessions' });
      const other = (list.json() as Array<{ id: string; current: boolean }>).find((s) => !s.current);
      return { method: 'DELETE', url: `/api/auth/sessions/${other?.id ?? '0000000000000000'}` };
    },
    reqOut: async (fx) => {
      const someoneElse = await fx.t.login(fx.role === 'admin' ? 'planner' : 'admin');
      const list = await someoneElse.request({ method: 'GET', url: '/api/auth/sessions' });
      return { method: 'DELETE', url: `/api/auth/sessions/${(list.json() as Array<{ id: string }>)[0]?.id}` };
    },
  },
  'POST /api/auth/sessions/revoke-all': {
    in: everyone,
    endsSession: true,
    reqIn: () => ({ method: 'POST', url: '/api/auth/sessions/revoke-all' }),
  },
  'GET /api/regions': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/regions?parent=430400' }) },
  'GET /api/regions/:code': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/regions/430481' }) },
  'GET /api/regions/changes': { in: regionWide, reqIn: () => ({ method: 'GET', url: '/api/regions/changes' }) },
  'POST /api/regions/changes': {
    in: ['admin'],
    out: [],
    reqIn: (fx) => ({
      method: 'POST',
      url: '/api/regions/changes',
      payload: {
        kind: 'create',
        effectiveDate: '2026-01-01',
        to: { code: `4304${50 + (fx.fresh.seq() % 50)}`, name: `新区${fx.fresh.seq()}`, parentCode: '430400' },
      },
    }),
    reqOut: (fx) => ({
      method: 'POST',
      url: '/api/regions/changes',
      payload: {
        kind: 'create',
        effectiveDate: '2026-01-01',
        to: { code: `4201${50 + (fx.fresh.seq() % 50)}`, name: `新区${fx.fresh.seq()}`, parentCode: '420100' },
      },
    }),
  },
  'GET /api/orgs': {
    in: everyone,
    out: [],
    reqIn: () => ({ method: 'GET', url: '/api/orgs' }),
    reqOut: () => ({ method: 'GET', url: '/api/orgs?region=420100' }),
  },
  'GET /api/orgs/:id': {
    in: everyone,
    out: [],
    reqIn: (fx) => ({ method: 'GET', url: `/api/orgs/${ownOrNeighbourOrg(fx)}` }),
    reqOut: (fx) => ({ method: 'GET', url: `/api/orgs/${fx.ids.wuhan}` }),
  },
  'POST /api/orgs': {
    in: ['admin'],
    out: [],
    reqIn: (fx) => ({ method: 'POST', url: '/api/orgs', payload: orgBody(fx, '430422') }),
    reqOut: (fx) => ({ method: 'POST', url: '/api/orgs', payload: orgBody(fx, '420102') }),
  },
  'PUT /api/orgs/:id': {
    in: ['admin'],
    out: [],
    reqIn: async (fx) => ({
      method: 'PUT',
      url: `/api/orgs/${await fx.fresh.org('430422')}`,
      payload: { ...orgBody(fx, '430422'), version: 1 },
    }),
    reqOut: async (fx) => ({
      method: 'PUT',
      url: `/api/orgs/${await fx.fresh.org('420102')}`,
      payload: { ...orgBody(fx, '420102'), version: 1 },
    }),
  },
  'POST /api/orgs/:id/disable': {
    in: ['admin'],
    out: [],
    reqIn: async (fx) => ({
      method: 'POST',
      url: `/api/orgs/${await fx.fresh.org('430422')}/disable`,
      payload: { disabled: true, version: 1 },
    }),
    reqOut: async (fx) => ({
      method: 'POST',
      url: `/api/orgs/${await fx.fresh.org('420102')}/disable`,
      payload: { disabled: true, version: 1 },
    }),
  },
  'GET /api/users': {
    in: ['admin'],
    out: [],
    reqIn: () => ({ method: 'GET', url: '/api/users' }),
    reqOut: () => ({ method: 'GET', url: '/api/users?region=420100' }),
  },
  'GET /api/users/:id': {
    in: everyone, // admins: a user of their region; everyone else: their own account
    out: [],
    reqIn: async (fx) => ({
      method: 'GET',
      url: `/api/users/${fx.role === 'admin' ? await fx.fresh.user('430422') : fx.ids[`user:${fx.role}`]}`,
    }),
    reqOut: async (fx) => ({ method: 'GET', url: `/api/users/${await fx.fresh.user('420102')}` }),
  },
  'POST /api/users': {
    in: ['admin'],
    out: [],
    reqIn: async (fx) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `u${fx.fresh.seq()}x`, displayName: '测试', orgId: await fx.fresh.org('430422'), roles: ['reporter'] },
    }),
    reqOut: async (fx) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `u${fx.fresh.seq()}x`, displayName: '测试', orgId: await fx.fresh.org('420102'), roles: ['reporter'] },
    }),
  },
  'PUT /api/users/:id': {
    in: ['admin'],
    out: [],
    reqIn: async (fx) => ({
      method: 'PUT',
      url: `/api/users/${await fx.fresh.user('430422')}`,
      payload: { displayName: '改名', orgId: fx.ids.hengnan, roles: ['reporter'], version: 1 },
    }),
    reqOut: async (fx) => ({
      method: 'PUT',
      url: `/api/users/${await fx.fresh.user('420102')}`,
      payload: { displayName: '改名', orgId: fx.ids.wuhan, roles: ['reporter'], version: 1 },
    }),
  },
};
for (const action of ['disable', 'reset-password', 'unlock', 'revoke-sessions']) {
  const payload = action === 'disable' ? { disabled: true, version: 1 } : undefined;
  table[`POST /api/users/:id/${action}`] = {
    in: ['admin'],
    out: [],
    reqIn: async (fx) => ({
      method: 'POST',
      url: `/api/users/${await fx.fresh.user('430422')}/${action}`,
      ...(payload ? { payload } : {}),
    }),
    reqOut: async (fx) => ({
      method: 'POST',
      url: `/api/users/${await fx.fresh.user('420102')}/${action}`,
      ...(payload ? { payload } : {}),
    }),
  };
}
const planText = '某市2026年科技工作要点\n一、主要目标\n高新技术企业总数突破600家。';
const planBody = (region: string) => ({ title: '测试计划', regionCode: region, year: 2026, kind: 'plan', nodes: [], targets: [] });
table['POST /api/plans/import'] = {
  in: ['admin', 'planner'],
  reqIn: () => ({
    method: 'POST',
    url: '/api/plans/import?filename=plan.txt',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(planText),
  }),
};
table['POST /api/plans/import/text'] = {
  in: ['admin', 'planner'],
  reqIn: () => ({ method: 'POST', url: '/api/plans/import/text', payload: { text: planText } }),
};
table['POST /api/plans'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: () => ({ method: 'POST', url: '/api/plans', payload: planBody('430400') }),
  reqOut: () => ({ method: 'POST', url: '/api/plans', payload: planBody('420100') }),
};
table['GET /api/plans'] = {
  in: regionWide,
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/plans' }),
  reqOut: () => ({ method: 'GET', url: '/api/plans?region=420100' }),
};
table['GET /api/plans/:id'] = {
  in: regionWide,
  out: [],
  reqIn: (fx) => ({ method: 'GET', url: `/api/plans/${fx.ids.planIn}` }),
  reqOut: (fx) => ({ method: 'GET', url: `/api/plans/${fx.ids.planOut}` }),
};
table['POST /api/enterprise/assess'] = {
  in: everyone,
  reqIn: () => ({ method: 'POST', url: '/api/enterprise/assess', payload: { input: goodInput(), at: '2026-06-01' } }),
};
table['GET /api/enterprise/rule-packs'] = { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/enterprise/rule-packs' }) };
// The registry: "in" is the demo enterprise in 衡阳 (蒸湘区) that the demo enterprise account owns; "out" one in 武汉.
const entReaders: TRole[] = ['admin', 'planner', 'viewer', 'enterprise'];
const entWriters: TRole[] = ['admin', 'planner', 'enterprise'];
const usccOf = (n: number) => {
  const first = `91${'430408'}MA4${String(n).padStart(6, '0')}`;
  return `${first}${usccCheckChar(first)}`;
};
const entBody = (fx: Fx, region: string, orgId: number | null) => ({
  uscc: usccOf(fx.fresh.seq()),
  name: `测试企业${fx.fresh.seq()}`,
  regionCode: region,
  orgId,
});
const ownEnterpriseOrg = (fx: Fx) => (fx.role === 'enterprise' ? (fx.ids['own:enterprise'] as number) : null);
table['GET /api/enterprises'] = {
  in: entReaders,
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/enterprises' }),
  reqOut: () => ({ method: 'GET', url: '/api/enterprises?region=420100' }),
};
table['POST /api/enterprises'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: (fx) => ({ method: 'POST', url: '/api/enterprises', payload: entBody(fx, '430422', null) }),
  reqOut: (fx) => ({ method: 'POST', url: '/api/enterprises', payload: entBody(fx, '420102', null) }),
};
table['GET /api/enterprises/:id'] = {
  in: entReaders,
  out: [],
  reqIn: (fx) => ({ method: 'GET', url: `/api/enterprises/${fx.ids.entIn}` }),
  reqOut: (fx) => ({ method: 'GET', url: `/api/enterprises/${fx.ids.entOut}` }),
};
table['PUT /api/enterprises/:id'] = {
  in: entWriters,
  out: [],
  reqIn: async (fx) => {
    const body = entBody(fx, '430408', ownEnterpriseOrg(fx));
    const id = await fx.fresh.enterprise('430408', body.orgId);
    return { method: 'PUT', url: `/api/enterprises/${id}`, payload: { ...body, version: 1 } };
  },
  reqOut: async (fx) => {
    const body = entBody(fx, '420102', null);
    return { method: 'PUT', url: `/api/enterprises/${await fx.fresh.enterprise('420102', null)}`, payload: { ...body, version: 1 } };
  },
};
table['PUT /api/enterprises/:id/years/:year'] = {
  in: entWriters,
  out: [],
  reqIn: (fx) => ({ method: 'PUT', url: `/api/enterprises/${fx.ids.entIn}/years/2022`, payload: { employeesAvg: '50' } }),
  reqOut: (fx) => ({ method: 'PUT', url: `/api/enterprises/${fx.ids.entOut}/years/2022`, payload: { employeesAvg: '50' } }),
};
const statusBody = { rung: 'techSme', validFrom: '2026-04-01', validTo: '2026-12-31' };
table['POST /api/enterprises/:id/statuses'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: async (fx) => ({
    method: 'POST',
    url: `/api/enterprises/${await fx.fresh.enterprise('430408', null)}/statuses`,
    payload: statusBody,
  }),
  reqOut: (fx) => ({ method: 'POST', url: `/api/enterprises/${fx.ids.entOut}/statuses`, payload: statusBody }),
};
/** A 科技型中小企业 入库登记编号 stored directly, to revoke (a year of its own: one number per enterprise and year). */
async function seededRegistration(fx: Fx, entId: number): Promise<number> {
  const n = fx.fresh.seq();
  const r = await fx.t.database.db
    .insertInto('tech_sme_registration')
    .values({ enterprise_id: entId, year: 1000 + n, number: `2026TS${n}`, registered_on: '2026-03-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
const registrationBody = (fx: Fx) => ({ year: 2026, number: `2026430400${fx.fresh.seq()}`, registeredOn: '2026-04-01' });
table['POST /api/enterprises/:id/tech-sme-registrations'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: async (fx) => ({
    method: 'POST',
    url: `/api/enterprises/${await fx.fresh.enterprise('430408', null)}/tech-sme-registrations`,
    payload: registrationBody(fx),
  }),
  reqOut: (fx) => ({ method: 'POST', url: `/api/enterprises/${fx.ids.entOut}/tech-sme-registrations`, payload: registrationBody(fx) }),
};
const revocationBody = { revokedOn: '2026-06-01', reason: 'credit_listing' };
table['POST /api/enterprises/:id/tech-sme-registrations/:registrationId/revoke'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: async (fx) => {
    const id = await fx.fresh.enterprise('430408', null);
    return {
      method: 'POST',
      url: `/api/enterprises/${id}/tech-sme-registrations/${await seededRegistration(fx, id)}/revoke`,
      payload: revocationBody,
    };
  },
  reqOut: async (fx) => ({
    method: 'POST',
    url: `/api/enterprises/${fx.ids.entOut}/tech-sme-registrations/${await seededRegistration(fx, fx.ids.entOut as number)}/revoke`,
    payload: revocationBody,
  }),
};
table['GET /api/enterprises/:id/assessment'] = {
  in: entReaders,
  out: [],
  reqIn: (fx) => ({ method: 'GET', url: `/api/enterprises/${fx.ids.entIn}/assessment?at=2026-06-01` }),
  reqOut: (fx) => ({ method: 'GET', url: `/api/enterprises/${fx.ids.entOut}/assessment?at=2026-06-01` }),
};
table['GET /api/enterprises/funnel'] = {
  in: regionWide,
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/enterprises/funnel?region=430400&year=2025' }),
  reqOut: () => ({ method: 'GET', url: '/api/enterprises/funnel?region=420100&year=2025' }),
};
table['GET /api/enterprises/reserve'] = {
  in: regionWide,
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/enterprises/reserve?region=430400' }),
  reqOut: () => ({ method: 'GET', url: '/api/enterprises/reserve?region=420100' }),
};
// IP items, incidents, disclosure: same scope as the yearly figures.
const ipBody = (fx: Fx) => ({ number: `ZL${fx.fresh.seq()}`, kind: 'invention_patent', grantDate: '2022-01-01' });
const incidentBody = (fx: Fx) => ({
  date: `2025-0${1 + (fx.fresh.seq() % 9)}-1${fx.fresh.seq() % 10}`,
  kind: 'safety',
  severity: 'general',
});
/** a fresh in-scope enterprise the role may write (its own for the enterprise user) */
const writableEnt = (fx: Fx) => fx.fresh.enterprise('430408', ownEnterpriseOrg(fx));
async function seededRecord(fx: Fx, entId: number, kind: 'ip' | 'incident'): Promise<number> {
  const db = fx.t.database.db;
  if (kind === 'ip') {
    const r = await db
      .insertInto('enterprise_ip')
      .values({
        enterprise_id: entId,
        number: `S${fx.fresh.seq()}`,
        kind: 'utility_model',
        data: JSON.stringify({ kind: 'utility_model' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }
  const r = await db
    .insertInto('enterprise_incident')
    .values({ enterprise_id: entId, occurred_on: `2024-01-${10 + (fx.fresh.seq() % 18)}`, kind: 'quality', severity: 'general' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
table['POST /api/enterprises/:id/ip-items'] = {
  in: entWriters,
  out: [],
  reqIn: async (fx) => ({ method: 'POST', url: `/api/enterprises/${await writableEnt(fx)}/ip-items`, payload: ipBody(fx) }),
  reqOut: (fx) => ({ method: 'POST', url: `/api/enterprises/${fx.ids.entOut}/ip-items`, payload: ipBody(fx) }),
};
table['DELETE /api/enterprises/:id/ip-items/:itemId'] = {
  in: entWriters,
  out: [],
  reqIn: async (fx) => {
    const id = await writableEnt(fx);
    return { method: 'DELETE', url: `/api/enterprises/${id}/ip-items/${await seededRecord(fx, id, 'ip')}` };
  },
  reqOut: async (fx) => ({
    method: 'DELETE',
    url: `/api/enterprises/${fx.ids.entOut}/ip-items/${await seededRecord(fx, fx.ids.entOut as number, 'ip')}`,
  }),
};
table['POST /api/enterprises/:id/incidents'] = {
  in: entWriters,
  out: [],
  reqIn: async (fx) => ({ method: 'POST', url: `/api/enterprises/${await writableEnt(fx)}/incidents`, payload: incidentBody(fx) }),
  reqOut: (fx) => ({ method: 'POST', url: `/api/enterprises/${fx.ids.entOut}/incidents`, payload: incidentBody(fx) }),
};
table['DELETE /api/enterprises/:id/incidents/:itemId'] = {
  in: entWriters,
  out: [],
  reqIn: async (fx) => {
    const id = await writableEnt(fx);
    return { method: 'DELETE', url: `/api/enterprises/${id}/incidents/${await seededRecord(fx, id, 'incident')}` };
  },
  reqOut: async (fx) => ({
    method: 'DELETE',
    url: `/api/enterprises/${fx.ids.entOut}/incidents/${await seededRecord(fx, fx.ids.entOut as number, 'incident')}`,
  }),
};
table['PUT /api/enterprises/:id/disclosure'] = {
  in: entWriters,
  out: [],
  reqIn: async (fx) => ({
    method: 'PUT',
    url: `/api/enterprises/${await writableEnt(fx)}/disclosure`,
    payload: { ipComplete: true, incidentsComplete: true },
  }),
  reqOut: (fx) => ({
    method: 'PUT',
    url: `/api/enterprises/${fx.ids.entOut}/disclosure`,
    payload: { ipComplete: true, incidentsComplete: true },
  }),
};
// 高企后备库 rules: read by the bureau's readers, versions added by admin and planner within their region.
table['GET /api/enterprises/reserve/rules'] = {
  in: regionWide,
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/enterprises/reserve/rules?region=430400' }),
  reqOut: () => ({ method: 'GET', url: '/api/enterprises/reserve/rules?region=420100' }),
};
const rulesBody = (region: string) => ({ regionCode: region, effectiveFrom: '2099-01-01', rules: { maxUnmet: 2 } });
table['PUT /api/enterprises/reserve/rules'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: () => ({ method: 'PUT', url: '/api/enterprises/reserve/rules', payload: rulesBody('430421') }),
  reqOut: () => ({ method: 'PUT', url: '/api/enterprises/reserve/rules', payload: rulesBody('420102') }),
};
// Bulk exchange: export for the bureau's readers; import (dry run of an in-scope file) for admin and planner.
table['GET /api/enterprises/export'] = {
  in: regionWide,
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/enterprises/export?region=430400' }),
  reqOut: () => ({ method: 'GET', url: '/api/enterprises/export?region=420100' }),
};
let importFile: Buffer = Buffer.alloc(0);
table['POST /api/enterprises/import'] = {
  in: ['admin', 'planner'],
  reqIn: () => ({
    method: 'POST',
    url: '/api/enterprises/import?dryRun=true',
    headers: { 'content-type': 'application/octet-stream' },
    payload: importFile,
  }),
};
// The notification centre: everyone reads and marks their own; "out" is another user's notification.
const notificationOf = async (fx: Fx, userId: number) =>
  String(
    (
      await fx.t.database.db
        .insertInto('notification')
        .values({ user_id: userId, kind: 'reminder.due_soon', title: '提醒' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
table['GET /api/notifications'] = { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/notifications?unread=true' }) };
table['GET /api/notifications/unread-count'] = { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/notifications/unread-count' }) };
table['POST /api/notifications/:id/read'] = {
  in: everyone,
  out: [],
  reqIn: async (fx) => ({
    method: 'POST',
    url: `/api/notifications/${await notificationOf(fx, fx.ids[`user:${fx.role}`] as number)}/read`,
  }),
  reqOut: async (fx) => ({ method: 'POST', url: `/api/notifications/${await notificationOf(fx, await fx.fresh.user('420102'))}/read` }),
};
table['POST /api/notifications/read-all'] = { in: everyone, reqIn: () => ({ method: 'POST', url: '/api/notifications/read-all' }) };
// A plan's workbook: export for the bureau's readers, import (a dry run of an empty edit) for admin and planner.
const planWorkbook = async (planId: number) => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('任务').addRow(['任务ID', '任务名称']);
  book.addWorksheet('_kechuang').addRows([
    ['planId', planId],
    ['version', 1],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
};
table['GET /api/plans/:id/xlsx'] = {
  in: regionWide,
  out: [],
  reqIn: (fx) => ({ method: 'GET', url: `/api/plans/${fx.ids.planIn}/xlsx` }),
  reqOut: (fx) => ({ method: 'GET', url: `/api/plans/${fx.ids.planOut}/xlsx` }),
};
table['POST /api/plans/:id/xlsx'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: async (fx) => ({
    method: 'POST',
    url: `/api/plans/${fx.ids.planIn}/xlsx?dryRun=true`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: await planWorkbook(fx.ids.planIn as number),
  }),
  reqOut: async (fx) => ({
    method: 'POST',
    url: `/api/plans/${fx.ids.planOut}/xlsx?dryRun=true`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: await planWorkbook(fx.ids.planOut as number),
  }),
};
// 进度通报: the archive and downloads for the bureau's readers, generating for admin and planner.
const bulletinOf = async (fx: Fx, planId: number) =>
  (
    await fx.t.database.db
      .insertInto('plan_bulletin')
      .values({
        plan_id: planId,
        title: '通报',
        period_label: '一季度',
        as_of: '2026-04-10',
        docx: Buffer.from('d'),
        xlsx: Buffer.from('x'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
table['GET /api/plans/:id/bulletins'] = {
  in: regionWide,
  out: [],
  reqIn: (fx) => ({ method: 'GET', url: `/api/plans/${fx.ids.planIn}/bulletins` }),
  reqOut: (fx) => ({ method: 'GET', url: `/api/plans/${fx.ids.planOut}/bulletins` }),
};
table['POST /api/plans/:id/bulletins'] = {
  in: ['admin', 'planner'],
  out: [],
  reqIn: (fx) => ({
    method: 'POST',
    url: `/api/plans/${fx.ids.planIn}/bulletins`,
    payload: { periodLabel: '2026年5月', asOf: '2026-05-31' },
  }),
  reqOut: (fx) => ({
    method: 'POST',
    url: `/api/plans/${fx.ids.planOut}/bulletins`,
    payload: { periodLabel: '2026年5月', asOf: '2026-05-31' },
  }),
};
table['GET /api/plans/:id/bulletins/:bulletinId/:format'] = {
  in: regionWide,
  out: [],
  reqIn: async (fx) => ({
    method: 'GET',
    url: `/api/plans/${fx.ids.planIn}/bulletins/${await bulletinOf(fx, fx.ids.planIn as number)}/docx`,
  }),
  reqOut: async (fx) => ({
    method: 'GET',
    url: `/api/plans/${fx.ids.planOut}/bulletins/${await bulletinOf(fx, fx.ids.planOut as number)}/xlsx`,
  }),
};
table['GET /api/audit'] = {
  in: ['admin'],
  out: [],
  reqIn: () => ({ method: 'GET', url: '/api/audit' }),
  reqOut: () => ({ method: 'GET', url: '/api/audit?region=420100' }),
};

Object.assign(table, indicatorAccessEntries());
Object.assign(table, indicatorBoundaryAccessEntries());
Object.assign(table, planExecutionAccessEntries());
Object.assign(table, projectAccessEntries());
Object.assign(table, projectLifecycleAccessEntries());
Object.assign(table, techmarketAccessEntries());
Object.assign(table, integrityAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, expertAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, reviewAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, techmarketMarketAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, platformAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, talentAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, voucherAccessEntries() as unknown as Record<string, Entry>);
Object.assign(table, jobsAccessEntries() as unknown as Record<string, Entry>);

function entryFor(route: string): Entry | undefined {
  return table[route] ?? (route.startsWith('GET /api/docs') ? table['GET /api/docs*'] : undefined);
}

let t: TestApp;
let fxBase: Omit<Fx, 'role' | 'client'>;
const clients = new Map<TRole, Client>();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  let n = 0;
  const seq = () => ++n;
  const org = async (region: string) =>
    (
      await db
        .insertInto('organization')
        .values({ name: `目标单位${seq()}`, kind: 'government', region_code: region })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const wuhan = await org('420100');
  const user = async (region: string) => {
    const orgId = region.startsWith('42') ? wuhan : await org(region);
    const row = await db
      .insertInto('app_user')
      .values({
        username: `target${seq()}`,
        display_name: '目标',
        org_id: orgId,
        roles: ['reporter'],
        password_hash: 'x',
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const orgId = async (name: string) =>
    (await db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const userId = async (name: string) =>
    (await db.selectFrom('app_user').select('id').where('username', '=', name).executeTakeFirstOrThrow()).id;
  const plan = async (region: string) =>
    (
      await db
        .insertInto('plan')
        .values({ region_code: region, title: '计划', year: 2026, kind: 'plan' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const enterprise = async (region: string, ownerOrg: number | null) =>
    (
      await db
        .insertInto('enterprise')
        .values({ uscc: usccOf(900000 + seq()), name: `目标企业${seq()}`, region_code: region, org_id: ownerOrg })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const ids: Record<string, number> = {
    wuhan,
    entIn: (await db.selectFrom('enterprise').select('id').where('name', '=', '衡阳衡山科学仪器有限公司').executeTakeFirstOrThrow()).id,
    entOut: await enterprise('420102', null),
    drc: await orgId('衡阳市发展和改革委员会'),
    hengnan: await orgId('衡南县人民政府'),
    planIn: await plan('430481'),
    planOut: await plan('420100'),
  };
  for (const r of roles) {
    const u = await db.selectFrom('app_user').select(['id', 'org_id']).where('username', '=', roleUser[r]).executeTakeFirstOrThrow();
    ids[`own:${r}`] = u.org_id;
    ids[`user:${r}`] = await userId(roleUser[r]);
  }
  fxBase = { t, fresh: { org, user, seq, enterprise }, ids };
  const book = new ExcelJS.Workbook();
  book.addWorksheet('企业名录').addRows([
    ['统一社会信用代码', '企业名称', '所在地区代码'],
    [usccOf(800001), '导入测试企业', '430408'],
  ]);
  importFile = Buffer.from(await book.xlsx.writeBuffer());
});
afterAll(async () => t?.close());

async function clientFor(role: TRole): Promise<Client> {
  let c = clients.get(role);
  if (!c) {
    c = await t.login(roleUser[role]);
    clients.set(role, c);
  }
  return c;
}

async function run(entry: Entry, who: Who, scope: 'in' | 'out') {
  const role = who === 'anonymous' ? 'admin' : who;
  const client = who === 'anonymous' ? null : await clientFor(who);
  const fx: Fx = { ...fxBase, role, client };
  const req = await (scope === 'out' && entry.reqOut ? entry.reqOut : entry.reqIn)(fx);
  const res = client ? await client.request(req) : await t.app.inject(req);
  if (entry.endsSession && client) clients.delete(role);
  return res;
}

describe('access control', () => {
  it('has an entry for every API route', () => {
    const missing = t.app.routeList.filter((r) => r.includes(' /api/') && !entryFor(r));
    expect(missing).toEqual([]);
  });

  for (const [route, entry] of Object.entries(table)) {
    describe(route, () => {
      it(entry.public ? 'is reachable without signing in' : 'refuses anonymous requests', async () => {
        const res = await run(entry, 'anonymous', 'in');
        if (entry.public) expect(res.statusCode).toBe(200);
        else {
          expect(res.statusCode).toBe(401);
          expect(res.headers['content-type']).toContain('application/problem+json');
        }
      });
      if (entry.public) return;
      for (const role of roles) {
        for (const scope of entry.out ? (['in', 'out'] as const) : (['in'] as const)) {
          const allowed = (scope === 'in' ? entry.in : (entry.out ?? [])).includes(role);
          it(`${allowed ? 'allows' : 'refuses'} ${role} (${scope} of scope)`, async () => {
            const res = await run(entry, role, scope);
            if (allowed) expect(res.statusCode, res.body).toBe(entry.okStatus ?? 200);
            else {
              expect([401, 403, 404], res.body).toContain(res.statusCode);
              expect(res.json().code).toMatch(/^(auth|session)\//);
            }
          });
        }
      }
    });
  }
});
