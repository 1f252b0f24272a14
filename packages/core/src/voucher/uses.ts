import { AppError, regionContains, type TVoucherUse, type TVoucherUseInput, type TVoucherUseQuery } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { voucherAmount } from './arithmetic.ts';
import { packById } from './rule-packs.ts';
import { isBureauWriter, isHolderUser, isProviderUser, requireVoucherReader } from './voucher.policy.ts';
import {
  checkVersion,
  type Db,
  loadProvider,
  loadQuota,
  loadUse,
  type QuotaRow,
  toUses,
  type UseRow,
  useQuery,
} from './voucher.repository.ts';

/*
 * Using a voucher on a contract with a listed provider. The amount is min(remaining quota, share × contract),
 * full cover up to the pack's threshold (arithmetic.ts). The quota row is locked for the decision (SELECT … FOR
 * UPDATE in the transaction that inserts the use and raises used_fen), so of two uses at the same moment the
 * second sees the first's effect: it gets the remainder, or voucher/quota_exhausted when nothing is left; the
 * table's check (used_fen ≤ granted_fen) holds whatever happens.
 */

/** The holder's account acts for an enterprise quota; the bureau acts for a team (it has no account). */
function assertHolder(actor: Actor, q: QuotaRow): void {
  if (q.holder_kind === 'enterprise') {
    if (isHolderUser(actor) && q.enterprise_org_id === actor.orgId) return;
  } else if (isBureauWriter(actor) && isRegionWide(actor) && regionContains(actor.regionCode, q.region_code)) return;
  throw new AppError(isRegionWide(actor) || isHolderUser(actor) ? 'auth/out_of_scope' : 'auth/forbidden', { quotaId: q.id });
}

