import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';
import { insertQuota, insertUse, makeTechSme, newEnterprise, newProvider, orgByName, providerFor, thisYear } from './voucher-fixture.ts';

/*
 * 科技创新券: its rows of the access table (access.test.ts). "in" is 衡阳: the demo enterprise account
 * (衡阳衡山科学仪器, 430408) holds quotas and uses them with 南华大学 as provider; for the provider side its own
 * organisation is listed as a provider too, serving other 衡阳 enterprises. "out" is 武汉. Each mutating request
 * gets fresh rows.
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

async function demo(fx: FxLike) {
  const db = fx.t.database.db;
  const ent = await db
    .selectFrom('enterprise')
    .select(['id', 'org_id'])
    .where('name', '=', '衡阳衡山科学仪器有限公司')
    .executeTakeFirstOrThrow();
  const university = await orgByName(db, '南华大学');
  return { db, ent, university: await providerFor(db, university.id, university.region_code) };
}

/** A granted quota of the demo enterprise ("in") or of a 武汉 enterprise ("out"). */
async function holderQuota(fx: FxLike, side: 'in' | 'out') {
  const { db, ent, university } = await demo(fx);
  if (side === 'in') return { quota: await insertQuota(db, { region: '430408', enterpriseId: ent.id }), provider: university };
  return {
    quota: await insertQuota(db, { region: wuhan, enterpriseId: await newEnterprise(db, wuhan) }),
    provider: await newProvider(db, wuhan),
  };
}

/** A use whose provider is the demo enterprise's organisation ("in"), or a 武汉 provider ("out"). */
async function providerUse(fx: FxLike, side: 'in' | 'out', status: string, files = false) {
  const { db, ent } = await demo(fx);
  const region = side === 'in' ? '430407' : wuhan;
  const provider = side === 'in' ? await providerFor(db, ent.org_id as number, '430408') : await newProvider(db, wuhan);
  const quota = await insertQuota(db, { region, enterpriseId: await newEnterprise(db, region) });
  return insertUse(db, { quotaId: quota.id, providerId: provider, status, files });
}

/** A use of a quota of the bureau's region ("in": the demo enterprise's) or of 武汉. */
async function holderUse(fx: FxLike, side: 'in' | 'out', status: string) {
  const { quota, provider } = await holderQuota(fx, side);
  return insertUse(fx.t.database.db, { quotaId: quota.id, providerId: provider, status, files: status !== 'reserved' });
}

const post = (url: string, payload: object): InjectOptions => ({ method: 'POST', url, payload });
const get = (url: string): InjectOptions => ({ method: 'GET', url });

