import { AppError, type TServiceConfirmation, type TServiceConfirmView } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { type LogRow, logQuery } from './service-logs.ts';

/*
 * The 服务对象's answer to a logged service, reached without an account by the link the 特派员 hands over: the link
 * carries a 24-byte random token (not guessable, unlike a short typed code), shows the one service it belongs to
 * — who served, whom, when, what — and nothing else (no ids, no phone, no other log), and takes one answer:
 * confirmed, or disputed with the reason. The answer is final; a second one is refused and writes nothing.
 */

function toView(r: LogRow): TServiceConfirmView {
  return {
    commissionerName: r.commissioner_name,
    targetName: r.target_name,
    servedOn: r.served_on,
    kind: r.kind as TServiceConfirmView['kind'],
    content: r.content,
    photos: Number(r.photos ?? 0),
    status: (r.confirm_result ?? 'pending') as TServiceConfirmView['status'],
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
  };
}

async function byToken(db: Ctx['db'], token: string): Promise<LogRow> {
  const row = await logQuery(db).where('l.confirm_token', '=', token).executeTakeFirst();
  if (!row) throw new AppError('talent/code_invalid');
  return row;
}

export async function viewServiceConfirmation(ctx: Ctx, token: string): Promise<TServiceConfirmView> {
  return toView(await byToken(ctx.db, token));
}

export async function answerServiceConfirmation(ctx: Ctx, token: string, input: TServiceConfirmation): Promise<TServiceConfirmView> {
  const log = await byToken(ctx.db, token);
  if (input.result === 'disputed' && input.note.length < 2) throw new AppError('talent/dispute_note_required');
  const region = await ctx.db
    .selectFrom('commissioner')
    .select('region_code')
    .where('id', '=', log.commissioner_id)
    .executeTakeFirstOrThrow();
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('service_log').select('confirm_result').where('id', '=', log.id).forUpdate().executeTakeFirstOrThrow();
    if (row.confirm_result) throw new AppError('talent/already_confirmed');
    await tx
      .updateTable('service_log')
      .set({ confirm_result: input.result, confirmed_at: ctx.now(), confirmed_by: input.name, confirm_note: input.note || null })
      .where('id', '=', log.id)
      .execute();
    record({
      action: input.result === 'confirmed' ? 'talent.service.confirm' : 'talent.service.dispute',
      entityType: 'service_log',
      entityId: log.id,
      regionCode: region.region_code,
      after: { result: input.result, name: input.name, note: input.note },
    });
    return toView(await logQuery(tx).where('l.id', '=', log.id).executeTakeFirstOrThrow());
  });
}