async function relatedParty(
  db: Db,
  q: QuotaRow,
  provider: { org_id: number; uscc: string | null; related_usccs: string[] },
): Promise<boolean> {
  if (q.holder_kind !== 'enterprise') return false;
  if (q.enterprise_org_id !== null && q.enterprise_org_id === provider.org_id) return true;
  const uscc = q.enterprise_uscc;
  if (!uscc) return false;
  if (provider.uscc === uscc || provider.related_usccs.includes(uscc)) return true;
  // the holder may have declared the provider as its own 关联方 when it was listed as a provider itself
  const own = await db
    .selectFrom('voucher_provider as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select('p.related_usccs')
    .where('o.uscc', '=', uscc)
    .executeTakeFirst();
  return provider.uscc !== null && own?.related_usccs.includes(provider.uscc) === true;
}

export async function useVoucher(ctx: Ctx, input: TVoucherUseInput): Promise<TVoucherUse & { cutToRemainder: boolean }> {
  const actor = requireActor(ctx);
  const q = await loadQuota(ctx.db, input.quotaId);
  assertHolder(actor, q);
  const provider = await loadProvider(ctx.db, input.providerId);
  const pack = packById(q.pack_id);
  if (!pack) throw new AppError('voucher/no_pack');
  // listed on the contract date: registered on or before it, not removed by then
  if (provider.registered_on > input.signedOn || (provider.removed_on !== null && provider.removed_on <= input.signedOn)) {
    throw new AppError('voucher/provider_not_listed', { providerId: provider.id });
  }
  if (!pack.services.some((s) => s.code === input.service) || !provider.services.includes(input.service)) {
    throw new AppError('voucher/service_not_covered', { service: input.service });
  }
  if (pack.relatedPartyExcluded && (await relatedParty(ctx.db, q, provider))) throw new AppError('voucher/related_party');
  const today = bureauDate(ctx.now());
  const contractFen = BigInt(input.contractAmountFen);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .selectFrom('voucher_quota')
      .select(['status', 'granted_fen', 'used_fen', 'expires_on', 'year', 'version'])
      .where('id', '=', q.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.status !== 'granted' || row.granted_fen === null) throw new AppError('voucher/quota_not_granted');
    if (today > row.expires_on || input.signedOn > row.expires_on || input.signedOn < `${row.year}-01-01`) {
      throw new AppError('voucher/quota_expired', { expiresOn: row.expires_on });
    }
    const remaining = BigInt(row.granted_fen) - BigInt(row.used_fen);
    const a = voucherAmount(pack, contractFen, remaining);
    if (a.amountFen <= 0n) throw new AppError('voucher/quota_exhausted', { remainingFen: Number(remaining) });
    const use = await tx
      .insertInto('voucher_use')
      .values({
        quota_id: q.id,
        provider_id: provider.id,
        service: input.service,
        contract_no: input.contractNo,
        contract_amount_fen: contractFen,
        signed_on: input.signedOn,
        amount_fen: a.amountFen,
        status: 'reserved',
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('voucher_quota')
      .set({ used_fen: BigInt(row.used_fen) + a.amountFen, version: row.version + 1 })
      .where('id', '=', q.id)
      .execute();
    record({
      action: 'voucher.use',
      entityType: 'voucher_use',
      entityId: use.id,
      regionCode: q.region_code,
      after: {
        quotaId: q.id,
        contractFen: input.contractAmountFen,
        amountFen: Number(a.amountFen),
        basis: a.basis,
        remainingBeforeFen: Number(remaining),
      },
    });
    const [out] = await toUses(tx, [await loadUse(tx, use.id)]);
    return { ...(out as TVoucherUse), cutToRemainder: a.cutToRemainder };
  });
}

/** Release a voucher not yet sent for redemption: its amount returns to the quota. */
export async function cancelUse(ctx: Ctx, id: number, version: number): Promise<TVoucherUse> {
  const actor = requireActor(ctx);
  const u = await loadUse(ctx.db, id);
  assertHolder(actor, await loadQuota(ctx.db, u.quota_id));
  return withAudit(ctx, async (tx, record) => {
    await releaseToQuota(tx, u, version, ['reserved'], { status: 'cancelled' });
    record({
      action: 'voucher.use.cancel',
      entityType: 'voucher_use',
      entityId: id,
      regionCode: u.region_code,
      before: { status: u.status },
      after: { status: 'cancelled' },
    });
    return (await toUses(tx, [await loadUse(tx, id)]))[0] as TVoucherUse;
  });
}

/** Moves a use out of the quota (cancelled or refused), the quota row locked first as in useVoucher. */
export async function releaseToQuota(
  tx: Db,
  u: UseRow,
  version: number,
  from: string[],
  set: { status: 'cancelled' | 'refused'; refusal_reason?: string },
): Promise<void> {
  const quota = await tx
    .selectFrom('voucher_quota')
    .select(['used_fen', 'version'])
    .where('id', '=', u.quota_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = await tx
    .selectFrom('voucher_use')
    .select(['status', 'amount_fen', 'version'])
    .where('id', '=', u.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  checkVersion(row, version);
  if (!from.includes(row.status)) throw new AppError('voucher/wrong_status', { status: row.status });
  await tx
    .updateTable('voucher_use')
    .set({ ...set, version: row.version + 1 })
    .where('id', '=', u.id)
    .execute();
  await tx
    .updateTable('voucher_quota')
    .set({ used_fen: BigInt(quota.used_fen) - BigInt(row.amount_fen), version: quota.version + 1 })
    .where('id', '=', u.quota_id)
    .execute();
}

export async function listUses(ctx: Ctx, q: TVoucherUseQuery) {
  const actor = requireActor(ctx);
  let query = useQuery(ctx.db);
  if (isRegionWide(actor)) {
    const region = q.region ?? actor.regionCode;
    requireVoucherReader(ctx, region);
    query = query.where('q.region_code', 'like', subtreePattern(region));
  } else {
    const holder = isHolderUser(actor) && q.as !== 'provider';
    const provider = isProviderUser(actor) && q.as !== 'holder';
    if (!holder && !provider) throw new AppError('auth/forbidden');
    query = query.where((eb) =>
      eb.or([...(holder ? [eb('e.org_id', '=', actor.orgId)] : []), ...(provider ? [eb('p.org_id', '=', actor.orgId)] : [])]),
    );
  }
  if (q.status) query = query.where('u.status', '=', q.status);
  if (q.quotaId) query = query.where('u.quota_id', '=', q.quotaId);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('u.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: await toUses(ctx.db, rows), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export function canSeeUse(actor: Actor, u: UseRow): boolean {
  if (isRegionWide(actor)) return regionContains(actor.regionCode, u.region_code);
  if (isHolderUser(actor) && u.holder_org_id === actor.orgId) return true;
  return isProviderUser(actor) && u.provider_org_id === actor.orgId;
}

export async function getUse(ctx: Ctx, id: number): Promise<TVoucherUse> {
  const actor = requireActor(ctx);
  const u = await loadUse(ctx.db, id);
  if (!canSeeUse(actor, u)) throw new AppError('auth/out_of_scope', { id });
  return (await toUses(ctx.db, [u]))[0] as TVoucherUse;
}
