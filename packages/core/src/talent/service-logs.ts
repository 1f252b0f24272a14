import { randomBytes } from 'node:crypto';
import { AppError, type TServiceLog } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { newStorageKey, sha256Hex } from '../storage/file-store.ts';
import { requireTalentReader } from './talent.policy.ts';
import { commissionerQuery, type Db, loadCommissioner, toCommissioners } from './talent.repository.ts';

/*
 * Service logs (服务日志): the 特派员 records a service to one of their 服务对象 — date within the year and not in the
 * future, kind, content, photos — and hands the 服务对象 the log's confirmation link (confirmations.ts), which is
 * what makes a log "confirmed" in the assessment. The short code is kept with the log as a reference only.
 */

const codeChars = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newCode(): string {
  const b = randomBytes(8);
  return Array.from(b, (x) => codeChars[x % codeChars.length]).join('');
}

export function logQuery(db: Db) {
  return db
    .selectFrom('service_log as l')
    .innerJoin('service_target as t', 't.id', 'l.target_id')
    .innerJoin('commissioner as c', 'c.id', 'l.commissioner_id')
    .innerJoin('talent as a', 'a.id', 'c.talent_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select((eb) => [
      'l.id',
      'l.commissioner_id',
      'p.name as commissioner_name',
      'c.user_id',
      't.name as target_name',
      't.kind as target_kind',
      'l.served_on',
      'l.kind',
      'l.content',
      'l.confirm_token',
      'l.confirm_result',
      'l.confirm_note',
      'l.confirmed_at',
      'l.confirmed_by',
      eb
        .selectFrom('service_log_photo as f')
        .select((f) => f.fn.countAll<string>().as('n'))
        .whereRef('f.log_id', '=', 'l.id')
        .as('photos'),
    ]);
}
export type LogRow = Awaited<ReturnType<ReturnType<typeof logQuery>['executeTakeFirstOrThrow']>>;

export function toLog(r: LogRow, actor: Actor | null): TServiceLog {
  return {
    id: r.id,
    commissionerId: r.commissioner_id,
    commissionerName: r.commissioner_name,
    targetName: r.target_name,
    targetKind: r.target_kind as TServiceLog['targetKind'],
    servedOn: r.served_on,
    kind: r.kind as TServiceLog['kind'],
    content: r.content,
    photos: Number(r.photos ?? 0),
    confirmStatus: (r.confirm_result ?? 'pending') as TServiceLog['confirmStatus'],
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
    confirmedBy: r.confirmed_by,
    confirmNote: r.confirm_note,
    // the link is handed over by the 特派员 who logged the service, and only while it awaits an answer
    confirmToken: actor !== null && r.user_id === actor.userId && !r.confirm_result ? r.confirm_token : null,
  };
}

export async function logService(
  ctx: Ctx,
  input: { targetId: number; servedOn: string; kind: string; content: string },
): Promise<TServiceLog> {
  const actor = requireActor(ctx);
  const target = await ctx.db
    .selectFrom('service_target')
    .select(['id', 'commissioner_id'])
    .where('id', '=', input.targetId)
    .executeTakeFirst();
  if (!target) throw new AppError('talent/target_not_found', { id: input.targetId });
  const c = await loadCommissioner(ctx.db, target.commissioner_id);
  // a 特派员 logs their own services only: someone else's target is refused as out of scope
  if (c.user_id !== actor.userId) throw new AppError('auth/out_of_scope', { targetId: input.targetId });
  const today = bureauDate(ctx.now());
  if (input.servedOn > today || input.servedOn.slice(0, 4) !== String(c.year))
    throw new AppError('talent/served_out_of_year', { year: c.year });
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('service_log')
      .values({
        commissioner_id: c.id,
        target_id: target.id,
        served_on: input.servedOn,
        kind: input.kind,
        content: input.content,
        confirm_code: newCode(),
        confirm_token: randomBytes(24).toString('base64url'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('commissioner')
      .set((eb) => ({ log_count: eb('log_count', '+', 1) }))
      .where('id', '=', c.id)
      .execute();
    await tx
      .updateTable('service_target')
      .set((eb) => ({ served_logs: eb('served_logs', '+', 1) }))
      .where('id', '=', target.id)
      .execute();
    record({ action: 'talent.service.log', entityType: 'service_log', entityId: row.id, regionCode: c.region_code, after: input });
    return toLog(await logQuery(tx).where('l.id', '=', row.id).executeTakeFirstOrThrow(), actor);
  });
}

const photoTypes = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' } as const;

export async function uploadServicePhoto(ctx: Ctx, id: number, file: { filename: string; bytes: Uint8Array }): Promise<TServiceLog> {
  const actor = requireActor(ctx);
  const log = await logQuery(ctx.db).where('l.id', '=', id).executeTakeFirst();
  if (!log) throw new AppError('talent/target_not_found', { id });
  if (log.user_id !== actor.userId) throw new AppError('auth/out_of_scope', { id });
  const ext = file.filename.toLowerCase().split('.').pop() as keyof typeof photoTypes;
  const b = file.bytes;
  const isJpeg = b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  const isPng = b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
  const type = photoTypes[ext];
  if (!type || (type === 'image/png' ? !isPng : !isJpeg)) throw new AppError('talent/photo_type');
  if (b.byteLength > 10 * 1024 * 1024) throw new AppError('common/payload_too_large');
  if (!ctx.files) throw new AppError('common/internal', { reason: 'no file store' });
  const files = ctx.files;
  const key = newStorageKey(ctx.now());
  await files.put(key, b, type);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const sha256 = sha256Hex(b);
      await tx
        .insertInto('service_log_photo')
        .values({
          log_id: id,
          filename: file.filename.replace(/[\\/]/g, '_').slice(-120),
          content_type: type,
          size_bytes: b.byteLength,
          sha256,
          storage_key: key,
        })
        .execute();
      const c = await loadCommissioner(tx, log.commissioner_id);
      record({ action: 'talent.service.photo', entityType: 'service_log', entityId: id, regionCode: c.region_code, after: { sha256 } });
      return toLog(await logQuery(tx).where('l.id', '=', id).executeTakeFirstOrThrow(), actor);
    });
  } catch (e) {
    await files.delete(key).catch(() => {});
    throw e;
  }
}

export async function listServiceLogs(
  ctx: Ctx,
  q: { region?: string; year?: number; status?: TServiceLog['confirmStatus']; commissionerId?: number; page: number; pageSize: number },
) {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireTalentReader(ctx, region);
  let query = logQuery(ctx.db).where('c.region_code', 'like', subtreePattern(region));
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.commissionerId) query = query.where('l.commissioner_id', '=', q.commissionerId);
  if (q.status === 'pending') query = query.where('l.confirm_result', 'is', null);
  else if (q.status) query = query.where('l.confirm_result', '=', q.status);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('l.served_on', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map((r) => toLog(r, actor)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** The signed-in 特派员's record of the latest year, with their logs; null for anyone else. */
export async function myCommission(ctx: Ctx) {
  const actor = requireActor(ctx);
  const row = await commissionerQuery(ctx.db).where('c.user_id', '=', actor.userId).orderBy('c.year', 'desc').executeTakeFirst();
  if (!row) return null;
  const [commissioner] = await toCommissioners(ctx.db, [row]);
  const logs = await logQuery(ctx.db)
    .where('l.commissioner_id', '=', row.id)
    .orderBy('l.served_on', 'desc')
    .orderBy('l.id', 'desc')
    .limit(200)
    .execute();
  return { commissioner: commissioner as NonNullable<typeof commissioner>, logs: logs.map((l) => toLog(l, actor)) };
}
