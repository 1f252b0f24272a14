import { AppError, regionPrefix, type TPoint, type TPointInput, type TSeller, type TSellerInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { isSellerUser, requireBureau } from './techmarket.policy.ts';

async function orgOf(ctx: Ctx, id: number) {
  const org = await ctx.db.selectFrom('organization').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
  if (!org) throw new AppError('org/not_found', { id });
  return org;
}

/**
 * 卖方注册: a unit registers once as a seller before its first contract. Its own users do it for their unit;
 * the bureau may do it for a unit of its region.
 */
export async function registerSeller(ctx: Ctx, input: TSellerInput): Promise<TSeller> {
  const actor = requireActor(ctx);
  const orgId = input.orgId ?? actor.orgId;
  const org = await orgOf(ctx, orgId);
  if (!(isSellerUser(actor) && actor.orgId === orgId)) requireBureau(ctx, org.region_code);
  return withAudit(ctx, async (tx, record) => {
    const exists = await tx.selectFrom('tm_seller').select('id').where('org_id', '=', orgId).executeTakeFirst();
    if (exists) throw new AppError('techmarket/seller_exists', { orgId });
    const row = await tx
      .insertInto('tm_seller')
      .values({ org_id: orgId, uscc: input.uscc, kind: input.kind, contact: input.contact, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seller: TSeller = {
      id: row.id,
      orgId,
      orgName: org.name,
      regionCode: org.region_code,
      uscc: input.uscc,
      kind: input.kind,
      contact: input.contact,
    };
    record({ action: 'techmarket.seller.register', entityType: 'tm_seller', entityId: row.id, regionCode: org.region_code, after: seller });
    return seller;
  });
}

/** The actor's own unit as a seller, or null before 卖方注册. */
export async function mySeller(ctx: Ctx): Promise<TSeller | null> {
  const actor = requireActor(ctx);
  const r = await ctx.db
    .selectFrom('tm_seller as s')
    .innerJoin('organization as o', 'o.id', 's.org_id')
    .select(['s.id', 's.org_id', 'o.name', 'o.region_code', 's.uscc', 's.kind', 's.contact'])
    .where('s.org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.name,
    regionCode: r.region_code,
    uscc: r.uscc,
    kind: r.kind as TSeller['kind'],
    contact: r.contact,
  };
}

/** A registration point: the bureau names the organisation whose planners register and the regions it serves. */
export async function createPoint(ctx: Ctx, input: TPointInput): Promise<TPoint> {
  const org = await orgOf(ctx, input.orgId);
  requireBureau(ctx, org.region_code);
  for (const r of input.regions) requireBureau(ctx, r);
  return withAudit(ctx, async (tx, record) => {
    const same = await tx.selectFrom('tm_registration_point').select('id').where('name', '=', input.name).executeTakeFirst();
    if (same) throw new AppError('techmarket/point_exists', { id: same.id });
    const row = await tx
      .insertInto('tm_registration_point')
      .values({ name: input.name, org_id: input.orgId, regions: [...new Set(input.regions)].sort() })
      .returning(['id', 'regions'])
      .executeTakeFirstOrThrow();
    const point: TPoint = { id: row.id, name: input.name, orgId: org.id, orgName: org.name, regions: row.regions };
    record({
      action: 'techmarket.point.create',
      entityType: 'tm_registration_point',
      entityId: row.id,
      regionCode: org.region_code,
      after: point,
    });
    return point;
  });
}

export async function listPoints(ctx: Ctx): Promise<TPoint[]> {
  requireActor(ctx);
  const rows = await ctx.db
    .selectFrom('tm_registration_point as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.org_id', 'o.name as org_name', 'p.regions'])
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, regions: r.regions }));
}

/** The point that serves a region: the one naming the most specific region that contains it. */
export async function pointFor(db: Ctx['db'], regionCode: string): Promise<{ id: number } | null> {
  const rows = await db.selectFrom('tm_registration_point').select(['id', 'regions']).execute();
  let best: { id: number; len: number } | null = null;
  for (const r of rows) {
    for (const code of r.regions) {
      const prefix = regionPrefix(code);
      if (regionCode.startsWith(prefix) && (!best || prefix.length > best.len)) best = { id: r.id, len: prefix.length };
    }
  }
  return best ? { id: best.id } : null;
}
