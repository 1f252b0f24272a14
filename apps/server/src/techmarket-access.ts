import type { TRole } from '@kechuang/contracts';
import { both, type EntryLike, onRecord } from './techmarket-access-kit.ts';
import type { TestApp } from './testing.ts';

/*
 * The technology market's rows of the access table (access.test.ts). "in": contracts of the demo enterprise
 * (衡阳衡山科学仪器有限公司, 430408) submitted to a point run by the 衡阳 bureau, whose admin and planner are
 * its registrars; "out": a 武汉 seller's contracts at a 武汉 point. Sellers act on their own contracts,
 * registrars on their point's, the bureau reads statistics; every mutating request gets a fresh row.
 */
const everyone: TRole[] = ['admin', 'planner', 'reporter', 'expert', 'enterprise', 'viewer'];
const registrars: TRole[] = ['admin', 'planner'];
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
let seq = 0;

async function orgNamed(t: TestApp, name: string) {
  return await t.database.db.selectFrom('organization').select(['id', 'region_code']).where('name', '=', name).executeTakeFirstOrThrow();
}

async function point(t: TestApp, side: 'in' | 'out'): Promise<number> {
  const name = side === 'in' ? '访问测试登记点（衡阳）' : '访问测试登记点（武汉）';
  const found = await t.database.db.selectFrom('tm_registration_point').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const orgId =
    side === 'in'
      ? (await orgNamed(t, '衡阳市科学技术局')).id
      : (
          await t.database.db
            .insertInto('organization')
            .values({ name: '武汉登记机构', kind: 'bureau', region_code: '420100' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
  return (
    await t.database.db
      .insertInto('tm_registration_point')
      .values({ name, org_id: orgId, regions: [side === 'in' ? '430400' : '420100'] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function seller(t: TestApp, side: 'in' | 'out'): Promise<{ id: number; orgId: number; region: string }> {
  const org =
    side === 'in'
      ? await orgNamed(t, '衡阳衡山科学仪器有限公司')
      : ((await t.database.db
          .selectFrom('organization')
          .select(['id', 'region_code'])
          .where('name', '=', '武汉卖方企业')
          .executeTakeFirst()) ??
        (await t.database.db
          .insertInto('organization')
          .values({ name: '武汉卖方企业', kind: 'enterprise', region_code: '420106' })
          .returning(['id', 'region_code'])
          .executeTakeFirstOrThrow()));
  const found = await t.database.db.selectFrom('tm_seller').select('id').where('org_id', '=', org.id).executeTakeFirst();
  const id = found
    ? found.id
    : (await t.database.db.insertInto('tm_seller').values({ org_id: org.id, kind: 'enterprise' }).returning('id').executeTakeFirstOrThrow())
        .id;
  return { id, orgId: org.id, region: org.region_code };
}

async function contract(t: TestApp, side: 'in' | 'out', status: string): Promise<{ id: number; version: number }> {
  const s = await seller(t, side);
  const registered = status === 'registered';
  const row = await t.database.db
    .insertInto('tech_contract')
    .values({
      seller_id: s.id,
      seller_org_id: s.orgId,
      seller_region_code: s.region,
      point_id: status === 'draft' ? null : await point(t, side),
      name: `访问测试合同${++seq}`,
      subject: 'technical_service',
      buyer_name: '某买方',
      buyer_region_code: '430100',
      contract_amount_fen: 10_000_000n,
      tech_field: '电子信息',
      ip_type: '无',
      socio_goal: '工业发展',
      signed_on: '2026-03-01',
      status,
      accepted_on: ['accepted', 'registered'].includes(status) ? '2026-04-01' : null,
      ...(registered
        ? {
            registered_on: '2026-04-02',
            registration_no: `ACCESS${seq}`,
            contract_type: 'service',
            subtype: '技术服务',
            pack_id: 'techcontract-2021',
            technical_amount_fen: 10_000_000n,
          }
        : {}),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('tech_contract_file')
    .values({
      contract_id: row.id,
      filename: 'c.pdf',
      content_type: 'application/pdf',
      size_bytes: 10,
      sha256: 'x',
      storage_key: `2026-04/access-${seq}`,
    })
    .execute();
  return row;
}

const draftBody = {
  name: '访问测试技术服务合同',
  subject: 'technical_service',
  buyerName: '某买方',
  buyerRegionCode: '430100',
  contractAmountFen: 10_000_000,
  techField: '电子信息',
  ipType: '无',
  socioGoal: '工业发展',
  signedOn: '2026-03-01',
};

const onContract = onRecord('/api/techmarket/contracts', contract);

export function techmarketAccessEntries(): Record<string, EntryLike> {
  return {
    'POST /api/techmarket/sellers': {
      // a seller's own users register their unit; the bureau registers a unit of its region
      in: ['admin', 'planner', 'enterprise'],
      out: [],
      reqIn: async (fx) =>
        fx.role === 'admin' || fx.role === 'planner'
          ? { method: 'POST', url: '/api/techmarket/sellers', payload: { orgId: await fx.fresh.org('430408'), kind: 'enterprise' } }
          : { method: 'POST', url: '/api/techmarket/sellers', payload: { kind: 'enterprise' } },
      reqOut: async (fx) => ({
        method: 'POST',
        url: '/api/techmarket/sellers',
        payload: { orgId: await fx.fresh.org('420100'), kind: 'enterprise' },
      }),
    },
    'GET /api/techmarket/sellers/me': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/techmarket/sellers/me' }) },
    'POST /api/techmarket/points': {
      in: registrars,
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: '/api/techmarket/points',
        payload: { name: `登记点${++seq}`, orgId: await fx.fresh.org('430400'), regions: ['430481'] },
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: '/api/techmarket/points',
        payload: { name: `登记点${++seq}`, orgId: await fx.fresh.org('420100'), regions: ['420100'] },
      }),
    },
    'GET /api/techmarket/points': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/techmarket/points' }) },
    'GET /api/techmarket/contracts': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/techmarket/contracts' }) },
    'POST /api/techmarket/contracts': {
      in: ['enterprise'],
      reqIn: async (fx) => {
        await seller(fx.t, 'in');
        return { method: 'POST', url: '/api/techmarket/contracts', payload: draftBody };
      },
    },
    'GET /api/techmarket/contracts/:id': { in: ['enterprise', ...registrars], out: [], ...both(onContract('submitted', 'GET', '')) },
    'PUT /api/techmarket/contracts/:id': {
      in: ['enterprise'],
      out: [],
      ...both(onContract('draft', 'PUT', '', (version) => ({ ...draftBody, version }))),
    },
    'POST /api/techmarket/contracts/:id/files': {
      in: ['enterprise'],
      out: [],
      ...both((side) => async (fx) => {
        const c = await contract(fx.t, side, 'draft');
        return {
          method: 'POST',
          url: `/api/techmarket/contracts/${c.id}/files?filename=c.pdf`,
          headers: { 'content-type': 'application/pdf' },
          payload: pdf,
        };
      }),
    },
    'POST /api/techmarket/contracts/:id/submit': {
      in: ['enterprise'],
      out: [],
      ...both(onContract('draft', 'POST', '/submit', (version) => ({ version }))),
    },
    'POST /api/techmarket/contracts/:id/accept': {
      in: registrars,
      out: [],
      ...both(onContract('submitted', 'POST', '/accept', (version) => ({ version }))),
    },
    'POST /api/techmarket/contracts/:id/correction': {
      in: registrars,
      out: [],
      ...both(onContract('accepted', 'POST', '/correction', (version) => ({ version, note: '请补正盖章页' }))),
    },
    'POST /api/techmarket/contracts/:id/register': {
      in: registrars,
      out: [],
      ...both(onContract('accepted', 'POST', '/register', (version) => ({ version, subject: 'technical_service' }))),
    },
    'POST /api/techmarket/contracts/:id/refuse': {
      in: registrars,
      out: [],
      ...both(onContract('submitted', 'POST', '/refuse', (version) => ({ version, codes: ['oral_contract'] }))),
    },
    'GET /api/techmarket/contracts/:id/certificate': {
      in: ['enterprise', ...registrars],
      out: [],
      ...both(onContract('registered', 'GET', '/certificate')),
    },
    'GET /api/techmarket/contracts/:id/files/:fileId': {
      in: ['enterprise', ...registrars],
      out: [],
      ...both((side) => async (fx) => {
        const c = await contract(fx.t, side, 'submitted');
        const f = await fx.t.database.db
          .selectFrom('tech_contract_file')
          .select(['id', 'storage_key'])
          .where('contract_id', '=', c.id)
          .executeTakeFirstOrThrow();
        await fx.t.ctx().files?.put(f.storage_key, pdf, 'application/pdf');
        return { method: 'GET', url: `/api/techmarket/contracts/${c.id}/files/${f.id}` };
      }),
    },
    'GET /api/techmarket/contracts.xlsx': { in: everyone, reqIn: () => ({ method: 'GET', url: '/api/techmarket/contracts.xlsx' }) },
    'GET /api/techmarket/stats.xlsx': {
      in: ['admin', 'planner', 'viewer'],
      out: [],
      reqIn: () => ({ method: 'GET', url: '/api/techmarket/stats.xlsx?year=2026' }),
      reqOut: () => ({ method: 'GET', url: '/api/techmarket/stats.xlsx?year=2026&region=420100' }),
    },
    'GET /api/techmarket/stats': {
      in: ['admin', 'planner', 'viewer'],
      out: [],
      reqIn: () => ({ method: 'GET', url: '/api/techmarket/stats?year=2026' }),
      reqOut: () => ({ method: 'GET', url: '/api/techmarket/stats?year=2026&region=420100' }),
    },
  };
}
