import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup, verifyBackup } from '@kechuang/core';
import { openDb } from '@kechuang/db';
import { Command } from 'commander';
import { type BackupSummary, backupAndAudit, requestOnlineBackup, summarise } from './control.ts';
import { fileStoreFor } from './files.ts';
import { dataDirOf } from './shared.ts';

/**
 * Backups in one format on both databases (docs/security.md): a gzip'd tar of every table's rows, every
 * stored file and a manifest with their checksums; sessions are not carried. Taken online: from one
 * consistent snapshot while the server runs (on the embedded database the running server takes it
 * through its control socket).
 */
export async function backup(cmd: Command, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`备份文件已存在：${target}`);
  const dataDir = path.resolve(dataDirOf(cmd));
  if (!process.env.DATABASE_URL) {
    const online = await requestOnlineBackup(dataDir, target);
    if (online) return online;
  }
  const database = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir, migrate: false });
  try {
    return summarise(await backupAndAudit(database, fileStoreFor(cmd), target, `cli:${process.env.USER ?? 'operator'}`));
  } finally {
    await database.close();
  }
}

export async function restore(cmd: Command, file: string) {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`备份文件不存在：${source}`);
  const dataDir = path.resolve(dataDirOf(cmd));
  // an embedded database or a PostgreSQL one: either must hold no tables yet (checked by the restore)
  const database = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir, migrate: false });
  try {
    return await restoreBackup({ db: database.db, files: fileStoreFor(cmd), file: source, via: `cli:${process.env.USER ?? 'operator'}` });
  } finally {
    await database.close();
  }
}

export function backupCommand() {
  return new Command('backup')
    .description('备份数据库与文件到一个文件（服务运行时也可备份）；--verify 校验一个备份文件')
    .argument('<file>', '备份文件')
    .option('--verify', '只校验备份文件（逐项核对校验和与行数），不备份')
    .action(async (file: string, opts: { verify?: boolean }, cmd: Command) => {
      if (opts.verify) {
        const r = await verifyBackup(path.resolve(file));
        if (!r.ok || !r.manifest) {
          for (const p of r.problems) console.error(p);
          throw new Error(`备份文件未通过校验：${path.resolve(file)}`);
        }
        const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `备份文件完好：${r.manifest.createdAt} 备份，${r.manifest.tables.length} 张表 ${rows} 行，${r.manifest.files.length} 个文件（未含会话）`,
        );
        return;
      }
      const s = await backup(cmd, file);
      console.log(`已备份到 ${path.resolve(file)}：${s.tables} 张表 ${s.rows} 行，${s.files} 个文件（未含会话）`);
      if (s.missingFiles.length) console.error(`注意：${s.missingFiles.length} 个文件在存储中已不存在，未能备份`);
    });
}

export function restoreCommand() {
  return new Command('restore')
    .description('从备份文件恢复到一个空数据库（嵌入式或 PostgreSQL 均可，与备份来源无关）')
    .argument('<file>', '备份文件')
    .action(async (file: string, _o, cmd: Command) => {
      const m = await restore(cmd, file);
      console.log(`已从 ${path.resolve(file)} 恢复：${m.tables.length} 张表，${m.files.length} 个文件；原有会话不恢复，请重新登录`);
    });
}
