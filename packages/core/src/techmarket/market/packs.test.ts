import type { Database } from '@kechuang/db';
import { createTestDb } from '@kechuang/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCache } from '../../cache.ts';
import type { Actor, Ctx } from '../../context.ts';
import { addCalendarDays, addWorkingDays } from '../calendar.ts';
import { acceptContract, recogniseContract } from '../contract-review.ts';
import { enabledPacksFor, switchPack } from './packs.ts';

let database: Database;
let admin: Actor;
let registrar: Actor;
let seller: { id: number; orgId: number };
let pointId: number;
const day = '2026-09-25';
const ctxOf = (actor: Actor): Ctx => ({ db: database.db, actor, ip: null, now: () => new Date(`${day}T02:00:00Z`), cache: noCache });

beforeAll(async () => {
  database = await createTestDb();
  const db = database.db;
  const bureau = (
    await db
      .insertInto('organization')
      .values({ name: '衡阳市科学技术局', kind: 'bureau', region_code: '430400' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const user = async (name: string, role: 'admin' | 'planner'): Promise<Actor> => {
    const u = await db
      .insertInto('app_user')
      .values({ username: name, display_name: name, org_id: bureau, roles: [role], password_hash: 'x', must_change_password: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId: u.id, username: name, orgId: bureau, orgKind: 'bureau', regionCode: '430400', roles: [role] };
  };
  admin = await user('a', 'admin');
  registrar = await user('p', 'planner');
  const org = (
    await db
      .insertInto('organization')
      .values({ name: '卖方企业', kind: 'enterprise', region_code: '430408' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  seller = {
    id: (await db.insertInto('tm_seller').values({ org_id: org, kind: 'enterprise' }).returning('id').executeTakeFirstOrThrow()).id,
    orgId: org,
  };
  pointId = (
    await db
      .insertInto('tm_registration_point')
      .values({ name: '登记点', org_id: bureau, regions: ['430400'] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => database?.close());

async function submitted(amountWan: number) {
  return await database.db
    .insertInto('tech_contract')
    .values({
      seller_id: seller.id,
      seller_org_id: seller.orgId,
      seller_region_code: '430408',
      point_id: pointId,
      name: '技术开发合同',
      subject: 'commissioned_development',
      buyer_name: '买方',
      buyer_region_code: '430104',
      contract_amount_fen: BigInt(amountWan) * 1_000_000n,
      tech_field: '先进制造',
      ip_type: '技术秘密',
      socio_goal: '工业发展',
      signed_on: '2026-09-01',
      status: 'submitted',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

describe('the 2024 draft switched per region, and the deadline recomputed at recognition', () => {
  it('is off by default: 30 calendar days, whatever the amount', async () => {
    expect(await enabledPacksFor(database.db, '430408')).toEqual(new Set());
    const c = await submitted(800);
    const a = await acceptContract(ctxOf(registrar), c.id, c.version);
    expect(a.dueOn).toBe(addCalendarDays(day, 30));
    const r = await recogniseContract(ctxOf(registrar), c.id, {
      version: a.version,
      subject: 'commissioned_development',
      costItems: [],
      disputed: false,
      note: '',
    });
    expect(r).toMatchObject({ packId: 'techcontract-2021', dueOn: addCalendarDays(day, 30) });
  });

  it('switched on by the city: 15 working days at acceptance, 30 once a 技术交易额 of 500万元 or more is known', async () => {
    await switchPack(ctxOf(admin), 'techcontract-draft-2024', { enabled: true });
    expect(await enabledPacksFor(database.db, '430408')).toEqual(new Set(['techcontract-draft-2024']));
    const big = await submitted(800);
    const a = await acceptContract(ctxOf(registrar), big.id, big.version);
    expect(a.dueOn).toBe(addWorkingDays(day, 15).date);
    const r = await recogniseContract(ctxOf(registrar), big.id, {
      version: a.version,
      subject: 'commissioned_development',
      costItems: [],
      disputed: false,
      note: '',
    });
    expect(r.packId).toBe('techcontract-draft-2024');
    expect(r.dueOn).toBe(addWorkingDays(day, 30).date);
    expect(r.dueOn).not.toBe(a.dueOn);
    // a smaller contract keeps 15 working days, unless it is disputed
    const small = await submitted(100);
    const s = await acceptContract(ctxOf(registrar), small.id, small.version);
    const sr = await recogniseContract(ctxOf(registrar), small.id, {
      version: s.version,
      subject: 'commissioned_development',
      costItems: [],
      disputed: false,
      note: '',
    });
    expect(sr.dueOn).toBe(addWorkingDays(day, 15).date);
    const disputed = await submitted(100);
    const d = await acceptContract(ctxOf(registrar), disputed.id, disputed.version);
    const dr = await recogniseContract(ctxOf(registrar), disputed.id, {
      version: d.version,
      subject: 'commissioned_development',
      costItems: [],
      disputed: true,
      note: '',
    });
    expect(dr.dueOn).toBe(addWorkingDays(day, 30).date);
  });

  it('lets a county switch off what its city switched on, and refuses a planner or a pack in force by default', async () => {
    const countyAdmin = { ...admin, regionCode: '430408' };
    await switchPack(ctxOf(countyAdmin), 'techcontract-draft-2024', { enabled: false });
    expect(await enabledPacksFor(database.db, '430408')).toEqual(new Set());
    expect(await enabledPacksFor(database.db, '430481')).toEqual(new Set(['techcontract-draft-2024']));
    await expect(switchPack(ctxOf(registrar), 'techcontract-draft-2024', { enabled: true })).rejects.toMatchObject({
      code: 'auth/forbidden',
    });
    await expect(switchPack(ctxOf(admin), 'techcontract-2021', { enabled: false })).rejects.toMatchObject({
      code: 'market/pack_not_switchable',
    });
    await expect(switchPack(ctxOf(admin), 'techcontract-draft-2024', { enabled: true, region: '420100' })).rejects.toMatchObject({
      code: 'auth/out_of_scope',
    });
  });
});
