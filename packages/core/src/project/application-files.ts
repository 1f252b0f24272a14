import { AppError, type TApplicationFile } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { attachmentType, cleanFilename } from '../plan-execution/attachments.ts';
import { requireActor } from '../policy.ts';
import { newStorageKey, sha256Hex } from '../storage/file-store.ts';
import { assertApplicationReadable, assertOwnApplication, requireApplicant } from './project.policy.ts';
import { addEvent, findApplicationRow } from './project.repository.ts';

/** 20 MB per file, 30 files per application: the same evidence rules as progress reports. */
const maxBytes = 20 * 1024 * 1024;
const maxFiles = 30;

function requireFiles(ctx: Ctx) {
  if (!ctx.files) throw new AppError('report/storage_unavailable');
  return ctx.files;
}

/** Attaches a file of a kind (one the call asks for, or any other) to a draft or returned application. */
export async function uploadApplicationFile(
  ctx: Ctx,
  id: number,
  input: { filename: string; kind: string; bytes: Uint8Array },
): Promise<TApplicationFile> {
  const files = requireFiles(ctx);
  const actor = requireApplicant(ctx);
  if (input.bytes.length > maxBytes) throw new AppError('report/attachment_too_large', { size: input.bytes.length });
  const filename = cleanFilename(input.filename);
  const contentType = attachmentType(filename, input.bytes);
  const first = assertOwnApplication(actor, await findApplicationRow(ctx.db, id), id);
  if (first.status !== 'draft' && first.status !== 'returned') throw new AppError('project/not_editable', { id, status: first.status });
  const key = newStorageKey(ctx.now());
  const sha256 = sha256Hex(input.bytes);
  await files.put(key, input.bytes, contentType);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const app = assertOwnApplication(actor, await findApplicationRow(tx, id, true), id);
      if (app.status !== 'draft' && app.status !== 'returned') throw new AppError('project/not_editable', { id, status: app.status });
      const n = await tx
        .selectFrom('project_application_file')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('application_id', '=', id)
        .executeTakeFirstOrThrow();
      if (Number(n.n) >= maxFiles) throw new AppError('report/too_many_attachments', { max: maxFiles });
      const row = await tx
        .insertInto('project_application_file')
        .values({
          application_id: id,
          kind: input.kind,
          filename,
          content_type: contentType,
          size: input.bytes.length,
          sha256,
          storage_key: key,
          uploaded_by: actor.userId,
        })
        .returning(['id', 'kind', 'filename', 'size', 'sha256'])
        .executeTakeFirstOrThrow();
      await addEvent(tx, ctx, id, 'file.add', { kind: input.kind, filename });
      record({
        action: 'project.application.file.add',
        entityType: 'project_application',
        entityId: id,
        regionCode: app.region_code,
        after: { fileId: row.id, kind: input.kind, filename, sha256 },
      });
      return row;
    });
  } catch (e) {
    await files.delete(key).catch(() => undefined);
    throw e;
  }
}

export async function downloadApplicationFile(ctx: Ctx, id: number, fileId: number) {
  const files = requireFiles(ctx);
  const actor = requireActor(ctx);
  assertApplicationReadable(actor, await findApplicationRow(ctx.db, id), id);
  const f = await ctx.db
    .selectFrom('project_application_file')
    .selectAll()
    .where('id', '=', fileId)
    .where('application_id', '=', id)
    .executeTakeFirst();
  if (!f) throw new AppError('project/file_not_found', { id: fileId });
  const bytes = await files.get(f.storage_key);
  if (!bytes) throw new AppError('project/file_not_found', { id: fileId });
  return { filename: f.filename, contentType: f.content_type, bytes };
}
