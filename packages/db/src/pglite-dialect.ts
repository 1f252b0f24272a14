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
import { isPreparable, statementGone } from './prepared.ts';

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

/**
 * The statements a PGlite instance keeps prepared, by SQL text, most recently used last. Shared by every
 * driver over the same instance (tests open several handles on one), as the names live in its one backend.
 */
class PreparedStatements {
  private readonly byText = new Map<string, string>();
  /** statements to close before the next one: evicted, or left behind by a failed first run */
  readonly toClose: string[] = [];
  private next = 0;
  constructor(private readonly capacity: number) {}

  /** The statement's name if it is prepared (and marks it used), else null. */
  get(text: string): string | null {
    const name = this.byText.get(text);
    if (name === undefined) return null;
    this.byText.delete(text);
    this.byText.set(text, name);
    return name;
  }
  /** A fresh name: a name is never reused, so a statement left behind by a failure cannot collide. */
  newName(): string {
    this.next += 1;
    return `kc_${this.next}`;
  }
  add(text: string, name: string) {
    this.byText.set(text, name);
    if (this.byText.size > this.capacity) {
      const [oldest, oldName] = this.byText.entries().next().value as [string, string];
      this.byText.delete(oldest);
      this.toClose.push(oldName);
    }
  }
  forget(text: string) {
    const name = this.byText.get(text);
    if (name === undefined) return;
    this.byText.delete(text);
    this.toClose.push(name);
  }
  /**
   * Rows written since the kept statements were prepared. A kept statement's generic plan was costed for the
   * tables as they were, and the embedded database never analyses on its own; once this many rows have been
   * written every statement is prepared afresh, so its plans see the tables' present size (the role autovacuum's
   * ANALYZE plays on a PostgreSQL server).
   */
  private written = 0;
  noteWritten(rows: number) {
    this.written += rows;
    if (this.written < replanAfterRows) return;
    this.written = 0;
    for (const name of this.byText.values()) this.toClose.push(name);
    this.byText.clear();
  }
  /** After the backend lost its statements (DEALLOCATE ALL, DISCARD ALL): start again. */
  clear() {
    this.byText.clear();
  }
}

const preparedByInstance = new WeakMap<PGlite, PreparedStatements>();
/** see PreparedStatements.noteWritten: a re-parse of the hot statements per thousand rows written is cheap */
const replanAfterRows = 1000;
/** Prepared statements kept per instance; a query shape beyond this many re-prepares when it comes back. */
const statementCapacity = 500;

class PGliteConnection implements DatabaseConnection {
  private readonly prepared: PreparedStatements;
  constructor(private readonly pg: PGlite) {
    let p = preparedByInstance.get(pg);
    if (!p) {
      p = new PreparedStatements(statementCapacity);
      preparedByInstance.set(pg, p);
    }
    this.prepared = p;
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Migrations send several statements at once, which only the simple protocol accepts.
    if (query.parameters.length === 0 && /;\s*\S/.test(query.sql)) {
      const results = await this.pg.exec(query.sql);
      return { rows: (results.at(-1)?.rows ?? []) as R[] };
    }
    const res = await this.extended<R>(query.sql, query.parameters);
    const affected = res.affectedRows ?? 0;
    const isWrite = /^\s*(insert|update|delete|merge)/i.test(query.sql);
    if (isWrite && affected > 0) this.prepared.noteWritten(affected);
    return {
      rows: res.rows,
      ...(isWrite ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  /**
   * One statement with parameters in a single pass through the database: Bind, Describe, Execute and Sync sent
   * as one message, as node-postgres does over a socket (PGlite's own query() sends them one at a time, with a
   * Describe of the statement first, six passes through the WebAssembly boundary for every statement).
   *
   * Statements are prepared under a name the first time their text is seen (Parse in the same message) and
   * reused after: the backend then skips parsing and analysis, and after a few runs PostgreSQL's plan cache
   * decides whether a generic plan may serve every parameter value or each run is planned for its values
   * (plan_cache_mode = auto, the same choice as for any prepared statement; prepared afresh after many rows
   * written, see noteWritten). Planning is the larger part of a short query's cost here, in WebAssembly on the
   * server's own thread. Prepared statements survive
   * transactions, and a changed search_path or table re-analyses them (the PREPARE documentation).
   *
   * Parameters are encoded the way node-postgres encodes them (its prepareValue), so a statement binds the same
   * values on the embedded database as on PostgreSQL; the server infers their types, and results are parsed
   * with the instance's parsers. On an error the database skips to the Sync and execProtocol throws it.
   */
  private async extended<R>(
    text: string,
    parameters: ReadonlyArray<unknown>,
    retried = false,
  ): Promise<{ rows: R[]; affectedRows?: number }> {
    const values = parameters.map((v) => prepareValue(v)) as (string | null)[];
    // a kept statement is known to be preparable: the text is only examined the first time
    const known = this.prepared.get(text);
    if (known === null && !isPreparable(text)) return this.unprepared<R>(text, values);
    const name = known ?? this.prepared.newName();
    const parts: Uint8Array[] = [];
    for (const old of this.prepared.toClose.splice(0)) parts.push(protocol.serialize.close({ type: 'S', name: old }));
    if (!known) parts.push(protocol.serialize.parse({ name, text }));
    parts.push(
      protocol.serialize.bind({ statement: name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    );
    let messages: Awaited<ReturnType<PGlite['execProtocol']>>['messages'];
    try {
      ({ messages } = await this.pg.execProtocol(concat(parts)));
    } catch (e) {
      const gone = statementGone(e);
      if (gone === 'missing') this.prepared.clear();
      else if (known) {
        if (gone === 'stale') this.prepared.forget(text);
      } else this.prepared.toClose.push(name); // Parse may have succeeded before the error
      // outside a transaction the statement can simply run again, prepared afresh; inside one the error stands
      if (gone && !retried && !this.pg.isInTransaction()) return this.extended<R>(text, parameters, true);
      throw e;
    }
    if (!known) this.prepared.add(text, name);
    return this.results<R>(messages);
  }

  /** Transaction control, settings and DDL: the unnamed statement, as any driver sends them. */
  private async unprepared<R>(text: string, values: (string | null)[]) {
    const message = concat([
      protocol.serialize.parse({ text }),
      protocol.serialize.bind({ values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    return this.results<R>((await this.pg.execProtocol(message)).messages);
  }

  private results<R>(messages: Awaited<ReturnType<PGlite['execProtocol']>>['messages']) {
    const parsers = (this.pg as unknown as { parsers: Parameters<typeof parse.parseResults>[1] }).parsers;
    // a Close answers with a message of its own, which the parser passes over
    return parse.parseResults(messages, parsers)[0] as unknown as { rows: R[]; affectedRows?: number };
  }
  // biome-ignore lint/correctness/useYield: streaming is not used; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}
