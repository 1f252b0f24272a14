import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@kechuang/contracts';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite allows one process per data directory. The lock file names its holder so the second
 * process can say who has it; a lock left by a dead process on this host is taken over.
 */
export function acquireDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'kechuang.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
          if (cur.pid === me.pid && cur.host === me.host) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockHolder | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
      } catch {
        holder = null; // unreadable or half-written: treat as stale
      }
      if (holder && holder.host === me.host && holder.pid !== me.pid && alive(holder.pid)) {
        throw new AppError(
          'db/locked',
          { dataDir, holder },
          `数据目录 ${dataDir} 正被进程 ${holder.pid}（${holder.command || '未知命令'}，主机 ${holder.host}，启动于 ${holder.startedAt}）使用。嵌入式数据库同一时间只允许一个进程访问：请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。`,
        );
      }
      if (holder && holder.host !== me.host) {
        throw new AppError(
          'db/locked',
          { dataDir, holder },
          `数据目录 ${dataDir} 被另一台主机 ${holder.host} 上的进程 ${holder.pid} 锁定（启动于 ${holder.startedAt}）。如确认该进程已停止，请删除 ${file}。`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('db/locked', { dataDir }, `无法锁定数据目录 ${dataDir}`);
}