export function voucherAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/public/voucher-providers': { public: true, in: everyone, reqIn: () => get('/api/public/voucher-providers?region=430400') },
    'GET /api/vouchers/packs': { in: everyone, reqIn: () => get('/api/vouchers/packs') },
    'GET /api/vouchers/me': { in: everyone, reqIn: () => get('/api/vouchers/me') },
    'GET /api/vouchers/providers': {
      in: bureau,
      out: [],
      reqIn: () => get('/api/vouchers/providers'),
      reqOut: () => get(`/api/vouchers/providers?region=${wuhan}`),
    },
    'POST /api/vouchers/providers': {
      in: writers,
      out: [],
      reqIn: async (fx) =>
        post('/api/vouchers/providers', { orgId: await fx.fresh.org('430408'), services: ['testing'], registeredOn: '2026-01-05' }),
      reqOut: async (fx) =>
        post('/api/vouchers/providers', { orgId: await fx.fresh.org(wuhan), services: ['testing'], registeredOn: '2026-01-05' }),
    },
    'POST /api/vouchers/providers/:id/remove': {
      in: writers,
      out: [],
      reqIn: async (fx) => post(`/api/vouchers/providers/${await newProvider(fx.t.database.db, '430407')}/remove`, { version: 1 }),
      reqOut: async (fx) => post(`/api/vouchers/providers/${await newProvider(fx.t.database.db, wuhan)}/remove`, { version: 1 }),
    },
    'GET /api/vouchers/quotas': {
      // an enterprise account sees its own quotas whatever region it names
      in: [...bureau, 'enterprise'],
      out: ['enterprise'],
      reqIn: () => get('/api/vouchers/quotas'),
      reqOut: () => get(`/api/vouchers/quotas?region=${wuhan}`),
    },
    'GET /api/vouchers/quotas/export': {
      in: [...bureau, 'enterprise'],
      out: ['enterprise'],
      reqIn: () => get('/api/vouchers/quotas/export'),
      reqOut: () => get(`/api/vouchers/quotas/export?region=${wuhan}`),
    },
    'POST /api/vouchers/quotas': {
      // the enterprise for itself (a 科技型中小企业 of this year); the bureau for a team of its region
      in: ['admin', 'planner', 'enterprise'],
      out: [],
      reqIn: async (fx) => {
        if (fx.role === 'enterprise') {
          const { db, ent } = await demo(fx);
          await makeTechSme(db, ent.id);
          return post('/api/vouchers/quotas', { holderKind: 'enterprise', year: thisYear(), requestedFen: 10_000_000 });
        }
        return post('/api/vouchers/quotas', {
          holderKind: 'team',
          teamName: `访问测试团队${++seq}`,
          teamIncubator: '衡阳高新区创业服务中心',
          teamMembers: 4,
          regionCode: '430408',
          year: thisYear(),
          requestedFen: 5_000_000,
        });
      },
      reqOut: async (fx) =>
        fx.role === 'enterprise'
          ? post('/api/vouchers/quotas', {
              holderKind: 'enterprise',
              enterpriseId: await newEnterprise(fx.t.database.db, wuhan),
              year: thisYear(),
              requestedFen: 100,
            })
          : post('/api/vouchers/quotas', {
              holderKind: 'team',
              teamName: '武汉团队',
              teamIncubator: '武汉孵化器',
              teamMembers: 4,
              regionCode: wuhan,
              year: thisYear(),
              requestedFen: 100,
            }),
    },
    'GET /api/vouchers/quotas/:id': {
      in: [...bureau, 'enterprise'],
      out: [],
      reqIn: async (fx) => get(`/api/vouchers/quotas/${(await holderQuota(fx, 'in')).quota.id}`),
      reqOut: async (fx) => get(`/api/vouchers/quotas/${(await holderQuota(fx, 'out')).quota.id}`),
    },
    ...Object.fromEntries(
      (['grant', 'refuse'] as const).map((verb) => [
        `POST /api/vouchers/quotas/:id/${verb}`,
        {
          in: writers,
          out: [],
          reqIn: async (fx: FxLike) => {
            const q = await insertQuota(fx.t.database.db, { region: '430408', status: 'applied' });
            return post(
              `/api/vouchers/quotas/${q.id}/${verb}`,
              verb === 'grant' ? { version: q.version, grantedFen: 10_000_000 } : { version: q.version, reason: '材料不全' },
            );
          },
          reqOut: async (fx: FxLike) => {
            const q = await insertQuota(fx.t.database.db, { region: wuhan, status: 'applied' });
            return post(
              `/api/vouchers/quotas/${q.id}/${verb}`,
              verb === 'grant' ? { version: q.version, grantedFen: 100 } : { version: q.version, reason: '材料不全' },
            );
          },
        },
      ]),
    ),
    'GET /api/vouchers/uses': {
      in: [...bureau, 'enterprise'],
      out: ['enterprise'],
      reqIn: () => get('/api/vouchers/uses'),
      reqOut: () => get(`/api/vouchers/uses?region=${wuhan}`),
    },
    'POST /api/vouchers/uses': {
      // the holder's account for its enterprise quota; the bureau for a team quota of its region
      in: ['admin', 'planner', 'enterprise'],
      out: [],
      reqIn: async (fx) => {
        const { db, ent, university } = await demo(fx);
        const q = await insertQuota(db, { region: '430408', enterpriseId: fx.role === 'admin' || fx.role === 'planner' ? null : ent.id });
        return post('/api/vouchers/uses', {
          quotaId: q.id,
          providerId: university,
          service: 'testing',
          contractNo: `HT${++seq}`,
          contractAmountFen: 2_000_000,
          signedOn: `${thisYear()}-02-01`,
          notRelated: true,
        });
      },
      reqOut: async (fx) => {
        const { db } = await demo(fx);
        const q = await insertQuota(db, {
          region: wuhan,
          enterpriseId: fx.role === 'admin' || fx.role === 'planner' ? null : await newEnterprise(db, wuhan),
        });
        return post('/api/vouchers/uses', {
          quotaId: q.id,
          providerId: await newProvider(db, wuhan),
          service: 'testing',
          contractNo: `HT${++seq}`,
          contractAmountFen: 2_000_000,
          signedOn: `${thisYear()}-02-01`,
          notRelated: true,
        });
      },
    },
    'GET /api/vouchers/uses/:id': {
      in: [...bureau, 'enterprise'],
      out: [],
      reqIn: async (fx) => get(`/api/vouchers/uses/${(await holderUse(fx, 'in', 'reserved')).id}`),
      reqOut: async (fx) => get(`/api/vouchers/uses/${(await holderUse(fx, 'out', 'reserved')).id}`),
    },
    'POST /api/vouchers/uses/:id/cancel': {
      in: ['enterprise'],
      out: [],
      reqIn: async (fx) => {
        const u = await holderUse(fx, 'in', 'reserved');
        return post(`/api/vouchers/uses/${u.id}/cancel`, { version: u.version });
      },
      reqOut: async (fx) => {
        const u = await holderUse(fx, 'out', 'reserved');
        return post(`/api/vouchers/uses/${u.id}/cancel`, { version: u.version });
      },
    },
    'POST /api/vouchers/uses/:id/files': {
      in: ['enterprise'],
      out: [],
      reqIn: async (fx) => ({
        method: 'POST',
        url: `/api/vouchers/uses/${(await providerUse(fx, 'in', 'reserved')).id}/files?kind=invoice&filename=${encodeURIComponent('发票.pdf')}`,
        headers: { 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      }),
      reqOut: async (fx) => ({
        method: 'POST',
        url: `/api/vouchers/uses/${(await providerUse(fx, 'out', 'reserved')).id}/files?kind=invoice&filename=i.pdf`,
        headers: { 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      }),
    },
    'POST /api/vouchers/uses/:id/redemption': {
      in: ['enterprise'],
      out: [],
      reqIn: async (fx) => {
        const u = await providerUse(fx, 'in', 'reserved', true);
        return post(`/api/vouchers/uses/${u.id}/redemption`, { version: u.version });
      },
      reqOut: async (fx) => {
        const u = await providerUse(fx, 'out', 'reserved', true);
        return post(`/api/vouchers/uses/${u.id}/redemption`, { version: u.version });
      },
    },
    ...Object.fromEntries(
      (['approve', 'refuse'] as const).map((verb) => [
        `POST /api/vouchers/uses/:id/${verb}`,
        {
          in: writers,
          out: [],
          reqIn: async (fx: FxLike) => {
            const u = await holderUse(fx, 'in', 'redemption_requested');
            return post(
              `/api/vouchers/uses/${u.id}/${verb}`,
              verb === 'approve' ? { version: u.version } : { version: u.version, reason: '发票与合同不符' },
            );
          },
          reqOut: async (fx: FxLike) => {
            const u = await holderUse(fx, 'out', 'redemption_requested');
            return post(
              `/api/vouchers/uses/${u.id}/${verb}`,
              verb === 'approve' ? { version: u.version } : { version: u.version, reason: '发票与合同不符' },
            );
          },
        },
      ]),
    ),
    'GET /api/vouchers/batches': {
      in: bureau,
      out: [],
      reqIn: () => get('/api/vouchers/batches'),
      reqOut: () => get(`/api/vouchers/batches?region=${wuhan}`),
    },
    'POST /api/vouchers/batches': {
      in: writers,
      out: [],
      reqIn: async (fx) => {
        // a quarter of its own for every request: an approved redemption applied for in an early year
        const year = 2000 + ++seq;
        const { quota, provider } = await holderQuota(fx, 'in');
        await insertUse(fx.t.database.db, { quotaId: quota.id, providerId: provider, status: 'approved', requestedOn: `${year}-02-01` });
        return post('/api/vouchers/batches', { regionCode: '430400', year, quarter: 1 });
      },
      reqOut: async () => post('/api/vouchers/batches', { regionCode: wuhan, year: 2000 + ++seq, quarter: 1 }),
    },
    'POST /api/vouchers/batches/:id/pay': {
      in: writers,
      out: [],
      reqIn: async (fx) => post(`/api/vouchers/batches/${await batch(fx, '430400')}/pay`, { version: 1, paidOn: `${thisYear()}-04-10` }),
      reqOut: async (fx) => post(`/api/vouchers/batches/${await batch(fx, wuhan)}/pay`, { version: 1, paidOn: `${thisYear()}-04-10` }),
    },
    'GET /api/vouchers/batches/:id/export': {
      in: bureau,
      out: [],
      reqIn: async (fx) => get(`/api/vouchers/batches/${await batch(fx, '430400')}/export`),
      reqOut: async (fx) => get(`/api/vouchers/batches/${await batch(fx, wuhan)}/export`),
    },
  };
}

async function batch(fx: FxLike, region: string): Promise<number> {
  return (
    await fx.t.database.db
      .insertInto('voucher_batch')
      .values({ region_code: region, year: 1900 + ++seq, quarter: 1, status: 'open' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
