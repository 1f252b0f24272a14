import { withAudit } from '@kechuang/core';
import { sql } from '@kechuang/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('a mutation that fails midway leaves neither data nor audit row', async () => {
    const orgs = await t.count('organization');
    const audits = await t.count('audit_log');
    await expect(
      withAudit(t.ctx(), async (tx, record) => {
        await tx.insertInto('organization').values({ name: '半途失败单位', kind: 'department', region_code: '430400' }).execute();
        record({ action: 'org.create', entityType: 'org', entityId: null, regionCode: '430400' });
        throw new Error('boom after the write');
      }),
    ).rejects.toThrow('boom');
    expect(await t.count('organization')).toBe(orgs);
    expect(await t.count('audit_log')).toBe(audits);
  });

  it('a refused request through the API writes nothing either', async () => {
    const admin = await t.login('admin');
    const audits = await t.count('audit_log');
    // the second org with the same name in the same region violates a constraint inside the transaction
    const body = { name: '重名单位', kind: 'department', regionCode: '430400' };
    expect((await admin.request({ method: 'POST', url: '/api/orgs', payload: body })).statusCode).toBe(200);
    const afterFirst = await t.count('audit_log');
    expect(afterFirst).toBe(audits + 1);
    const dup = await admin.request({ method: 'POST', url: '/api/orgs', payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('org/duplicate_name');
    expect(await t.count('audit_log')).toBe(afterFirst);
  });

  it('a successful mutation leaves exactly one row with who, where from, and before/after', async () => {
    const admin = await t.login('admin');
    const created = (
      await admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '审计测试单位', kind: 'park', regionCode: '430472' } })
    ).json();
    const res = await admin.request({
      method: 'PUT',
      url: `/api/orgs/${created.id}`,
      payload: { name: '审计测试单位（改）', kind: 'park', regionCode: '430472', version: created.version },
      remoteAddress: '192.0.2.7',
    });
    expect(res.statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'org')
      .where('entity_id', '=', String(created.id))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['org.create', 'org.update']);
    const upd = rows[1];
    expect(upd?.actor_username).toBe('admin');
    expect(upd?.ip).toBe('192.0.2.7');
    expect((upd?.before as { name: string } | undefined)?.name).toBe('审计测试单位');
    expect((upd?.after as { name: string } | undefined)?.name).toBe('审计测试单位（改）');
  });

  it('cannot be changed or deleted, not even with SQL', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('has no API route that changes or deletes audit rows', () => {
    const writes = t.app.routeList.filter((r) => r.includes('/api/audit') && !r.startsWith('GET '));
    expect(writes).toEqual([]);
  });

  it('lets an admin filter the trail by actor, action prefix and entity', async () => {
    const admin = await t.login('admin');
    const res = await admin.request({ method: 'GET', url: '/api/audit?actor=admin&action=org.&entityType=org' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(
      page.items.every((e: { action: string; actorUsername: string }) => e.action.startsWith('org.') && e.actorUsername === 'admin'),
    ).toBe(true);
  });
});
