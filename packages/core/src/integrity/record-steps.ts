import { AppError, type TIntegrityRecord } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { type Recorder, withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { assertIntegrityScope, requireIntegrityManager } from './integrity.policy.ts';
import { findRecord, lockRecord, type RecordRow, recordView } from './integrity.repository.ts';
import { missingForConfirm } from './record-fields.ts';

/*
 * A record's steps: draft → confirmed (in force: checkBarred answers from it) → published (on the public
 * 红黑名单; not the watch list) → revoked (with the reason, e.g. an appeal upheld). A confirmed or published
 * record whose period has ended shows as expired. Appeals (申诉/复核) are noted on a record in force.
 */

type Step = (tx: Transaction<DB>, r: RecordRow, now: Date) => Promise<Record<string, unknown>>;

async function step(ctx: Ctx, id: number, version: number, action: string, run: Step): Promise<TIntegrityRecord> {
  const actor = requireIntegrityManager(ctx);
  return withAudit(ctx, async (tx, record: Recorder) => {
    const r = await lockRecord(tx, id, version);
    assertIntegrityScope(actor, r.region_code, id);
    const now = ctx.now();
    const set = await run(tx, r, now);
    await tx
      .updateTable('integrity_record')
      .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    record({
      action: `integrity.${action}`,
      entityType: 'integrity_record',
      entityId: id,
      regionCode: r.region_code,
      before: { status: r.status, appealStatus: r.appeal_status },
      after: set,
    });
    return recordView((await findRecord(tx, id)) as RecordRow, bureauDate(now));
  });
}

function requireStatus(r: RecordRow, ...allowed: string[]) {
  if (!allowed.includes(r.status)) throw new AppError('integrity/wrong_status', { id: r.id, status: r.status });
}

export function confirmRecord(ctx: Ctx, id: number, version: number): Promise<TIntegrityRecord> {
  return step(ctx, id, version, 'confirm', async (_tx, r, now) => {
    requireStatus(r, 'draft');
    const missing = missingForConfirm(r);
    if (missing.length > 0) throw new AppError('integrity/incomplete', { id, missing });
    return { status: 'confirmed', confirmed_at: now };
  });
}

export function publishRecord(ctx: Ctx, id: number, version: number): Promise<TIntegrityRecord> {
  return step(ctx, id, version, 'publish', async (_tx, r, now) => {
    requireStatus(r, 'confirmed');
    if (r.list_kind === 'watch') throw new AppError('integrity/not_publishable', { id });
    return { status: 'published', published_at: now };
  });
}

export function revokeRecord(ctx: Ctx, id: number, input: { version: number; reason: string }): Promise<TIntegrityRecord> {
  return step(ctx, id, input.version, 'revoke', async (_tx, r, now) => {
    requireStatus(r, 'draft', 'confirmed', 'published');
    return { status: 'revoked', revoked_at: now, revoke_reason: input.reason };
  });
}

export function setAppeal(
  ctx: Ctx,
  id: number,
  input: { version: number; appealStatus: 'none' | 'pending' | 'upheld' | 'rejected'; note: string },
): Promise<TIntegrityRecord> {
  return step(ctx, id, input.version, 'appeal', async (_tx, r) => {
    requireStatus(r, 'confirmed', 'published');
    return { appeal_status: input.appealStatus, appeal_note: input.note };
  });
}
