import { type DB, type Kysely, migrateTo, migrateToLatest, migrations, sql } from '@kechuang/db';
import type { FileStore } from '../storage/file-store.ts';
import type { BackupManifest } from './manifest.ts';
import { insertRows, listTables, loadOrder, pinTextFormats, resetIdentities } from './tables.ts';
import { readTar } from './tar.ts';
import { verifyBackup } from './verify-backup.ts';

export interface RestoreInput {
  /** an empty database (no tables in its schema yet) */
  db: Kysely<DB>;
  files: FileStore | null;
  file: string;
  /** the schema to restore into (tests); default the connection's current one */
  schema?: string;
  /** who restores, for the audit row */
  via?: string;
}

/**
 * Restores a verified backup into an empty database: the schema is built up to the backup's own
 * migration, the rows are loaded table by table in foreign-key order with the tables' triggers off (the
 * read models the triggers keep are restored as they were), identity sequences continue after the
 * restored ids, then the schema is migrated to this version. The rows load in one transaction; a restore that fails at
 * any step drops what it built, so the database is empty again and the restore can be retried. Files go back into the file store under their keys. No sessions come back.
 */
export async function restoreBackup(input: RestoreInput): Promise<BackupManifest> {
  const verified = await verifyBackup(input.file);
  if (!verified.ok || !verified.manifest) throw new Error(`备份文件未通过校验：${verified.problems.slice(0, 5).join('；')}`);
  const manifest = verified.manifest;
  const unknown = manifest.migrations.filter((m) => !(m in migrations));
  if (unknown.length) throw new Error(`备份来自更新的版本（未知的迁移 ${unknown.join(', ')}）：请先升级科创再恢复`);
  const last = manifest.migrations.at(-1);
  if (!last) throw new Error('备份未记录数据库版本');

  const { rows: present } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(input.db);
  if ((present[0]?.n ?? 0) > 0) throw new Error('目标数据库不是空库：请恢复到一个新建的空数据库或空目录');

  try {
    // Files first: they are written under their own keys, so a restore that fails later leaves only unreferenced files.
    if (manifest.files.length > 0) {
      if (!input.files) throw new Error('备份含有文件，但没有可写入的文件存储');
      const byPath = new Map(manifest.files.map((f) => [f.path, f.key]));
      for await (const e of readTar(input.file)) {
        const key = byPath.get(e.name);
        if (key) await input.files.put(key, new Uint8Array(e.data), 'application/octet-stream');
      }
    }
    await migrateTo(input.db, last, input.schema);
    const rowsOf = new Map<string, string[]>();
    for await (const e of readTar(input.file)) {
      if (!e.name.startsWith('db/')) continue;
      const table = e.name.slice(3).replace(/\.\d+\.json$/, '');
      const rows = JSON.parse(e.data.toString('utf8')) as string[];
      const list = rowsOf.get(table);
      if (list) list.push(...rows);
      else rowsOf.set(table, rows);
    }
    await input.db.transaction().execute(async (tx) => {
      await pinTextFormats(tx);
      const tables = loadOrder(await listTables(tx)).filter((t) => manifest.tables.some((m) => m.name === t.name));
      // triggers off (the append-only guard of the audit log, the read models' maintenance) while loading
      for (const t of tables) await sql`alter table ${sql.table(t.name)} disable trigger user`.execute(tx);
      // what the migrations seeded (regions, the indicator catalogue) is replaced by the backup's rows
      await sql`truncate ${sql.join(tables.map((t) => sql.table(t.name)))} cascade`.execute(tx);
      for (const t of tables) {
        await insertRows(tx, t, rowsOf.get(t.name) ?? []);
        await resetIdentities(tx, t);
      }
      for (const t of tables) await sql`alter table ${sql.table(t.name)} enable trigger user`.execute(tx);
    });
    await migrateToLatest(input.db, input.schema);
    await input.db
      .insertInto('audit_log')
      .values({
        at: new Date(),
        actor_user_id: null,
        actor_username: input.via ?? 'cli:restore',
        ip: null,
        action: 'system.restore',
        entity_type: 'system',
        entity_id: null,
        region_code: null,
        before: null,
        after: JSON.stringify({
          createdAt: manifest.createdAt,
          from: manifest.database,
          tables: manifest.tables.length,
          files: manifest.files.length,
        }),
      })
      .execute();
  } catch (e) {
    // a restore that fails leaves the database empty again (not a seeded, empty-looking installation)
    await wipeSchema(input.db).catch(() => {});
    throw e;
  }
  return manifest;
}

/** Drops everything the restore created: the schema is dropped and created again, empty. */
async function wipeSchema(db: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  const schema = rows[0]?.s;
  if (!schema) return;
  await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
  await sql`create schema ${sql.id(schema)}`.execute(db);
}
