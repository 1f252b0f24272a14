import { AppError, type TVoucherFileKind, type TVoucherUse } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { newStorageKey, sha256Hex } from '../storage/file-store.ts';
import { releaseToQuota } from './uses.ts';
import { isProviderUser, requireVoucherWriter } from './voucher.policy.ts';
import { checkVersion, loadUse, toUses } from './voucher.repository.ts';

/*
 * Redemption (兑付): the provider sends the contract, the invoice and the payment proof, and applies; the bureau
 * approves (it joins the quarter's batch) or refuses (the amount returns to the holder's quota).
 */

const limitBytes = 20 * 1024 * 1024;
const types = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
} as const;

/** The file's type from its bytes (not its name): PDF, JPEG or PNG. */
export function evidenceType(filename: string, bytes: Uint8Array): string | null {
  const ext = filename.toLowerCase().split('.').pop() as keyof typeof types;
  const t = types[ext];
  if (!t || bytes.byteLength < t.magic.length) return null;
  return t.magic.every((b, i) => bytes[i] === b) ? t.type : null;
}

async function providerUse(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  if (!isProviderUser(actor)) throw new AppError('auth/forbidden');
  const u = await loadUse(ctx.db, id);
  if (u.provider_org_id !== actor.orgId) throw new AppError('auth/out_of_scope', { id });
  return { actor, u };
}

export async function uploadUseFile(
  ctx: Ctx,
  id: number,
  file: { kind: TVoucherFileKind; filename: string; bytes: Uint8Array },
): Promise<{ id: number; kind: TVoucherFileKind; filename: string; sha256: string }> {
  const { actor, u } = await providerUse(ctx, id);
  const filename = file.filename.replace(/[\\/]/g, '_').slice(-120);
  const type = evidenceType(filename, file.bytes);
  if (!type) throw new AppError('voucher/file_type');
  if (file.bytes.byteLength > limitBytes) throw new AppError('common/payload_too_large');
  if (!ctx.files) throw new AppError('common/internal', { reason: 'no file store' });
  const files = ctx.files;
  const key = newStorageKey(ctx.now());
  const sha256 = sha256Hex(file.bytes);
  await files.put(key, file.bytes, type);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const row = await tx.selectFrom('voucher_use').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (row.status !== 'reserved') throw new AppError('voucher/wrong_status', { status: row.status });
      const f = await tx
        .insertInto('voucher_use_file')
        .values({
          use_id: id,
          kind: file.kind,
          filename,
          content_type: type,
          size_bytes: file.bytes.byteLength,
          sha256,
          storage_key: key,
          uploaded_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      record({
        action: 'voucher.use.file',
        entityType: 'voucher_use',
        entityId: id,
        regionCode: u.region_code,
        after: { file: f.id, kind: file.kind, sha256 },
      });
      return { id: f.id, kind: file.kind, filename, sha256 };
    });
  } catch (e) {
    await files.delete(key).catch(() => {});
    throw e;
  }
}

export async function requestRedemption(ctx: Ctx, id: number, version: number): Promise<TVoucherUse> {
  const { u } = await providerUse(ctx, id);
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('voucher_use').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    checkVersion(row, version);
    if (row.status !== 'reserved') throw new AppError('voucher/wrong_status', { status: row.status });
    const kinds = new Set((await tx.selectFrom('voucher_use_file').select('kind').where('use_id', '=', id).execute()).map((f) => f.kind));
    const missing = (['contract', 'invoice', 'payment'] as const).filter((k) => !kinds.has(k));
    if (missing.length > 0) throw new AppError('voucher/files_missing', { missing });
    await tx
      .updateTable('voucher_use')
      .set({ status: 'redemption_requested', requested_on: today, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'voucher.redemption.request',
      entityType: 'voucher_use',
      entityId: id,
      regionCode: u.region_code,
      before: { status: 'reserved' },
      after: { status: 'redemption_requested', requestedOn: today },
    });
    return (await toUses(tx, [await loadUse(tx, id)]))[0] as TVoucherUse;
  });
}

export async function approveRedemption(ctx: Ctx, id: number, version: number): Promise<TVoucherUse> {
  const u = await loadUse(ctx.db, id);
  requireVoucherWriter(ctx, u.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('voucher_use').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    checkVersion(row, version);
    if (row.status !== 'redemption_requested') throw new AppError('voucher/wrong_status', { status: row.status });
    await tx
      .updateTable('voucher_use')
      .set({ status: 'approved', version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'voucher.redemption.approve',
      entityType: 'voucher_use',
      entityId: id,
      regionCode: u.region_code,
      before: { status: row.status },
      after: { status: 'approved' },
    });
    return (await toUses(tx, [await loadUse(tx, id)]))[0] as TVoucherUse;
  });
}

export async function refuseRedemption(ctx: Ctx, id: number, input: { version: number; reason: string }): Promise<TVoucherUse> {
  const u = await loadUse(ctx.db, id);
  requireVoucherWriter(ctx, u.region_code);
  return withAudit(ctx, async (tx, record) => {
    await releaseToQuota(tx, u, input.version, ['redemption_requested'], { status: 'refused', refusal_reason: input.reason });
    record({
      action: 'voucher.redemption.refuse',
      entityType: 'voucher_use',
      entityId: id,
      regionCode: u.region_code,
      before: { status: u.status },
      after: { status: 'refused', reason: input.reason },
    });
    return (await toUses(tx, [await loadUse(tx, id)]))[0] as TVoucherUse;
  });
}
