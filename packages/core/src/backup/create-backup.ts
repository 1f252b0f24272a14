import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type DB, type Kysely, sql } from '@kechuang/db';
import type { FileStore } from '../storage/file-store.ts';
import { type BackupManifest, backupFormat, type ManifestEntry, rowsPerEntry } from './manifest.ts';
import { listTables, notCarried, pinTextFormats, storedFileKeys, tableRows } from './tables.ts';
import { TarWriter } from './tar.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface CreateBackupInput {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  files: FileStore | null;
  file: string;
  appVersion: string;
  now: Date;
}

/**
 * A complete backup: every table's rows from one consistent snapshot (a repeatable-read transaction, so
 * the server may keep running), every stored file the database names, and a manifest with a sha-256 of
 * each part. Sessions and trusted devices are left out. The format does not depend on the database, so
 * a backup of the embedded database restores onto PostgreSQL and the other way round.
 */
export async function createBackup(input: CreateBackupInput): Promise<BackupManifest> {
  // The snapshot is read first and written out after its transaction ends: on the embedded database the
  // one connection is held only while rows are read, not while they are compressed and written.
  const { manifest, tables, keys } = await input.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await pinTextFormats(tx);
      const { rows: mig } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(tx);
      const m: BackupManifest = {
        format: backupFormat,
        createdAt: input.now.toISOString(),
        appVersion: input.appVersion,
        database: input.kind,
        migrations: mig.map((r) => r.name),
        tables: [],
        files: [],
        missingFiles: [],
        notCarried: [...notCarried].sort(),
      };
      const list = (await listTables(tx)).filter((t) => !notCarried.has(t.name)).sort((a, b) => a.name.localeCompare(b.name));
      const read: { name: string; rows: string[] }[] = [];
      for (const t of list) read.push({ name: t.name, rows: await tableRows(tx, t.name) });
      return { manifest: m, tables: read, keys: await storedFileKeys(tx) };
    });
  const tar = await TarWriter.create(input.file);
  try {
    const add = async (path: string, data: Uint8Array): Promise<ManifestEntry> => {
      await tar.add(path, data, input.now);
      return { path, sha256: sha(data), bytes: data.byteLength };
    };
    for (const t of tables) {
      const entries: ManifestEntry[] = [];
      for (let i = 0; i * rowsPerEntry < t.rows.length || (i === 0 && t.rows.length === 0); i++) {
        const part = t.rows.slice(i * rowsPerEntry, (i + 1) * rowsPerEntry);
        entries.push(await add(`db/${t.name}.${i}.json`, Buffer.from(JSON.stringify(part))));
      }
      manifest.tables.push({ name: t.name, rows: t.rows.length, entries });
    }
    // File contents never change under a key (a new upload gets a new key), so they may be read after
    // the snapshot; one deleted in the meantime is listed as missing.
    for (const [i, key] of keys.entries()) {
      const bytes = input.files ? await input.files.get(key) : null;
      if (!bytes) {
        manifest.missingFiles.push(key);
        continue;
      }
      manifest.files.push({ key, ...(await add(`files/${String(i).padStart(7, '0')}`, bytes)) });
    }
    await tar.add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 1)), input.now);
    await tar.close();
    return manifest;
  } catch (e) {
    await tar.close().catch(() => {});
    fs.rmSync(input.file, { force: true }); // never leave half a backup that looks like one
    throw e;
  }
}
