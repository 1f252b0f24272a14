import {
  AppError,
  type TIntegrityRecord,
  type TIntegrityRecordInput,
  type TIntegrityRecordUpdate,
  ZIntegrityRecordInput,
  ZIntegrityRecordUpdate,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { assertIntegrityScope, requireIntegrityManager } from './integrity.policy.ts';
import { findRecord, lockRecord, recordView } from './integrity.repository.ts';
import { recordFields } from './record-fields.ts';
import { loadSuggestion } from './suggestions.ts';

/**
 * A new record, as a draft of the actor's region (or a region below it). From a suggestion (a failed
 * acceptance or a 撤销) it keeps the project it follows from; one record per subject and suggestion.
 */
export async function createRecord(ctx: Ctx, raw: TIntegrityRecordInput): Promise<TIntegrityRecord> {
  const actor = requireIntegrityManager(ctx);
  const input = ZIntegrityRecordInput.parse(raw);
  const regionCode = input.regionCode ?? actor.regionCode;
  assertIntegrityScope(actor, regionCode);
  return withAudit(ctx, async (tx, record) => {
    const fields = await recordFields(tx, input);
    let projectId: number | null = null;
    if (input.sourceEventId !== undefined) {
      const s = await loadSuggestion(tx, input.sourceEventId);
      if (!s) throw new AppError('integrity/suggestion_not_found', { eventId: input.sourceEventId });
      assertIntegrityScope(actor, s.regionCode);
      const taken = s.dismissed || s.records.some((r) => r.subjectKind === input.subjectKind && r.status !== 'revoked');
      if (taken) throw new AppError('integrity/suggestion_handled', { eventId: input.sourceEventId });
      projectId = s.projectId;
    }
    const now = ctx.now();
    const { id } = await tx
      .insertInto('integrity_record')
      .values({
        ...fields,
        region_code: regionCode,
        source_event_id: input.sourceEventId ?? null,
        source_project_id: projectId,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({ action: 'integrity.create', entityType: 'integrity_record', entityId: id, regionCode, after: { ...fields, status: 'draft' } });
    return recordView((await findRecord(tx, id)) as NonNullable<Awaited<ReturnType<typeof findRecord>>>, bureauDate(now));
  });
}

/** Changes a draft; a confirmed record is changed only by revoking it and recording anew. */
export async function updateRecord(ctx: Ctx, id: number, raw: TIntegrityRecordUpdate): Promise<TIntegrityRecord> {
  const actor = requireIntegrityManager(ctx);
  const { version, ...rest } = ZIntegrityRecordUpdate.parse(raw);
  return withAudit(ctx, async (tx, record) => {
    const before = await lockRecord(tx, id, version);
    assertIntegrityScope(actor, before.region_code, id);
    if (before.status !== 'draft') throw new AppError('integrity/wrong_status', { id, status: before.status });
    const regionCode = rest.regionCode ?? before.region_code;
    assertIntegrityScope(actor, regionCode, id);
    const fields = await recordFields(tx, { ...rest, sourceEventId: undefined });
    const now = ctx.now();
    await tx
      .updateTable('integrity_record')
      .set((eb) => ({ ...fields, region_code: regionCode, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    record({ action: 'integrity.update', entityType: 'integrity_record', entityId: id, regionCode, before, after: fields });
    return recordView((await findRecord(tx, id)) as NonNullable<Awaited<ReturnType<typeof findRecord>>>, bureauDate(now));
  });
}
