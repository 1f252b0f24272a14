import type { DB, Kysely, Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

/** One message to one user. `dedupeKey` makes sending idempotent: a key is delivered once, ever. */
export interface NotificationMessage {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  planId: number | null;
  nodeId: number | null;
  dedupeKey: string | null;
}

/**
 * Where notifications go. The in-app centre is the one channel built in; e-mail or SMS adapters
 * implement this interface and receive only the messages the in-app channel actually stored, so they
 * inherit its once-only guarantee.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(db: Db, messages: NotificationMessage[]): Promise<NotificationMessage[]>;
}

const chunkSize = 500;

/** Stores messages in `notification`; a message whose dedupe key exists already is skipped (on conflict do nothing). */
export const inAppChannel: NotificationChannel = {
  name: 'in-app',
  async deliver(db, messages) {
    const stored: NotificationMessage[] = [];
    for (let i = 0; i < messages.length; i += chunkSize) {
      const part = messages.slice(i, i + chunkSize);
      const rows = await db
        .insertInto('notification')
        .values(
          part.map((m) => ({
            user_id: m.userId,
            kind: m.kind,
            title: m.title,
            body: m.body,
            link: m.link,
            plan_id: m.planId,
            node_id: m.nodeId,
            dedupe_key: m.dedupeKey,
          })),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('dedupe_key')
        .execute();
      const keys = new Set(rows.map((r) => r.dedupe_key));
      for (const m of part) if (m.dedupeKey === null || keys.has(m.dedupeKey)) stored.push(m);
    }
    return stored;
  },
};

/** Sends through the in-app centre, then hands what it stored to the other channels. Returns what was new. */
export async function sendNotifications(
  db: Db,
  messages: NotificationMessage[],
  channels: NotificationChannel[] = [],
): Promise<NotificationMessage[]> {
  if (messages.length === 0) return [];
  const stored = await inAppChannel.deliver(db, messages);
  for (const c of channels) if (c !== inAppChannel && stored.length > 0) await c.deliver(db, stored);
  return stored;
}
