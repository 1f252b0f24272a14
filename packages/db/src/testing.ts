import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './open.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { planCacheSetting, preparingPool } from './prepared.ts';
import type { DB } from './schema.ts';

/**
 * Test databases. A new PGlite instance takes seconds, so one is shared per test worker
 * (vitest runs files of a worker one after another) and every test file gets a schema of its own,
 * migrated from scratch. With DATABASE_URL set the same happens on that PostgreSQL server.
 */
let shared: Promise<PGlite> | undefined;
const keepText = (v: string) => v;

function sharedPglite(): Promise<PGlite> {
  shared ??= (async () => {
    const p = new PGlite({ parsers: { 1082: keepText, 20: keepText, 1700: keepText } });
    await p.waitReady;
    await p.exec(planCacheSetting('pglite'));
    return p;
  })();
  return shared;
}

export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export async function createTestDb(): Promise<Database> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 1082 || oid === 20 || oid === 1700 ? keepText : pg.types.getTypeParser(oid === 1182 ? 1009 : oid, format as 'text'),
    };
    const pool = new pg.Pool({ connectionString: url, max: 4, types, options: `-c search_path=${schema}` });
    // an idle connection ended by the server is dropped, not the test worker
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    await migrateToLatest(db, schema);
    return {
      db,
      kind: 'postgres',
      databaseUrl: url,
      // The schema is left in place: Kysely's migrator introspects every schema of the database, and a
      // schema dropped by another worker in the middle of that query makes it fail. The PostgreSQL
      // server used for tests is a throwaway one (scripts/with-postgres.sh).
      close: async () => {
        await db.destroy();
      },
    };
  }
  const pglite = await sharedPglite();
  await pglite.exec(`create schema ${schema}; set search_path to ${schema}`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db, schema);
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await pglite.exec(`set search_path to public; drop schema ${schema} cascade`);
    },
  };
}

/**
 * Another handle on the same test database through connections of its own, as a second server
 * process would have (PostgreSQL: a separate pool on the same schema). PGlite has one connection
 * per process, so there it is the same handle.
 */
export async function secondConnection(database: Database): Promise<Kysely<DB>> {
  if (database.kind !== 'postgres' || !database.databaseUrl) return database.db;
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === 1082 || oid === 20 || oid === 1700 ? keepText : pg.types.getTypeParser(oid === 1182 ? 1009 : oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: database.databaseUrl, max: 2, types, options: `-c search_path=${rows[0]?.s}` });
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}
