import { AppError, type TNotification, type TNotificationListQuery, type TNotificationPage } from '@kechuang/contracts';
import type { DB, Kysely } from '@kechuang/db';
import type { Selectable } from 'kysely';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { pageWindow } from '../query.ts';

// The notification centre: every signed-in user reads and marks their own notifications, nobody else's.

type Row = Selectable<DB['notification']>;

function toNotification(r: Row): TNotification {
  return {
    id: String(r.id),
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    planId: r.plan_id,
    nodeId: r.node_id,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

async function countUnread(db: Kysely<DB>, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** My notifications, newest first; `unread` keeps the unread ones only. */
export async function listMyNotifications(ctx: Ctx, input: TNotificationListQuery): Promise<TNotificationPage> {
  const actor = requireActor(ctx);
  let q = ctx.db.selectFrom('notification').where('user_id', '=', actor.userId);
  if (input.unread) q = q.where('read_at', 'is', null);
  const { limit, offset } = pageWindow(input);
  const [rows, total, unread] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    countUnread(ctx.db, actor.userId),
  ]);
  return { items: rows.map(toNotification), total: Number(total.n), page: input.page, pageSize: input.pageSize, unread };
}

export async function unreadNotificationCount(ctx: Ctx): Promise<{ unread: number }> {
  const actor = requireActor(ctx);
  return { unread: await countUnread(ctx.db, actor.userId) };
}

/** Marks one of my notifications read (again: a no-op that keeps the first reading time). */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<TNotification> {
  const actor = requireActor(ctx);
  const found = await ctx.db.selectFrom('notification').select(['user_id', 'read_at']).where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('notification/not_found', { id });
  if (found.user_id !== actor.userId) throw new AppError('auth/out_of_scope', { id });
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .updateTable('notification')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(ctx.now())) }))
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    record({ action: 'notification.read', entityType: 'notification', entityId: id, regionCode: null });
    return toNotification(row);
  });
}

/** Marks all my unread notifications read. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const rows = await tx
      .updateTable('notification')
      .set({ read_at: ctx.now() })
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    record({
      action: 'notification.read_all',
      entityType: 'app_user',
      entityId: actor.userId,
      regionCode: null,
      after: { updated: rows.length },
    });
    return { updated: rows.length };
  });
}
