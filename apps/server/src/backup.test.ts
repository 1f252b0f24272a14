import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDb, sql } from '@kechuang/db';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, runCli } from './cli-testing.ts';

/** Every row of every table of the schema, in a stable order, as text. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const { rows: list } = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const tables = list.map((r) => r.t);
  expect(tables).toEqual(expect.arrayContaining(['plan', 'progress_report', 'indicator_value', 'notification', 'enterprise']));
  for (const t of tables) {
    const { rows } = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(t)} x`.execute(database.db);
    out[t] = rows.map((r) => r.j).sort();
  }
  return out;
}

const usePg = Boolean(process.env.DATABASE_URL);

describe('backup and restore', () => {
  it.skipIf(usePg)(
    'restores an embedded database into an empty directory with identical data',
    async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-backup-'));
      const src = path.join(tmp, 'src');
      const dst = path.join(tmp, 'dst');
      const file = path.join(tmp, 'backup.tar.gz');
      const env = { DATABASE_URL: '' };
      expect((await runCli(['--data', src, 'demo', '--password', 'Backup2026x'], env)).code).toBe(0);
      const b = await runCli(['--data', src, 'backup', file], env);
      expect(b.code, b.stderr).toBe(0);
      const r = await runCli(['--data', dst, 'restore', file], env);
      expect(r.code, r.stderr).toBe(0);
      // restoring over data is refused
      const again = await runCli(['--data', dst, 'restore', file], env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('已有数据');

      const a = await openDb({ dataDir: src, migrate: false });
      const before = await snapshot(a);
      await a.close();
      const c = await openDb({ dataDir: dst, migrate: false });
      const after = await snapshot(c);
      await c.close();
      expect(before.app_user?.length).toBe(8);
      expect(after).toEqual(before);
    },
    180_000,
  );

  it.skipIf(!usePg)(
    'restores a PostgreSQL database into an empty database with identical data',
    async () => {
      const src = await freshPgDatabase('kc_bk_src');
      const dst = await freshPgDatabase('kc_bk_dst');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-backup-')), 'backup.dump');
      try {
        expect((await runCli(['demo', '--password', 'Backup2026x'], { DATABASE_URL: src.url })).code).toBe(0);
        const b = await runCli(['backup', file], { DATABASE_URL: src.url });
        expect(b.code, b.stderr).toBe(0);
        const r = await runCli(['restore', file], { DATABASE_URL: dst.url });
        expect(r.code, r.stderr).toBe(0);
        const again = await runCli(['restore', file], { DATABASE_URL: dst.url });
        expect(again.code).not.toBe(0);
        expect(again.stderr).toContain('不是空库');
        const a = await openDb({ databaseUrl: src.url, migrate: false });
        const before = await snapshot(a);
        await a.close();
        const c = await openDb({ databaseUrl: dst.url, migrate: false });
        const after = await snapshot(c);
        await c.close();
        expect(before.app_user?.length).toBe(8);
        expect(after).toEqual(before);
      } finally {
        await src.drop();
        await dst.drop();
      }
    },
    180_000,
  );
});
