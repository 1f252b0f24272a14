import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let leiyang: Client;
let hengnan: Client;

async function userId(username: string) {
  return (await t.database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function notify(username: string, n: number) {
  const uid = await userId(username);
  const rows = await t.database.db
    .insertInto('notification')
    .values(Array.from({ length: n }, (_, i) => ({ user_id: uid, kind: 'reminder.due_soon', title: `提醒 ${i + 1}`, body: '请按时报送' })))
    .returning('id')
    .execute();
  return rows.map((r) => String(r.id));
}

beforeAll(async () => {
  t = await createTestApp();
  leiyang = await t.login('reporter.leiyang');
  hengnan = await t.login('reporter.hengnan');
});
afterAll(async () => t?.close());

describe('notification centre', () => {
  it('lists only my notifications, newest first, with paging and the unread filter', async () => {
    const mine = await notify('reporter.leiyang', 5);
    await notify('reporter.hengnan', 2);
    const page1 = await leiyang.request({ method: 'GET', url: '/api/notifications?pageSize=2' });
    expect(page1.statusCode).toBe(200);
    const body = page1.json();
    expect(body).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2 });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([mine[4], mine[3]]);
    const page3 = (await leiyang.request({ method: 'GET', url: '/api/notifications?pageSize=2&page=3' })).json();
    expect(page3.items.map((i: { id: string }) => i.id)).toEqual([mine[0]]);
    expect((await hengnan.request({ method: 'GET', url: '/api/notifications' })).json().total).toBe(2);

    // mark one read: the unread count and filter follow; reading it again keeps the first time
    const read = await leiyang.request({ method: 'POST', url: `/api/notifications/${mine[1]}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const again = await leiyang.request({ method: 'POST', url: `/api/notifications/${mine[1]}/read` });
    expect(again.json().readAt).toBe(read.json().readAt);
    expect((await leiyang.request({ method: 'GET', url: '/api/notifications/unread-count' })).json()).toEqual({ unread: 4 });
    const unread = (await leiyang.request({ method: 'GET', url: '/api/notifications?unread=true' })).json();
    expect(unread.total).toBe(4);
    expect(unread.items.map((i: { id: string }) => i.id)).not.toContain(mine[1]);
  });

  it('refuses marking someone else’s notification, and names a missing one', async () => {
    const [theirs] = await notify('reporter.hengnan', 1);
    const res = await leiyang.request({ method: 'POST', url: `/api/notifications/${theirs}/read` });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth/out_of_scope');
    const row = await t.database.db
      .selectFrom('notification')
      .select('read_at')
      .where('id', '=', theirs as never)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
    const missing = await leiyang.request({ method: 'POST', url: '/api/notifications/999999999/read' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('notification/not_found');
    expect((await leiyang.request({ method: 'POST', url: '/api/notifications/abc/read' })).statusCode).toBe(400);
  });

  it('marks all mine read, audited, and leaves others’ alone', async () => {
    const before = (await hengnan.request({ method: 'GET', url: '/api/notifications/unread-count' })).json().unread;
    const res = await leiyang.request({ method: 'POST', url: '/api/notifications/read-all' });
    expect(res.statusCode).toBe(200);
    expect(res.json().updated).toBe(4);
    expect((await leiyang.request({ method: 'GET', url: '/api/notifications/unread-count' })).json()).toEqual({ unread: 0 });
    expect((await hengnan.request({ method: 'GET', url: '/api/notifications/unread-count' })).json().unread).toBe(before);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'notification.read_all')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_username: 'reporter.leiyang', after: { updated: 4 } });
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
