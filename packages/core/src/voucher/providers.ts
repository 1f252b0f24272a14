import {
  AppError,
  type TVoucherMe,
  type TVoucherProvider,
  type TVoucherProviderInput,
  type TVoucherProviderQuery,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { isBureauWriter, isHolderUser, isProviderUser, requireVoucherReader, requireVoucherWriter } from './voucher.policy.ts';
import { checkVersion, loadProvider, providerQuery, toProvider } from './voucher.repository.ts';

/*
 * 服务机构名录: the bureau lists an organisation of its region as a provider of some catalogue services from a
 * day, and removes it from a day. A voucher may only be used on a contract signed while the provider was listed.
 */

export async function registerProvider(ctx: Ctx, input: TVoucherProviderInput): Promise<TVoucherProvider> {
  const org = await ctx.db
    .selectFrom('organization')
    .select(['id', 'region_code', 'kind'])
    .where('id', '=', input.orgId)
    .executeTakeFirst();
  // an unknown organisation is refused as out of scope, like one of another region (no probing of ids)
  if (!org) throw new AppError('auth/out_of_scope', { orgId: input.orgId });
  const actor = requireVoucherWriter(ctx, org.region_code);
  return withAudit(ctx, async (tx, record) => {
    const exists = await tx.selectFrom('voucher_provider').select('id').where('org_id', '=', org.id).executeTakeFirst();
    if (exists) throw new AppError('voucher/provider_exists', { id: exists.id });
    const row = await tx
      .insertInto('voucher_provider')
      .values({
        org_id: org.id,
        region_code: org.region_code,
        services: [...new Set(input.services)],
        related_usccs: input.relatedUsccs,
        registered_on: input.registeredOn,
        status: 'listed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'voucher.provider.register',
      entityType: 'voucher_provider',
      entityId: row.id,
      regionCode: org.region_code,
      after: { ...input, by: actor.userId },
    });
    return toProvider(await loadProvider(tx, row.id));
  });
}

export async function removeProvider(ctx: Ctx, id: number, version: number): Promise<TVoucherProvider> {
  const p = await loadProvider(ctx.db, id);
  requireVoucherWriter(ctx, p.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .selectFrom('voucher_provider')
      .select(['version', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    checkVersion(row, version);
    if (row.status !== 'listed') throw new AppError('voucher/wrong_status', { status: row.status });
    const today = bureauDate(ctx.now());
    await tx
      .updateTable('voucher_provider')
      .set({ status: 'removed', removed_on: today, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'voucher.provider.remove',
      entityType: 'voucher_provider',
      entityId: id,
      regionCode: p.region_code,
      before: { status: 'listed' },
      after: { status: 'removed', removedOn: today },
    });
    return toProvider(await loadProvider(tx, id));
  });
}

export async function listProviders(ctx: Ctx, q: TVoucherProviderQuery) {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireVoucherReader(ctx, region);
  let query = providerQuery(ctx.db).where('p.region_code', 'like', subtreePattern(region));
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.q) query = query.where('o.name', 'like', `%${q.q}%`);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('p.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(toProvider), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** The published registry: listed providers, of a region's subtree when asked (no sign-in needed). */
export async function publicProviders(ctx: Ctx, region?: string): Promise<TVoucherProvider[]> {
  let query = providerQuery(ctx.db).where('p.status', '=', 'listed');
  if (region) query = query.where('p.region_code', 'like', subtreePattern(region));
  return (await query.orderBy('o.name').limit(500).execute()).map(toProvider);
}

/** What the signed-in user is in the voucher scheme, so the web shows only what they may use. */
export async function voucherMe(ctx: Ctx): Promise<TVoucherMe> {
  const actor = requireActor(ctx);
  const enterprise = isHolderUser(actor)
    ? await ctx.db.selectFrom('enterprise').select('id').where('org_id', '=', actor.orgId).executeTakeFirst()
    : undefined;
  const provider = isProviderUser(actor)
    ? await ctx.db.selectFrom('voucher_provider').select('id').where('org_id', '=', actor.orgId).executeTakeFirst()
    : undefined;
  return {
    bureau: isRegionWide(actor),
    bureauWrite: isBureauWriter(actor),
    enterpriseId: enterprise?.id ?? null,
    providerId: provider?.id ?? null,
  };
}
