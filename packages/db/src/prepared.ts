import type pg from 'pg';

/**
 * Which statements are worth keeping prepared: queries and data changes. Transaction control, settings, DDL and
 * several statements sent at once (migrations) run unprepared, as before.
 */
export function isPreparable(text: string): boolean {
  return preparing() && /^\s*(select|insert|update|delete|with|merge|values)\b/i.test(text) && !/;\s*\S/.test(text);
}

/**
 * `KECHUANG_PREPARED_STATEMENTS=off` sends every statement unprepared, as before: for a connection through a
 * transaction-pooling proxy (PgBouncer in transaction mode), or to compare plans.
 */
const preparing = () => process.env.KECHUANG_PREPARED_STATEMENTS !== 'off';

/**
 * How a kept statement is planned. PostgreSQL's own choice (auto) may keep one generic plan for every run once it
 * looks no dearer than planning for the values, and that plan stays while a table grows until the table is
 * analysed again: a plan made while `notification` was empty scanned it whole once it held 29,000 rows.
 * - PostgreSQL: planned afresh on every run (force_custom_plan), exactly as an unprepared statement is; what is
 *   saved is the parse and analysis. The planning is the server's work, not the serving process's.
 * - The embedded database: auto, as planning is the larger part of a short query's cost there, on the serving
 *   thread; the driver prepares every statement afresh after many rows written (pglite-dialect.ts), as it never
 *   analyses on its own.
 * `KECHUANG_PLAN_CACHE_MODE` takes PostgreSQL's values (auto, force_custom_plan, force_generic_plan) to compare.
 */
export function planCacheMode(kind: 'pglite' | 'postgres'): string {
  const mode = process.env.KECHUANG_PLAN_CACHE_MODE || (kind === 'pglite' ? 'auto' : 'force_custom_plan');
  if (!['auto', 'force_custom_plan', 'force_generic_plan'].includes(mode))
    throw new Error(`KECHUANG_PLAN_CACHE_MODE 只能是 auto、force_custom_plan 或 force_generic_plan（收到 ${mode}）`);
  return mode;
}

/** The setting for a session, run once when it opens (before any statement of the application). */
export const planCacheSetting = (kind: 'pglite' | 'postgres') => `set plan_cache_mode = ${planCacheMode(kind)}`;

/** The errors a kept statement can meet that running it afresh cures: the backend lost it, or its table changed. */
export function statementGone(e: unknown): 'missing' | 'stale' | null {
  const code = (e as { code?: string } | null)?.code;
  if (code === '26000') return 'missing'; // prepared statement does not exist
  if (code === '0A000' && /cached plan must not change result type/.test(String((e as Error).message))) return 'stale';
  return null;
}

/** A statement's kept name by its text (node-postgres remembers what it has parsed on each connection). */
interface ClientStatements {
  byText: Map<string, string>;
  /** transaction depth as this connection's statements show it: inside one, an error stands */
  inTransaction: boolean;
}

/** Statements kept prepared on each PostgreSQL connection; query shapes beyond this many run unprepared. */
const perConnection = 500;
let nextName = 0;

/**
 * A node-postgres pool whose connections keep each statement prepared under a name after its first run, so
 * PostgreSQL parses and analyses it once per connection, planned as planCacheMode says. Every request's statements are a handful of fixed
 * shapes, so this spares the server most of a short query's work. Connections of a transaction-pooling proxy
 * (PgBouncer in transaction mode) would not keep them: this deployment connects to PostgreSQL directly.
 */
export function preparingPool(pool: pg.Pool) {
  const clients = new WeakMap<pg.PoolClient, { client: pg.PoolClient; query: pg.PoolClient['query']; release: () => void }>();
  const state = new WeakMap<pg.PoolClient, ClientStatements>();
  const wrap = (client: pg.PoolClient) => {
    let w = clients.get(client);
    if (w) return w;
    const s: ClientStatements = { byText: new Map(), inTransaction: false };
    state.set(client, s);
    const run = async (text: string, values: unknown[], retried: boolean): Promise<pg.QueryResult> => {
      let name = s.byText.get(text);
      // a kept statement is known to be preparable: the text is only examined the first time
      if (name === undefined && !isPreparable(text)) {
        const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
        if (verb === 'begin' || verb === 'start') s.inTransaction = true;
        else if (verb === 'commit' || verb === 'rollback' || verb === 'end') s.inTransaction = false;
        return client.query(text, values);
      }
      if (name === undefined && s.byText.size < perConnection) {
        nextName += 1;
        name = `kc_${nextName}`;
        s.byText.set(text, name);
      }
      if (name === undefined) return client.query(text, values);
      try {
        return await client.query({ name, text, values });
      } catch (e) {
        const gone = statementGone(e);
        if (!gone) throw e;
        // forget it here and in node-postgres, so the next run parses it afresh under a new name
        s.byText.delete(text);
        const parsed = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;
        if (parsed) delete parsed[name];
        if (gone === 'missing') s.byText.clear();
        if (retried || s.inTransaction) throw e;
        return run(text, values, true);
      }
    };
    w = {
      client,
      // Kysely calls query(text, values) and, for streams, query(cursor); the cursor passes through
      query: ((textOrConfig: unknown, values?: unknown[]) =>
        typeof textOrConfig === 'string'
          ? run(textOrConfig, values ?? [], false)
          : (client.query as (q: unknown) => unknown)(textOrConfig)) as pg.PoolClient['query'],
      release: () => {
        s.inTransaction = false;
        client.release();
      },
    };
    clients.set(client, w);
    return w;
  };
  // each new connection plans as planCacheMode says; sent first, so it runs before the connection's first query
  const setting = planCacheSetting('postgres');
  pool.on('connect', (client) => {
    client.query(setting).catch(() => undefined);
  });
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
