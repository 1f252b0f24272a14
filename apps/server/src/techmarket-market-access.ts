import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import { both, type EntryLike, type FxLike, onRecord, type Req, type Side } from './techmarket-access-kit.ts';
import type { TestApp } from './testing.ts';

/*
 * 科技成果、四张清单与供需对接: its rows of the access table (access.test.ts). "in": records of the demo
 * enterprise (衡阳衡山科学仪器有限公司, 430408) and events of the 衡阳 bureau; "out": the same of a 武汉 unit.
 * Units keep their own achievements and entries, the bureau of the region reviews them and runs events and
 * the broker registry, viewers read; the public reads published entries. Every request gets fresh rows.
 */

const everyone: TRole[] = ['admin', 'planner', 'reporter', 'expert', 'enterprise', 'viewer'];
const bureau: TRole[] = ['admin', 'planner'];
const readers: TRole[] = ['admin', 'planner', 'viewer'];
let seq = 0;

async function unit(t: TestApp, side: Side): Promise<{ id: number; region: string }> {
  const name = side === 'in' ? '衡阳衡山科学仪器有限公司' : '武汉清单测试企业';
  const found = await t.database.db.selectFrom('organization').select(['id', 'region_code']).where('name', '=', name).executeTakeFirst();
  const org =
    found ??
    (await t.database.db
      .insertInto('organization')
      .values({ name, kind: 'enterprise', region_code: '420106' })
      .returning(['id', 'region_code'])
      .executeTakeFirstOrThrow());
  return { id: org.id, region: org.region_code };
}

