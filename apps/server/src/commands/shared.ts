import { type Ctx, noCache } from '@kechuang/core';
import { type Database, openDb } from '@kechuang/db';
import type { Command } from 'commander';

export function dataDirOf(cmd: Command): string {
  return (cmd.optsWithGlobals() as { data: string }).data;
}

/** PostgreSQL when DATABASE_URL is set, else the embedded database in --data. */
export function openFromEnv(cmd: Command, opts: { migrate?: boolean } = {}): Promise<Database> {
  return openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: dataDirOf(cmd), migrate: opts.migrate ?? true });
}

export function consoleCtx(database: Database): Ctx {
  return { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: `cli:${process.env.USER ?? 'operator'}` };
}

export function describeDb(database: Database): string {
  return database.kind === 'postgres' ? 'PostgreSQL（DATABASE_URL）' : `嵌入式数据库 ${database.dataDir ?? '（内存）'}`;
}
