import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { prepareValue } from 'pg/lib/utils.js';

/**
 * Kysely over embedded PGlite. PGlite has one connection, so a connection is handed out to one
 * user at a time (a FIFO mutex): a transaction holds it until commit, and no other request's
 * statement can slip inside it.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private queue: Array<() => void> = [];
  private busy = false;
  private readonly connection: PGliteConnection;
  constructor(pg: PGlite) {
    this.connection = new PGliteConnection(pg);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.busy = true;
    return this.connection;
  }
  async releaseConnection() {
    const next = this.queue.shift();
    if (next) next();
    else this.busy = false;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery({ sql: `begin${iso}`, parameters: [] } as unknown as CompiledQuery);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }
  async destroy() {}
}

/** Concatenates protocol messages into one buffer. */
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Migrations send several statements at once, which only the simple protocol accepts.
    if (query.parameters.length === 0 && /;\s*\S/.test(query.sql)) {
      const results = await this.pg.exec(query.sql);
      return { rows: (results.at(-1)?.rows ?? []) as R[] };
    }
    const res = await this.extended<R>(query.sql, query.parameters);
    const affected = res.affectedRows ?? 0;
    const isWrite = /^\s*(insert|update|delete|merge)/i.test(query.sql);
    return {
      rows: res.rows,
      ...(isWrite ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  /**
   * One statement with parameters in a single pass through the database: Parse, Bind, Describe, Execute and
   * Sync sent as one message, as node-postgres does over a socket. PGlite's own query() sends them one at a time
   * (and a Describe of the statement first, to learn the parameter types), six passes through the WebAssembly
   * boundary for every statement. Parameters are encoded the way node-postgres encodes them (its prepareValue),
   * so a statement binds the same values on the embedded database as on PostgreSQL; the server infers their
   * types, and results are parsed with the instance's parsers. On an error the database skips to the Sync and
   * execProtocol throws it.
   */
  private async extended<R>(text: string, parameters: ReadonlyArray<unknown>) {
    const values = parameters.map((v) => prepareValue(v));
    const message = concat([
      protocol.serialize.parse({ text }),
      protocol.serialize.bind({ values: values as (string | null)[] }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    const { messages } = await this.pg.execProtocol(message);
    const parsers = (this.pg as unknown as { parsers: Parameters<typeof parse.parseResults>[1] }).parsers;
    return parse.parseResults(messages, parsers)[0] as unknown as { rows: R[]; affectedRows?: number };
  }
  // biome-ignore lint/correctness/useYield: streaming is not used; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}
