import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL primary with a streaming replica on loopback, for the tests that need both (a replica
 * cannot be made of the shared test server: that one is not set up for replication). The replica applies what it
 * receives `applyDelayMs` late (recovery_min_apply_delay), so a read that does not wait for it is visibly stale.
 * Without the PostgreSQL server binaries: null, or under CI a failure.
 */
export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  stop(): void;
}

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const v = versions.at(-1);
  return v ? path.join(base, v, 'bin') : null;
}

export function havePostgresServer(): boolean {
  if (pgBin()) return true;
  if (process.env.CI) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql): the replica tests cannot run');
  return false;
}

export function startReplicaPair(opts: { applyDelayMs: number }): ReplicaPair {
  const bin = pgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-replica-'));
  const root = process.getuid?.() === 0;
  if (root) execFileSync('chown', ['postgres', dir]);
  const run = (cmd: string, args: string[]) =>
    execFileSync(root ? 'runuser' : path.join(bin, cmd), root ? ['-u', 'postgres', '--', path.join(bin, cmd), ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  const port = 30000 + Math.floor(Math.random() * 15000);
  const rport = port + 1;
  const primary = path.join(dir, 'primary');
  const replica = path.join(dir, 'replica');
  const stop = () => {
    for (const d of [replica, primary]) {
      try {
        run('pg_ctl', ['-D', d, '-m', 'immediate', 'stop']);
      } catch {
        // not running
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primary, '-U', 'kechuang', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    fs.appendFileSync(path.join(primary, 'pg_hba.conf'), 'host replication kechuang 127.0.0.1/32 trust\n');
    const common = `-c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=100 -c fsync=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-w', '-o', `${common} -p ${port} -c wal_level=replica`, 'start']);
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'kechuang', 'kechuang']);
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'kechuang', '-D', replica, '-R', '-X', 'stream', '-c', 'fast']);
    run('pg_ctl', [
      '-D',
      replica,
      '-l',
      path.join(dir, 'replica.log'),
      '-w',
      '-o',
      `${common} -p ${rport} -c hot_standby=on -c recovery_min_apply_delay=${opts.applyDelayMs}ms`,
      'start',
    ]);
  } catch (e) {
    const err = e as Error & { stderr?: Buffer };
    stop();
    throw new Error(`could not start the primary and replica: ${err.stderr?.toString() ?? err.message}`);
  }
  return {
    primaryUrl: `postgres://kechuang@127.0.0.1:${port}/kechuang`,
    replicaUrl: `postgres://kechuang@127.0.0.1:${rport}/kechuang`,
    stop,
  };
}