async function bureauOrg(t: TestApp, side: Side): Promise<number> {
  const name = side === 'in' ? '衡阳市科学技术局' : '武汉清单测试科技局';
  const found = await t.database.db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return (
    await t.database.db
      .insertInto('organization')
      .values({ name, kind: 'bureau', region_code: '420100' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const listingBody = (kind = 'demand') => ({
  kind,
  title: `访问测试需求${++seq}`,
  description: '访问测试用的技术需求描述，需要光谱检测设备。',
  fieldCode: 'advanced_manufacturing',
});

async function listing(t: TestApp, side: Side, status: string, kind = 'demand'): Promise<{ id: number; version: number }> {
  const u = await unit(t, side);
  const b = listingBody(kind);
  return await t.database.db
    .insertInto('tm_listing')
    .values({
      kind,
      owner_org_id: u.id,
      region_code: u.region,
      title: b.title,
      description: b.description,
      field_code: b.fieldCode,
      status,
      terms: ['光谱', '检测', '设备'],
      ...(status === 'published' ? { published_at: new Date(), published_on: '2026-05-01' } : {}),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

const achievementBody = {
  title: '访问测试成果',
  summary: '访问测试用的科技成果简介，十个字以上。',
  kind: 'applied_technology',
  fieldCode: 'advanced_manufacturing',
  maturity: 'pilot',
  ipKind: 'none',
};

async function achievement(t: TestApp, side: Side, status: string): Promise<{ id: number; version: number }> {
  const u = await unit(t, side);
  return await t.database.db
    .insertInto('tm_achievement')
    .values({
      owner_org_id: u.id,
      region_code: u.region,
      title: `访问测试成果${++seq}`,
      summary: achievementBody.summary,
      kind: 'applied_technology',
      field_code: 'advanced_manufacturing',
      maturity: 'pilot',
      ip_kind: 'none',
      status,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

async function event(t: TestApp, side: Side): Promise<number> {
  return (
    await t.database.db
      .insertInto('tm_event')
      .values({
        name: `访问测试对接会${++seq}`,
        held_on: '2026-05-20',
        region_code: side === 'in' ? '430400' : '420100',
        organiser_org_id: await bureauOrg(t, side),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function pair(t: TestApp, side: Side): Promise<{ id: number; version: number; supplier: number }> {
  const d = await listing(t, side, 'published');
  const supplier = (await unit(t, side)).id;
  const row = await t.database.db
    .insertInto('tm_event_pair')
    .values({
      event_id: await event(t, side),
      demand_listing_id: d.id,
      supplier_org_id: supplier,
      supplier_name: `供给方${++seq}`,
      status: 'introduced',
      introduced_on: '2026-05-20',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { ...row, supplier };
}

async function point(t: TestApp, side: Side): Promise<number> {
  const name = side === 'in' ? '清单访问测试登记点（衡阳）' : '清单访问测试登记点（武汉）';
  const found = await t.database.db.selectFrom('tm_registration_point').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return (
    await t.database.db
      .insertInto('tm_registration_point')
      .values({ name, org_id: await bureauOrg(t, side), regions: [side === 'in' ? '430400' : '420100'] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A contract of the side's unit, at the side's point, in the given status. */
async function contract(t: TestApp, side: Side, status: string): Promise<number> {
  const u = await unit(t, side);
  const seller =
    (await t.database.db.selectFrom('tm_seller').select('id').where('org_id', '=', u.id).executeTakeFirst()) ??
    (await t.database.db.insertInto('tm_seller').values({ org_id: u.id, kind: 'enterprise' }).returning('id').executeTakeFirstOrThrow());
  return (
    await t.database.db
      .insertInto('tech_contract')
      .values({
        seller_id: seller.id,
        seller_org_id: u.id,
        seller_region_code: u.region,
        point_id: await point(t, side),
        name: `清单访问测试合同${++seq}`,
        subject: 'technical_service',
        buyer_name: '某买方',
        buyer_region_code: '430100',
        contract_amount_fen: 10_000_000n,
        tech_field: '电子信息',
        ip_type: '无',
        socio_goal: '工业发展',
        signed_on: '2026-03-01',
        status,
        accepted_on: status === 'submitted' ? null : '2026-04-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function agency(t: TestApp, side: Side): Promise<number> {
  const org = await t.database.db
    .insertInto('organization')
    .values({ name: `访问测试技术转移机构${++seq}`, kind: 'agency', region_code: side === 'in' ? '430408' : '420106' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await t.database.db.insertInto('tm_agency').values({ org_id: org.id, level: 'none' }).returning('id').executeTakeFirstOrThrow())
    .id;
}

async function broker(t: TestApp, side: Side): Promise<number> {
  const person = await t.database.db
    .insertInto('person')
    .values({ name: `经理人${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (
    await t.database.db
      .insertInto('tm_broker')
      .values({ person_id: person.id, region_code: side === 'in' ? '430408' : '420106' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const onListing = onRecord('/api/techmarket/listings', (t, side, status) => listing(t, side, status));
const onAchievement = onRecord('/api/techmarket/achievements', achievement);
const onEvent =
  (method: InjectOptions['method'], path: string, body?: (fx: FxLike, side: Side) => Promise<object> | object) =>
  (side: Side): Req =>
  async (fx) => ({
    method,
    url: `/api/techmarket/events/${await event(fx.t, side)}${path}`,
    ...(body ? { payload: await body(fx, side) } : {}),
  });
const onPair =
  (path: string, body: (p: { version: number; supplier: number }, fx: FxLike, side: Side) => Promise<object> | object) =>
  (side: Side): Req =>
  async (fx) => {
    const p = await pair(fx.t, side);
    return { method: 'POST', url: `/api/techmarket/event-pairs/${p.id}${path}`, payload: await body(p, fx, side) };
  };
const onBroker =
  (method: InjectOptions['method'], path: string, body?: () => object) =>
  (side: Side): Req =>
  async (fx) => ({ method, url: `/api/techmarket/brokers/${await broker(fx.t, side)}${path}`, ...(body ? { payload: body() } : {}) });
const regionQuery = (url: string) => ({
  reqIn: () => ({ method: 'GET' as const, url }),
  reqOut: () => ({ method: 'GET' as const, url: `${url}${url.includes('?') ? '&' : '?'}region=420100` }),
});
const eventBody = (region: string) => ({ name: `访问测试对接会${++seq}`, heldOn: '2026-05-20', regionCode: region });

export function techmarketMarketAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/public/market/listings': {
      public: true,
      in: everyone,
      reqIn: () => ({ method: 'GET', url: '/api/public/market/listings?q=光谱' }),
    },
    'GET /api/public/market/listings/:id': {
      public: true,
      in: everyone,
      reqIn: async (fx) => ({ method: 'GET', url: `/api/public/market/listings/${(await listing(fx.t, 'in', 'published')).id}` }),
    },

    'GET /api/techmarket/achievements': {
      in: [...readers, 'enterprise'],
      out: ['enterprise'],
      ...regionQuery('/api/techmarket/achievements'),
    },
    'POST /api/techmarket/achievements': {
      in: [...bureau, 'enterprise'],
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/techmarket/achievements', payload: achievementBody }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: '/api/techmarket/achievements',
        payload: { ...achievementBody, ownerOrgId: (await unit(fx.t, 'out')).id },
      }),
    },
    'GET /api/techmarket/achievements/:id': { in: [...readers, 'enterprise'], out: [], ...both(onAchievement('submitted', 'GET', '')) },
    'PUT /api/techmarket/achievements/:id': {
      in: ['enterprise'],
      out: [],
      ...both(onAchievement('draft', 'PUT', '', (version) => ({ ...achievementBody, version }))),
    },
    'POST /api/techmarket/achievements/:id/submit': {
      in: ['enterprise'],
      out: [],
      ...both(onAchievement('draft', 'POST', '/submit', (version) => ({ version }))),
    },
    'POST /api/techmarket/achievements/:id/register': {
      in: bureau,
      out: [],
      ...both(onAchievement('submitted', 'POST', '/register', (version) => ({ version }))),
    },
    'POST /api/techmarket/achievements/:id/return': {
      in: bureau,
      out: [],
      ...both(onAchievement('submitted', 'POST', '/return', (version) => ({ version, note: '请补充材料' }))),
    },

    'GET /api/techmarket/listings': { in: [...readers, 'enterprise'], out: ['enterprise'], ...regionQuery('/api/techmarket/listings') },
    'POST /api/techmarket/listings': {
      in: [...bureau, 'enterprise'],
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/techmarket/listings', payload: listingBody() }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: '/api/techmarket/listings',
        payload: { ...listingBody(), ownerOrgId: (await unit(fx.t, 'out')).id },
      }),
    },
    'GET /api/techmarket/listings/:id': { in: [...readers, 'enterprise'], out: [], ...both(onListing('submitted', 'GET', '')) },
    'PUT /api/techmarket/listings/:id': {
      in: ['enterprise'],
      out: [],
      ...both(onListing('draft', 'PUT', '', (version) => ({ ...listingBody(), version }))),
    },
    'POST /api/techmarket/listings/:id/submit': {
      in: ['enterprise'],
      out: [],
      ...both(onListing('draft', 'POST', '/submit', (version) => ({ version }))),
    },
    'POST /api/techmarket/listings/:id/publish': {
      in: bureau,
      out: [],
      ...both(onListing('submitted', 'POST', '/publish', (version) => ({ version }))),
    },
    'POST /api/techmarket/listings/:id/return': {
      in: bureau,
      out: [],
      ...both(onListing('submitted', 'POST', '/return', (version) => ({ version, note: '请补充材料' }))),
    },
    'POST /api/techmarket/listings/:id/withdraw': {
      in: [...bureau, 'enterprise'],
      out: [],
      ...both(onListing('published', 'POST', '/withdraw', (version) => ({ version }))),
    },
    'GET /api/techmarket/listings/:id/matches': {
      in: [...readers, 'enterprise'],
      out: [],
      ...both(onListing('submitted', 'GET', '/matches')),
    },

    'GET /api/techmarket/events': { in: readers, out: [], ...regionQuery('/api/techmarket/events') },
    'POST /api/techmarket/events': {
      in: bureau,
      out: [],
      reqIn: () => ({ method: 'POST', url: '/api/techmarket/events', payload: eventBody('430400') }),
      reqOut: () => ({ method: 'POST', url: '/api/techmarket/events', payload: eventBody('420100') }),
    },
    'GET /api/techmarket/events/:id': { in: readers, out: [], ...both(onEvent('GET', '')) },
    'PUT /api/techmarket/events/:id': {
      in: bureau,
      out: [],
      ...both((side) => onEvent('PUT', '', () => ({ ...eventBody(side === 'in' ? '430400' : '420100'), version: 1 }))(side)),
    },
    'POST /api/techmarket/events/:id/participants': {
      in: bureau,
      out: [],
      ...both(onEvent('POST', '/participants', () => ({ name: '某参会企业', role: 'demand' }))),
    },
    'POST /api/techmarket/events/:id/pairs': {
      in: bureau,
      out: [],
      ...both(
        onEvent('POST', '/pairs', async (fx, side) => ({
          demandListingId: (await listing(fx.t, side, 'published')).id,
          supplierName: '某供给单位',
        })),
      ),
    },
    'POST /api/techmarket/event-pairs/:id/intention': {
      in: bureau,
      out: [],
      ...both(onPair('/intention', (p) => ({ version: p.version, signedOn: '2026-06-01' }))),
    },
    'POST /api/techmarket/event-pairs/:id/contract': {
      in: bureau,
      out: [],
      ...both(onPair('/contract', async (p, fx, side) => ({ version: p.version, contractId: await contract(fx.t, side, 'submitted') }))),
    },
    'POST /api/techmarket/event-pairs/:id/drop': { in: bureau, out: [], ...both(onPair('/drop', (p) => ({ version: p.version }))) },
    'GET /api/techmarket/funnel': { in: readers, out: [], ...regionQuery('/api/techmarket/funnel?year=2026') },

    'GET /api/techmarket/agencies': { in: readers, out: [], ...regionQuery('/api/techmarket/agencies') },
    'POST /api/techmarket/agencies': {
      in: bureau,
      out: [],
      reqIn: async (fx) => ({ method: 'POST', url: '/api/techmarket/agencies', payload: { orgId: await fx.fresh.org('430408') } }),
      reqOut: async (fx) => ({ method: 'POST', url: '/api/techmarket/agencies', payload: { orgId: await fx.fresh.org('420100') } }),
    },
    'GET /api/techmarket/agency-figures': { in: readers, out: [], ...regionQuery('/api/techmarket/agency-figures?year=2026') },
    'GET /api/techmarket/brokers': { in: readers, reqIn: () => ({ method: 'GET', url: '/api/techmarket/brokers' }) },
    'POST /api/techmarket/brokers': {
      in: bureau,
      out: [],
      reqIn: () => ({
        method: 'POST',
        url: '/api/techmarket/brokers',
        payload: { person: { name: `经理人${++seq}` }, regionCode: '430408' },
      }),
      reqOut: () => ({
        method: 'POST',
        url: '/api/techmarket/brokers',
        payload: { person: { name: `经理人${++seq}` }, regionCode: '420106' },
      }),
    },
    'GET /api/techmarket/brokers/:id': { in: readers, out: [], ...both(onBroker('GET', '')) },
    'POST /api/techmarket/brokers/:id/trainings': {
      in: bureau,
      out: [],
      ...both(
        onBroker('POST', '/trainings', () => ({ course: '技术经理人培训', provider: '培训基地', hours: 24, completedOn: '2026-04-01' })),
      ),
    },
    'POST /api/techmarket/brokers/:id/certificates': {
      in: bureau,
      out: [],
      ...both(
        onBroker('POST', '/certificates', () => ({
          certificateNo: `ACC-${++seq}`,
          level: 'junior',
          issuedBy: '发证机构',
          issuedOn: '2026-04-01',
        })),
      ),
    },
    'PUT /api/techmarket/contracts/:id/broker': {
      // the seller while it may edit (补正), the point's registrars until refusal
      in: [...bureau, 'enterprise'],
      out: [],
      ...both((side) => async (fx) => ({
        method: 'PUT',
        url: `/api/techmarket/contracts/${await contract(fx.t, side, 'correction_requested')}/broker`,
        payload: { agencyId: await agency(fx.t, side) },
      })),
    },

    'GET /api/techmarket/rule-packs': { in: readers, out: [], ...regionQuery('/api/techmarket/rule-packs') },
    'PUT /api/techmarket/rule-packs/:packId': {
      in: ['admin'],
      out: [],
      reqIn: () => ({ method: 'PUT', url: '/api/techmarket/rule-packs/techcontract-draft-2024', payload: { enabled: false } }),
      reqOut: () => ({
        method: 'PUT',
        url: '/api/techmarket/rule-packs/techcontract-draft-2024',
        payload: { enabled: false, region: '420100' },
      }),
    },
    'GET /api/techmarket/stats/cube': { in: readers, out: [], ...regionQuery('/api/techmarket/stats/cube?year=2026') },
  };
}
