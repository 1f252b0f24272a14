import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDirLock } from './lock.ts';
import { migrateToLatest, migrations } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { initdbTemplate, isNewDataDir, keepInitdbTemplate } from './pglite-template.ts';
import { planCacheSetting, preparingPool } from './prepared.ts';
import { openReplicaReader, type ReplicaStats } from './read-replica.ts';
import type { DB } from './schema.ts';

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** the PGlite instance, for backup; absent on PostgreSQL */
  pglite?: PGlite;
  /** where the embedded database lives; absent on PostgreSQL */
  dataDir?: string;
  databaseUrl?: string;
  /**
   * reads that may be served by a streaming replica (DATABASE_READ_URL), never older than the primary when asked
   * (read-replica.ts); absent without a replica: read from `db`
   */
  readDb?: Kysely<DB>;
  /** where those reads went (tests, metrics) */
  readStats?: ReplicaStats;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used */
  databaseUrl?: string | undefined;
  /** a streaming replica of that database for read-heavy pages (PostgreSQL only) */
  readUrl?: string | undefined;
  /** how long a read waits for the replica to replay the primary's position before the primary answers it */
  replicaWaitMs?: number;
  /** directory of the embedded database; `undefined` with `memory: true` for an in-memory one */
  dataDir?: string | undefined;
  memory?: boolean;
  /** restore an embedded database from a dump (tar.gz) when opening */
  loadDataDir?: Blob;
  /** PostgreSQL schema to use (tests isolate by schema); default public */
  schema?: string;
  migrate?: boolean;
  poolSize?: number;
  /**
   * An idle pooled connection to PostgreSQL was lost (the server restarted, a failover, a network cut, an
   * administrator ended it): the pool drops it and the next query opens a new one. Default: one line on stderr.
   */
  onConnectionLost?: (err: Error) => void;
}

const reportLost = (err: Error) => process.stderr.write(`数据库连接中断，已丢弃该连接，下次查询将重新连接：${err.message}\n`);

// Dates stay 'YYYY-MM-DD' strings, int8 and numeric stay strings on both drivers, so rows look alike.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_ARRAY_OID = 1182;
const TEXT_ARRAY_OID = 1009;
const keepText = (v: string) => v;

export async function openDb(opts: OpenOptions = {}): Promise<Database> {
  const databaseUrl = opts.databaseUrl ?? undefined;
  let database: Database;
  if (databaseUrl) {
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID || oid === INT8_OID || oid === NUMERIC_OID
          ? keepText
          : // date[] as an array of 'YYYY-MM-DD' strings, as PGlite returns it (not Date objects)
            pg.types.getTypeParser(oid === DATE_ARRAY_OID ? TEXT_ARRAY_OID : oid, format as 'text'),
    };
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: opts.poolSize ?? 10,
      types,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // without a listener, an idle connection's error would end the process
    pool.on('error', opts.onConnectionLost ?? reportLost);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    database = { db, kind: 'postgres', databaseUrl, close: () => db.destroy() };
    if (opts.readUrl) {
      const replicaPool = new pg.Pool({
        connectionString: opts.readUrl,
        max: opts.poolSize ?? 10,
        types,
        // read-only sessions: a write sent here by mistake fails rather than reaching a standby's error late
        application_name: 'kechuang-read',
        // an unreachable replica must not hold a read longer than a lagging one would: the primary answers instead
        connectionTimeoutMillis: Math.max(opts.replicaWaitMs ?? 1000, 1000),
        options: `-c default_transaction_read_only=on${opts.schema ? ` -c search_path=${opts.schema}` : ''}`,
      });
      replicaPool.on('error', opts.onConnectionLost ?? reportLost);
      const reader = openReplicaReader(replicaPool, pool, opts.replicaWaitMs ?? 1000);
      database.readDb = reader.db;
      database.readStats = reader.stats;
      database.close = async () => {
        await reader.db.destroy();
        await db.destroy();
      };
    }
  } else {
    const dataDir = opts.memory ? undefined : path.resolve(opts.dataDir ?? 'data');
    const release = dataDir ? acquireDirLock(dataDir) : () => {};
    try {
      // a new directory starts from a kept copy of an empty database when there is one (pglite-template.ts)
      const fresh = dataDir !== undefined && !opts.loadDataDir && isNewDataDir(path.join(dataDir, 'pg'));
      const loadDataDir = opts.loadDataDir ?? (fresh ? initdbTemplate() : undefined);
      const pglite = new PGlite({
        ...(dataDir ? { dataDir: path.join(dataDir, 'pg') } : {}),
        ...(loadDataDir ? { loadDataDir } : {}),
        parsers: { [DATE_OID]: keepText, [INT8_OID]: keepText, [NUMERIC_OID]: keepText },
      });
      await pglite.waitReady;
      if (fresh && !loadDataDir) await keepInitdbTemplate(pglite);
      if (opts.schema) await pglite.exec(`set search_path to ${opts.schema}`);
      await pglite.exec(planCacheSetting('pglite'));
      const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
      database = {
        db,
        kind: 'pglite',
        pglite,
        ...(dataDir ? { dataDir } : {}),
        close: async () => {
          await db.destroy();
          await pglite.close();
          release();
        },
      };
    } catch (e) {
      release();
      throw e;
    }
  }
  if (opts.migrate !== false && !(await upToDate(database.db, opts.schema))) await migrateToLatest(database.db, opts.schema);
  return database;
}

/**
 * Whether the database has exactly the migrations this build knows, so there is nothing to run. One query, where
 * the migrator's own check (tables and lock introspected, a lock taken) costs the larger part of a second start; on any
 * doubt — no table yet, a migration missing, one this build does not know — the migrator runs and decides.
 */
async function upToDate(db: Kysely<DB>, schema: string | undefined): Promise<boolean> {
  try {
    const table = schema ? sql`${sql.id(schema)}.kysely_migration` : sql`kysely_migration`;
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const known = Object.keys(migrations);
    return rows.length === known.length && rows.every((r) => known.includes(r.name));
  } catch {
    return false;
  }
}
