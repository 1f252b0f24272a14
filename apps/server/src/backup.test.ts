import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type Database, openDb, sql } from '@kechuang/db';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, runCli, startServer, stopServer } from './cli-testing.ts';

/**
 * The backup and restore drill: data and evidence files on one database → backup → verify → restore
 * onto an empty database (the same kind, and — with DATABASE_URL — the other kind) → every table and
 * every file equal, and no sessions.
 */
const usePg = Boolean(process.env.DATABASE_URL);
const password = 'Backup2026x';
const skipped = new Set(['session', 'known_device', 'kysely_migration', 'kysely_migration_lock']);

async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const { rows: list } = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  for (const { t } of list) {
    if (skipped.has(t)) continue;
    const { rows } = await sql<{ j: string }>`select x::text as j from ${sql.table(t)} x`.execute(database.db);
    out[t] = rows.map((r) => r.j).sort();
  }
  return out;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Side {
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function side(kind: 'pglite' | 'postgres', tmp: string, name: string): Promise<Side> {
  const dataDir = path.join(tmp, name);
  if (kind === 'pglite') {
    return { env: { DATABASE_URL: '' }, dataDir, open: () => openDb({ dataDir, migrate: false }), drop: async () => {} };
  }
  const db = await freshPgDatabase(`kc_bk_${name}`);
  return { env: { DATABASE_URL: db.url }, dataDir, open: () => openDb({ databaseUrl: db.url, migrate: false }), drop: db.drop };
}

/** Demo data, a report with two evidence files in the file store, and a live session. */
async function seed(src: Side): Promise<Record<string, string>> {
  const demo = await runCli(['--data', src.dataDir, 'demo', '--password', password], src.env);
  expect(demo.code, demo.stderr).toBe(0);
  const database = await src.open();
  const files: Record<string, string> = {};
  try {
    const report = await database.db.selectFrom('progress_report').select('id').orderBy('id').executeTakeFirstOrThrow();
    const user = await database.db.selectFrom('app_user').select('id').where('username', '=', 'planner').executeTakeFirstOrThrow();
    for (const [i, text] of ['第一份佐证材料', '第二份：含换行\n与引号"'].entries()) {
      const key = `2026-03/drill-${i}-${Math.random().toString(36).slice(2)}`;
      const bytes = Buffer.from(text.repeat(200 + i));
      fs.mkdirSync(path.join(src.dataDir, 'files', '2026-03'), { recursive: true });
      fs.writeFileSync(path.join(src.dataDir, 'files', key), bytes);
      await database.db
        .insertInto('report_attachment')
        .values({
          report_id: report.id,
          filename: `佐证${i}.txt`,
          content_type: 'text/plain',
          size_bytes: bytes.length,
          sha256: sha(bytes),
          storage_key: key,
        })
        .execute();
      files[key] = sha(bytes);
    }
    await database.db
      .insertInto('session')
      .values({
        token_hash: 'h'.repeat(64),
        public_id: 'drill0001',
        user_id: user.id,
        csrf_token: 'c',
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
  } finally {
    await database.close();
  }
  return files;
}

async function drill(from: 'pglite' | 'postgres', to: 'pglite' | 'postgres') {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-drill-'));
  const src = await side(from, tmp, 'src');
  const dst = await side(to, tmp, 'dst');
  const file = path.join(tmp, 'backup.kcbak');
  try {
    const files = await seed(src);
    const b = await runCli(['--data', src.dataDir, 'backup', file], src.env);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('2 个文件');
    const v = await runCli(['backup', '--verify', file], {});
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('备份文件完好');
    const r = await runCli(['--data', dst.dataDir, 'restore', file], dst.env);
    expect(r.code, r.stderr).toBe(0);
    // restoring over data is refused
    const again = await runCli(['--data', dst.dataDir, 'restore', file], dst.env);
    expect(again.code).not.toBe(0);

    const a = await src.open();
    const before = await snapshot(a);
    await a.close();
    const c = await dst.open();
    const after = await snapshot(c);
    const sessions = await c.db.selectFrom('session').select('token_hash').execute();
    const migrations = await c.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    // the restored database continues numbering after the restored ids
    const org = await c.db
      .insertInto('organization')
      .values({ name: '恢复后新建单位', kind: 'department', region_code: '430400' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await c.close();
    // the backup's own audit row is written after its snapshot, the restore's after the load
    before.audit_log = (before.audit_log ?? []).filter((row) => !row.includes('system.backup'));
    expect((after.audit_log ?? []).filter((row) => row.includes('system.restore'))).toHaveLength(1);
    after.audit_log = (after.audit_log ?? []).filter((row) => !row.includes('system.restore'));
    expect(before.app_user?.length).toBe(9);
    expect(before.report_attachment?.length).toBeGreaterThanOrEqual(2);
    expect(after).toEqual(before);
    expect(sessions).toEqual([]);
    expect(migrations.length).toBeGreaterThan(5);
    expect(Number(org.id)).toBeGreaterThan(Math.max(...(before.organization ?? []).map((row) => Number(row.slice(1).split(',')[0]))));
    for (const [key, digest] of Object.entries(files)) {
      expect(sha(fs.readFileSync(path.join(dst.dataDir, 'files', key))), key).toBe(digest);
    }
  } finally {
    await src.drop();
    await dst.drop();
  }
}

describe('backup and restore drill', () => {
  // the PostgreSQL pass runs the drills across databases; the embedded-only ones run in the embedded pass
  it.skipIf(usePg)('embedded → embedded: every table and file equal, no sessions', async () => drill('pglite', 'pglite'), 240_000);
  it.skipIf(!usePg)('embedded → PostgreSQL: every table and file equal, no sessions', async () => drill('pglite', 'postgres'), 240_000);
  it.skipIf(!usePg)('PostgreSQL → embedded: every table and file equal, no sessions', async () => drill('postgres', 'pglite'), 240_000);

  it.skipIf(usePg)(
    'verify fails on a damaged or truncated backup, and restore refuses it',
    async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-drill-'));
      const src = await side('pglite', tmp, 'src');
      const file = path.join(tmp, 'good.kcbak');
      expect((await runCli(['--data', src.dataDir, 'demo', '--password', password], src.env)).code).toBe(0);
      expect((await runCli(['--data', src.dataDir, 'backup', file], src.env)).code).toBe(0);
      // one byte changed inside a table's rows (the archive itself stays readable)
      const raw = zlib.gunzipSync(fs.readFileSync(file));
      const at = raw.indexOf(Buffer.from('衡阳'));
      expect(at).toBeGreaterThan(0);
      raw[at + 1] = (raw[at + 1] as number) ^ 1;
      const tampered = path.join(tmp, 'tampered.kcbak');
      fs.writeFileSync(tampered, zlib.gzipSync(raw));
      const v = await runCli(['backup', '--verify', tampered], {});
      expect(v.code).not.toBe(0);
      expect(v.stderr).toContain('校验和不符');
      const truncated = path.join(tmp, 'truncated.kcbak');
      fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, 4000));
      expect((await runCli(['backup', '--verify', truncated], {})).code).not.toBe(0);
      const r = await runCli(['--data', path.join(tmp, 'dst'), 'restore', tampered], { DATABASE_URL: '' });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('未通过校验');
    },
    180_000,
  );

  it.skipIf(usePg)(
    'takes an online backup of the embedded database while the server runs',
    async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-drill-'));
      const dataDir = path.join(tmp, 'live');
      const file = path.join(tmp, 'online.kcbak');
      const port = String(18_000 + Math.floor(Math.random() * 2000));
      const server = await startServer(
        ['--data', dataDir, 'serve', '--port', port, '--demo', '--demo-password', password, '--no-scheduler', '--quiet'],
        {
          DATABASE_URL: '',
        },
      );
      try {
        const b = await runCli(['--data', dataDir, 'backup', file], { DATABASE_URL: '' });
        expect(b.code, b.stderr).toBe(0);
        // the operator socket is the server account's alone
        expect(fs.statSync(path.join(dataDir, 'control.sock')).mode & 0o777).toBe(0o600);
        // a backup to a path that cannot be written fails with a reason, and the server goes on serving
        const bad = await runCli(['--data', dataDir, 'backup', path.join(tmp, 'no-such-dir', 'x.kcbak')], { DATABASE_URL: '' });
        expect(bad.code).not.toBe(0);
        expect(bad.stderr).toMatch(/ENOENT|no such file/);
        expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      } finally {
        await stopServer(server.child);
      }
      expect((await runCli(['backup', '--verify', file], {})).code).toBe(0);
      const restored = path.join(tmp, 'restored');
      expect((await runCli(['--data', restored, 'restore', file], { DATABASE_URL: '' })).code).toBe(0);
      const a = await openDb({ dataDir, migrate: false });
      const c = await openDb({ dataDir: restored, migrate: false });
      try {
        const audit = await a.db.selectFrom('audit_log').select('action').where('action', '=', 'system.backup').execute();
        expect(audit).toHaveLength(1);
        const x = await snapshot(a);
        const y = await snapshot(c);
        // the backup's own audit row was written after its snapshot, the restore's after the load
        x.audit_log = (x.audit_log ?? []).filter((row) => !row.includes('system.backup'));
        y.audit_log = (y.audit_log ?? []).filter((row) => !row.includes('system.restore'));
        expect(y).toEqual(x);
      } finally {
        await a.close();
        await c.close();
      }
    },
    240_000,
  );
});
