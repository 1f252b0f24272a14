import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type BackupManifest, createBackup, type FileStore, withAudit } from '@kechuang/core';
import type { Database } from '@kechuang/db';
import { version } from '../version.ts';
import { consoleCtx } from './shared.ts';

/**
 * The operator's channel into a running server on the embedded database: a Unix socket in the data
 * directory, readable only by the account that runs the server (mode 0600). Whoever can use it could
 * copy the data directory anyway; no web role reaches it. It serves one request: an online backup
 * taken by the process that holds the database, while it goes on serving.
 */
export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, 'control.sock');
}

interface BackupRequest {
  op: 'backup';
  file: string;
}

export type BackupSummary = Pick<BackupManifest, 'createdAt' | 'missingFiles'> & { tables: number; rows: number; files: number };

export function summarise(m: BackupManifest): BackupSummary {
  return {
    createdAt: m.createdAt,
    tables: m.tables.length,
    rows: m.tables.reduce((n, t) => n + t.rows, 0),
    files: m.files.length,
    missingFiles: m.missingFiles,
  };
}

/** Takes a backup and records who asked for it in the audit trail. */
export async function backupAndAudit(database: Database, files: FileStore | null, file: string, via: string): Promise<BackupManifest> {
  const now = new Date();
  const manifest = await createBackup({ db: database.db, kind: database.kind, files, file, appVersion: version, now });
  await withAudit({ ...consoleCtx(database), now: () => now, via }, async (_tx, record) => {
    record({ action: 'system.backup', entityType: 'system', entityId: null, regionCode: null, after: { file, ...summarise(manifest) } });
  });
  return manifest;
}

export function startControlSocket(database: Database, files: FileStore | null): (() => Promise<void>) | null {
  if (!database.dataDir) return null;
  const socketPath = controlSocketPath(database.dataDir);
  fs.rmSync(socketPath, { force: true }); // left by a process that died (we hold the data directory's lock)
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', async (chunk: string) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = '';
      let reply: unknown;
      try {
        const req = JSON.parse(line) as BackupRequest;
        if (req.op !== 'backup' || typeof req.file !== 'string' || !path.isAbsolute(req.file)) throw new Error('无效的请求');
        const manifest = await backupAndAudit(database, files, req.file, 'cli:backup (online)');
        reply = { ok: true, summary: summarise(manifest) };
      } catch (e) {
        reply = { ok: false, error: (e as Error).message };
      }
      conn.end(`${JSON.stringify(reply)}\n`);
    });
    conn.on('error', () => {});
  });
  server.listen(socketPath, () => {
    // only the account that runs the server may use it
    fs.chmodSync(socketPath, 0o600);
  });
  server.on('error', (e) => console.error(`控制通道未启动（在线备份不可用）：${e.message}`));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Asks the running server for an online backup; null when no server listens there. */
export function requestOnlineBackup(dataDir: string, file: string): Promise<BackupSummary | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socketPath);
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(`${JSON.stringify({ op: 'backup', file })}\n`));
    conn.on('data', (c: string) => {
      buf += c;
    });
    conn.on('end', () => {
      try {
        const r = JSON.parse(buf) as { ok: boolean; summary?: BackupSummary; error?: string };
        if (r.ok && r.summary) resolve(r.summary);
        else reject(new Error(r.error ?? '在线备份失败'));
      } catch {
        reject(new Error('服务进程未给出有效的回答'));
      }
    });
    conn.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? resolve(null) : reject(e)));
  });
}
