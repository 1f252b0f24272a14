import { AppError, attachmentTypes, planExecLimits, type TReportAttachment } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { newStorageKey, sha256Hex } from '../storage/file-store.ts';
import { requireReportWriter, requireTaskReader } from './exec.policy.ts';
import { findPlan } from './exec.repository.ts';
import { canSeeReport, findReport } from './report.repository.ts';

type Ext = keyof typeof attachmentTypes;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const zip = [0x50, 0x4b, 0x03, 0x04];
const ole = [0xd0, 0xcf, 0x11, 0xe0];

/** Do the bytes look like the file type the name claims? (guards against renamed executables) */
export function bytesMatchType(ext: Ext, b: Uint8Array): boolean {
  switch (ext) {
    case 'pdf':
      return startsWith(b, [0x25, 0x50, 0x44, 0x46]);
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'zip':
      return startsWith(b, zip);
    case 'doc':
    case 'xls':
      return startsWith(b, ole);
    case 'png':
      return startsWith(b, [0x89, 0x50, 0x4e, 0x47]);
    case 'jpg':
    case 'jpeg':
      return startsWith(b, [0xff, 0xd8, 0xff]);
    case 'txt':
      return !b.includes(0);
  }
}

export function attachmentType(filename: string, bytes: Uint8Array): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (!(ext in attachmentTypes) || bytes.length === 0 || !bytesMatchType(ext as Ext, bytes))
    throw new AppError('report/attachment_type', { filename });
  return attachmentTypes[ext as Ext];
}

/** A file name safe to keep and to send back: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/\p{Cc}/gu, '').trim();
  return cleaned.slice(-200) || 'file';
}

function requireFiles(ctx: Ctx) {
  if (!ctx.files) throw new AppError('report/storage_unavailable');
  return ctx.files;
}

/** Adds an evidence file to a draft: type checked, sha256 kept, bytes stored under a fresh key. */
export async function uploadAttachment(
  ctx: Ctx,
  reportId: number,
  input: { filename: string; bytes: Uint8Array },
): Promise<TReportAttachment> {
  const files = requireFiles(ctx);
  if (input.bytes.length > planExecLimits.attachmentBytes) throw new AppError('report/attachment_too_large', { size: input.bytes.length });
  const filename = cleanFilename(input.filename);
  const contentType = attachmentType(filename, input.bytes);
  const r = await findReport(ctx.db, reportId);
  const plan = await findPlan(ctx.db, r.plan_id);
  await requireReportWriter(ctx, ctx.db, plan, r.node_id, r.org_id);
  if (r.status !== 'draft') throw new AppError('report/not_draft', { id: reportId });
  const key = newStorageKey(ctx.now());
  const sha256 = sha256Hex(input.bytes);
  await files.put(key, input.bytes, contentType);
  try {
    return await withAudit(ctx, async (tx, record) => {
      // still a draft now that the bytes are stored; locked, so that a submission waits for the file to be on it
      const fresh = await tx.selectFrom('progress_report').select('status').where('id', '=', reportId).forUpdate().executeTakeFirst();
      if (!fresh) throw new AppError('report/not_found', { id: reportId });
      if (fresh.status !== 'draft') throw new AppError('report/not_draft', { id: reportId });
      const n = await tx
        .selectFrom('report_attachment')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('report_id', '=', reportId)
        .executeTakeFirstOrThrow();
      if (Number(n.n) >= planExecLimits.attachmentsPerReport) throw new AppError('report/too_many_attachments', { reportId });
      const row = await tx
        .insertInto('report_attachment')
        .values({
          report_id: reportId,
          filename,
          content_type: contentType,
          size_bytes: input.bytes.length,
          sha256,
          storage_key: key,
          uploaded_by: ctx.actor?.userId ?? null,
          uploaded_at: ctx.now(),
        })
        .returning(['id', 'uploaded_at'])
        .executeTakeFirstOrThrow();
      record({
        action: 'report.attach',
        entityType: 'progress_report',
        entityId: reportId,
        regionCode: plan.region_code,
        after: { attachmentId: row.id, filename, size: input.bytes.length, sha256 },
      });
      return { id: row.id, filename, contentType, sizeBytes: input.bytes.length, sha256, uploadedAt: row.uploaded_at.toISOString() };
    });
  } catch (e) {
    await files.delete(key).catch(() => undefined);
    throw e;
  }
}

async function findAttachment(ctx: Ctx, reportId: number, attachmentId: number) {
  const a = await ctx.db
    .selectFrom('report_attachment')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (!a) throw new AppError('report/attachment_not_found', { reportId, attachmentId });
  return a;
}

export async function downloadAttachment(ctx: Ctx, reportId: number, attachmentId: number) {
  const files = requireFiles(ctx);
  const r = await findReport(ctx.db, reportId);
  const actor = await requireTaskReader(ctx, ctx.db, await findPlan(ctx.db, r.plan_id), r.node_id);
  if (!canSeeReport(actor, r)) throw new AppError('report/not_found', { id: reportId });
  const a = await findAttachment(ctx, reportId, attachmentId);
  const bytes = await files.get(a.storage_key);
  if (!bytes) throw new AppError('report/attachment_not_found', { reportId, attachmentId, reason: 'bytes missing' });
  return { filename: a.filename, contentType: a.content_type, bytes, sha256: a.sha256 };
}

/** Removes a file from a draft; the bytes go when no other version still refers to them. */
export async function deleteAttachment(ctx: Ctx, reportId: number, attachmentId: number): Promise<void> {
  const r = await findReport(ctx.db, reportId);
  await requireReportWriter(ctx, ctx.db, await findPlan(ctx.db, r.plan_id), r.node_id, r.org_id);
  if (r.status !== 'draft') throw new AppError('report/not_draft', { id: reportId });
  const a = await findAttachment(ctx, reportId, attachmentId);
  const shared = await withAudit(ctx, async (tx, record) => {
    const plan = await findPlan(tx, r.plan_id);
    await tx.deleteFrom('report_attachment').where('id', '=', attachmentId).execute();
    record({
      action: 'report.detach',
      entityType: 'progress_report',
      entityId: reportId,
      regionCode: plan.region_code,
      before: { attachmentId, filename: a.filename },
    });
    return tx.selectFrom('report_attachment').select('id').where('storage_key', '=', a.storage_key).executeTakeFirst();
  });
  if (!shared && ctx.files) await ctx.files.delete(a.storage_key).catch(() => undefined);
}
