import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { preparingPool } from './prepared.ts';
import type { DB } from './schema.ts';

/**
 * Reads on a streaming replica that are never older than the primary was when they were asked for.
 *
 * Before a query takes a replica connection, the primary's WAL insert position is read (one trivial query; callers
 * that arrive while one is out share the next one, never an earlier one), and the query runs on the replica only
 * once the replica has replayed up to it. Everything committed before the query was asked for — the caller's own
 * writes, and every write whose cache invalidation this process has already applied — is therefore visible to
 * it. A replica that does not catch up within `waitMs`, cannot be reached, or is not in recovery (promoted, or a
 * primary given by mistake) is not used: the query runs on the primary instead. See
 * docs/decisions/0014-read-replica.md.
 */
export interface ReplicaStats {
  /** queries that ran on the replica */
  replica: number;
  /** queries sent to the primary instead (replica behind, unreachable or not a standby) */
  primary: number;
  /** waits for replay that were needed (the replica had not yet replayed the primary's position) */
  waits: number;
}

export interface ReplicaReader {
  db: Kysely<DB>;
  stats: ReplicaStats;
}

export function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The primary's WAL insert position, read by one query at a time; a caller waits for a read started after it. */
class PrimaryPosition {
  private out: Promise<bigint> | null = null;
  private next: Promise<bigint> | null = null;

  constructor(private readonly primary: pg.Pool) {}

  get(): Promise<bigint> {
    if (!this.out) return this.start();
    this.next ??= (async () => {
      await this.out?.catch(() => {});
      this.next = null;
      return this.start();
    })();
    return this.next;
  }

  private start(): Promise<bigint> {
    const p = this.read().finally(() => {
      if (this.out === p) this.out = null;
    });
    this.out = p;
    return p;
  }

  private async read(): Promise<bigint> {
    const { rows } = await this.primary.query<{ l: string; b: string }>(
      "select pg_current_wal_insert_lsn()::text as l, current_setting('wal_block_size') as b",
    );
    const row = rows[0] as { l: string; b: string };
    const lsn = lsnToBigInt(row.l);
    // At a page boundary the insert position is given after the page header, while a standby reports the end of
    // the last record, the boundary itself; nothing can lie between the two, so the boundary is what to wait for.
    const offset = lsn % BigInt(row.b);
    return offset === 24n || offset === 40n ? lsn - offset : lsn;
  }
}

const replayQuery = CompiledQuery.raw('select pg_last_wal_replay_lsn()::text as l');

class ReplicaDriver implements Driver {
  private readonly owner = new WeakMap<DatabaseConnection, Driver>();
  /** the furthest replay position seen on the replica */
  private replayed = -1n;

  constructor(
    private readonly replica: Driver,
    private readonly primary: Driver,
    private readonly position: PrimaryPosition,
    private readonly waitMs: number,
    private readonly stats: ReplicaStats,
  ) {}

  async init(): Promise<void> {
    await this.replica.init();
    await this.primary.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const target = await this.position.get();
    const conn = await this.replicaAt(target).catch(() => null);
    if (conn) {
      this.stats.replica++;
      this.owner.set(conn, this.replica);
      return conn;
    }
    this.stats.primary++;
    const p = await this.primary.acquireConnection();
    this.owner.set(p, this.primary);
    return p;
  }

  /** a replica connection once the replica has replayed `target`, or null (behind for too long, or no standby) */
  private async replicaAt(target: bigint): Promise<DatabaseConnection | null> {
    const conn = await this.replica.acquireConnection();
    if (this.replayed >= target) return conn;
    const deadline = Date.now() + this.waitMs;
    let pause = 1;
    let waited = false;
    try {
      for (;;) {
        const { rows } = await conn.executeQuery<{ l: string | null }>(replayQuery);
        const l = rows[0]?.l;
        if (!l) break; // not a standby: its data is not the primary's
        const replayed = lsnToBigInt(l);
        if (replayed > this.replayed) this.replayed = replayed;
        if (replayed >= target) return conn;
        if (!waited) this.stats.waits++;
        waited = true;
        if (Date.now() >= deadline) break;
        await sleep(pause);
        pause = Math.min(pause * 2, 20);
      }
    } catch {
      // an unreachable or failing replica: the primary answers
    }
    await this.replica.releaseConnection(conn).catch(() => {});
    return null;
  }

  private driverOf(conn: DatabaseConnection): Driver {
    return this.owner.get(conn) ?? this.replica;
  }

  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.driverOf(conn).beginTransaction(conn, settings);
  }

  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.driverOf(conn).commitTransaction(conn);
  }

  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.driverOf(conn).rollbackTransaction(conn);
  }

  releaseConnection(conn: DatabaseConnection): Promise<void> {
    const d = this.driverOf(conn);
    this.owner.delete(conn);
    return d.releaseConnection(conn);
  }

  async destroy(): Promise<void> {
    // the primary pool belongs to the primary handle, which closes it
    await this.replica.destroy();
  }
}

class ReplicaDialect extends PostgresDialect {
  constructor(private readonly make: () => Driver) {
    super({ pool: {} as pg.Pool });
  }

  override createDriver(): Driver {
    return this.make();
  }
}

/**
 * A read-only handle on the replica at `replicaPool` that falls back to `primaryPool` (see above). Its
 * connections are read-only sessions, so a write sent to it by mistake fails instead of going anywhere.
 */
export function openReplicaReader(replicaPool: pg.Pool, primaryPool: pg.Pool, waitMs: number): ReplicaReader {
  const stats: ReplicaStats = { replica: 0, primary: 0, waits: 0 };
  const position = new PrimaryPosition(primaryPool);
  const db = new Kysely<DB>({
    dialect: new ReplicaDialect(
      () =>
        new ReplicaDriver(
          new PostgresDriver({ pool: preparingPool(replicaPool) }),
          new PostgresDriver({ pool: preparingPool(primaryPool) }),
          position,
          waitMs,
          stats,
        ),
    ),
  });
  return { db, stats };
}
