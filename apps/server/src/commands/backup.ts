import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, sql } from '@kechuang/db';
import { Command } from 'commander';
import { dataDirOf, openFromEnv } from './shared.ts';

/**
 * Backups: on the embedded database a dump of the PGlite data directory (tar.gz);
 * on PostgreSQL pg_dump's custom format, restored with pg_restore.
 */
function runPgTool(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.error) throw new Error(`无法运行 ${tool}：${r.error.message}（请安装 PostgreSQL 客户端工具）`);
  if (r.status !== 0) throw new Error(`${tool} 失败：${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

export async function backup(cmd: Command, file: string) {
  const target = path.resolve(file);
  if (process.env.DATABASE_URL) {
    runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, process.env.DATABASE_URL]);
    return;
  }
  const database = await openFromEnv(cmd, { migrate: false });
  try {
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) throw new Error('无法导出嵌入式数据库');
    fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

export async function restore(cmd: Command, file: string) {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`备份文件不存在：${source}`);
  if (process.env.DATABASE_URL) {
    const probe = await openDb({ databaseUrl: process.env.DATABASE_URL, migrate: false });
    try {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(probe.db);
      if ((rows[0]?.n ?? 0) > 0) throw new Error('目标数据库不是空库：请恢复到一个新建的空数据库');
    } finally {
      await probe.close();
    }
    runPgTool('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${process.env.DATABASE_URL}`,
      source,
    ]);
    return;
  }
  const dataDir = path.resolve(dataDirOf(cmd));
  if (fs.existsSync(path.join(dataDir, 'pg')) && fs.readdirSync(path.join(dataDir, 'pg')).length > 0) {
    throw new Error(`数据目录 ${dataDir} 已有数据：请恢复到一个空目录（--data 指定）`);
  }
  const blob = new Blob([fs.readFileSync(source)]);
  const database = await openDb({ dataDir, loadDataDir: blob });
  await database.close();
}

export function backupCommand() {
  return new Command('backup')
    .description('备份数据库到文件')
    .argument('<file>', '备份文件')
    .action(async (file: string, _o, cmd: Command) => {
      await backup(cmd, file);
      console.log(`已备份到 ${path.resolve(file)}`);
    });
}

export function restoreCommand() {
  return new Command('restore')
    .description('从备份文件恢复到一个空数据库')
    .argument('<file>', '备份文件')
    .action(async (file: string, _o, cmd: Command) => {
      await restore(cmd, file);
      console.log(`已从 ${path.resolve(file)} 恢复`);
    });
}
