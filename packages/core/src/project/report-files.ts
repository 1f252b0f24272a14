import { AppError, type TProject } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { attachmentType, cleanFilename } from '../plan-execution/attachments.ts';
import { requireActor } from '../policy.ts';
import { newStorageKey, sha256Hex } from '../storage/file-store.ts';
import { isApplicant } from './project.policy.ts';
import { addProjectEvent, assertProjectReadable, findProjectRow, loadProject, requireProjectUnit } from './project-records.ts';

/*
 * A report's full text (科技报告 above all) archived as one file: the unit that submitted the report adds it
 * once; it is kept with its checksum and never replaced (a correction is a new report). Everyone who reads the
 * project may download it.
 */

const maxBytes = 50 * 1024 * 1024;

function requireFiles(ctx: Ctx) {
  if (!ctx.files) throw new AppError('report/storage_unavailable');
  return ctx.files;
}

export async function attachReportFile(
  ctx: Ctx,
  projectId: number,
  reportId: number,
  input: { filename: string; bytes: Uint8Array },
): Promise<TProject> {
  const files = requireFiles(ctx);
  const actor = requireActor(ctx);
  if (!isApplicant(actor)) throw new AppError('auth/forbidden', { id: projectId });
  if (input.bytes.length > maxBytes) throw new AppError('report/attachment_too_large', { size: input.bytes.length });
  const filename = cleanFilename(input.filename);
  const contentType = attachmentType(filename, input.bytes);
  const key = newStorageKey(ctx.now());
  const sha256 = sha256Hex(input.bytes);
  await files.put(key, input.bytes, contentType);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const p = assertProjectReadable(actor, await findProjectRow(tx, projectId, true), projectId);
      requireProjectUnit(actor, p);
      const report = await tx
        .selectFrom('project_report')
        .select(['id', 'kind', 'file_storage_key'])
        .where('id', '=', reportId)
        .where('project_id', '=', projectId)
        .forUpdate()
        .executeTakeFirst();
      if (!report || report.kind === 'midterm') throw new AppError('project/file_not_found', { id: reportId });
      if (report.file_storage_key) throw new AppError('project/report_file_exists', { reportId });
      await tx
        .updateTable('project_report')
        .set({
          file_name: filename,
          file_type: contentType,
          file_size: input.bytes.length,
          file_sha256: sha256,
          file_storage_key: key,
          file_uploaded_at: ctx.now(),
        })
        .where('id', '=', reportId)
        .execute();
      await addProjectEvent(tx, ctx, projectId, 'report.file', { reportId, kind: report.kind, filename, sha256 });
      record({
        action: 'project.report.file',
        entityType: 'project',
        entityId: projectId,
        regionCode: p.region_code,
        after: { reportId, filename, sha256, size: input.bytes.length },
      });
      return loadProject(tx, projectId);
    });
  } catch (e) {
    await files.delete(key).catch(() => undefined);
    throw e;
  }
}

export async function downloadReportFile(ctx: Ctx, projectId: number, reportId: number) {
  const files = requireFiles(ctx);
  const actor = requireActor(ctx);
  assertProjectReadable(actor, await findProjectRow(ctx.db, projectId), projectId);
  const r = await ctx.db
    .selectFrom('project_report')
    .select(['file_name', 'file_type', 'file_storage_key'])
    .where('id', '=', reportId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!r?.file_storage_key || !r.file_name) throw new AppError('project/file_not_found', { id: reportId });
  const bytes = await files.get(r.file_storage_key);
  if (!bytes) throw new AppError('project/file_not_found', { id: reportId });
  return { filename: r.file_name, contentType: r.file_type ?? 'application/octet-stream', bytes };
}
