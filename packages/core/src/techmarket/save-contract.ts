import { AppError, type TTechContract, type TTechContractDraft } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { bytesMatchType, cleanFilename } from '../plan-execution/index.ts';
import { requireActor } from '../policy.ts';
import { newStorageKey, sha256Hex } from '../storage/file-store.ts';
import { addEvent, loadContract } from './contract.repository.ts';
import { dueDateFor } from './contract-review.ts';
import { enabledPacksFor } from './market/packs.ts';
import { pointFor } from './sellers.ts';
import { canReadContract, isSellerUser } from './techmarket.policy.ts';

async function sellerOfActor(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!isSellerUser(actor)) throw new AppError('auth/forbidden', { reason: 'seller units only' });
  const seller = await ctx.db
    .selectFrom('tm_seller as s')
    .innerJoin('organization as o', 'o.id', 's.org_id')
    .select(['s.id', 's.org_id', 'o.region_code'])
    .where('s.org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!seller) throw new AppError('techmarket/seller_not_registered');
  return { actor, seller };
}

const draftValues = (d: TTechContractDraft) => ({
  name: d.name,
  subject: d.subject,
  buyer_name: d.buyerName,
  buyer_region_code: d.buyerRegionCode,
  contract_amount_fen: BigInt(d.contractAmountFen),
  payments: JSON.stringify(d.payments),
  tech_field: d.techField,
  ip_type: d.ipType,
  socio_goal: d.socioGoal,
  project_source: d.projectSource,
  signed_on: d.signedOn,
});

export async function createContract(ctx: Ctx, input: TTechContractDraft): Promise<TTechContract> {
  const { actor, seller } = await sellerOfActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('tech_contract')
      .values({
        ...draftValues(input),
        seller_id: seller.id,
        seller_org_id: seller.org_id,
        seller_region_code: seller.region_code,
        status: 'draft',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(tx, row.id, actor.userId, 'draft.create', {}, ctx.now());
    const { contract } = await loadContract(tx, row.id);
    record({
      action: 'techmarket.contract.create',
      entityType: 'tech_contract',
      entityId: row.id,
      regionCode: seller.region_code,
      after: contract,
    });
    return contract;
  });
}

/** A seller edits its contract while it is a draft or while 补正 was asked for. */
export async function updateContract(ctx: Ctx, id: number, input: TTechContractDraft & { version: number }): Promise<TTechContract> {
  const { actor } = await sellerOfActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = await loadContract(tx, id);
    if (!canReadContract(actor, before.contract, before.point) || before.contract.sellerOrgId !== actor.orgId)
      throw new AppError('auth/out_of_scope', { id });
    if (!['draft', 'correction_requested'].includes(before.contract.status))
      throw new AppError('techmarket/wrong_status', { status: before.contract.status });
    const done = await tx
      .updateTable('tech_contract')
      .set({ ...draftValues(input), version: input.version + 1, updated_at: ctx.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict');
    const { contract } = await loadContract(tx, id);
    record({
      action: 'techmarket.contract.update',
      entityType: 'tech_contract',
      entityId: id,
      regionCode: contract.sellerRegionCode,
      before: before.contract,
      after: contract,
    });
    return contract;
  });
}

const limitBytes = 20 * 1024 * 1024;

/**
 * The written contract (.docx or .pdf), checked by its bytes, not its name. The bytes are stored before the
 * row that names them is written (and removed again if that write fails), so a contract never lists a file
 * the store does not hold.
 */
export async function uploadContractFile(
  ctx: Ctx,
  id: number,
  file: { filename: string; bytes: Uint8Array },
): Promise<{ id: number; filename: string; sha256: string }> {
  const { actor } = await sellerOfActor(ctx);
  const filename = cleanFilename(file.filename);
  const ext = filename.toLowerCase().split('.').pop();
  const b = file.bytes;
  if (!((ext === 'pdf' || ext === 'docx') && bytesMatchType(ext, b))) throw new AppError('techmarket/contract_file_type');
  if (b.byteLength > limitBytes) throw new AppError('common/payload_too_large');
  if (!ctx.files) throw new AppError('common/internal', { reason: 'no file store' });
  const files = ctx.files;
  const { contract } = await loadContract(ctx.db, id);
  if (contract.sellerOrgId !== actor.orgId) throw new AppError('auth/out_of_scope', { id });
  const key = newStorageKey(ctx.now());
  const sha256 = sha256Hex(b);
  await files.put(key, b, ext === 'pdf' ? 'application/pdf' : docxType);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const { contract: c } = await loadContract(tx, id);
      if (!['draft', 'correction_requested'].includes(c.status)) throw new AppError('techmarket/wrong_status', { status: c.status });
      const row = await tx
        .insertInto('tech_contract_file')
        .values({
          contract_id: id,
          filename,
          content_type: ext === 'pdf' ? 'application/pdf' : docxType,
          size_bytes: b.byteLength,
          sha256,
          storage_key: key,
          uploaded_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addEvent(tx, id, actor.userId, 'file.upload', { filename, sha256 }, ctx.now());
      record({
        action: 'techmarket.contract.file',
        entityType: 'tech_contract',
        entityId: id,
        regionCode: c.sellerRegionCode,
        after: { file: row.id, sha256 },
      });
      return { id: row.id, filename, sha256 };
    });
  } catch (e) {
    await files.delete(key).catch(() => {});
    throw e;
  }
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Submission, inside the contract's validity: to the point that serves the seller's region; a written
 * contract must be on file (口头合同不予受理). After 补正 the resubmission restarts the clock.
 */
export async function submitContract(ctx: Ctx, id: number, version: number): Promise<TTechContract> {
  const { actor } = await sellerOfActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = await loadContract(tx, id);
    const c = before.contract;
    if (c.sellerOrgId !== actor.orgId) throw new AppError('auth/out_of_scope', { id });
    if (!['draft', 'correction_requested'].includes(c.status)) throw new AppError('techmarket/wrong_status', { status: c.status });
    const files = await tx.selectFrom('tech_contract_file').select('id').where('contract_id', '=', id).execute();
    if (files.length === 0) throw new AppError('techmarket/contract_file_required');
    const point = await pointFor(tx, c.sellerRegionCode);
    if (!point) throw new AppError('techmarket/no_point_for_region', { regionCode: c.sellerRegionCode });
    const resubmission = c.status === 'correction_requested';
    const today = bureauDate(ctx.now());
    const done = await tx
      .updateTable('tech_contract')
      .set({
        status: resubmission ? 'accepted' : 'submitted',
        point_id: point.id,
        submitted_at: ctx.now(),
        ...(resubmission
          ? {
              corrected_on: today,
              due_on: dueDateFor({ ...c, correctedOn: today }, false, await enabledPacksFor(tx, c.sellerRegionCode))?.dueDate ?? null,
            }
          : {}),
        version: version + 1,
        updated_at: ctx.now(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict');
    await addEvent(tx, id, actor.userId, resubmission ? 'correction.submit' : 'submit', { pointId: point.id }, ctx.now());
    const after = await loadContract(tx, id);
    record({
      action: 'techmarket.contract.submit',
      entityType: 'tech_contract',
      entityId: id,
      regionCode: c.sellerRegionCode,
      before: c,
      after: after.contract,
    });
    return after.contract;
  });
}
