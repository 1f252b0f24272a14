import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * Tables a backup leaves out: sign-in state is not carried to another installation (a restore must not
 * revive the sessions or trusted devices of the day of the backup), and the migrator's own bookkeeping
 * is rebuilt by the restore.
 */
export const notCarried = new Set(['session', 'known_device', 'kysely_migration', 'kysely_migration_lock']);

export interface TableInfo {
  name: string;
  /** columns a row is written back with (generated columns are recomputed) */
  columns: string[];
  identity: string[];
  /** tables this one references by foreign key (not itself) */
  references: string[];
}

/** The base tables of the current schema, with what a restore needs to know of each. */
export async function listTables(db: Q): Promise<TableInfo[]> {
  const { rows: cols } = await sql<{ t: string; c: string; generated: string; identity: string }>`
    select c.table_name as t, c.column_name as c, c.is_generated as generated, c.is_identity as identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const { rows: fks } = await sql<{ t: string; r: string }>`
    select distinct cl.relname as t, rf.relname as r
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_class rf on rf.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and cl.oid <> rf.oid`.execute(db);
  const byName = new Map<string, TableInfo>();
  for (const r of cols) {
    let info = byName.get(r.t);
    if (!info) {
      info = { name: r.t, columns: [], identity: [], references: [] };
      byName.set(r.t, info);
    }
    if (r.generated !== 'ALWAYS') info.columns.push(r.c);
    if (r.identity === 'YES') info.identity.push(r.c);
  }
  for (const fk of fks) byName.get(fk.t)?.references.push(fk.r);
  return [...byName.values()];
}

/** Tables ordered so that every table comes after the tables it references. */
export function loadOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: TableInfo, path: string[]) => {
    const s = state.get(t.name);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`foreign keys form a cycle: ${[...path, t.name].join(' → ')}`);
    state.set(t.name, 'visiting');
    for (const r of [...t.references].sort()) {
      const ref = byName.get(r);
      if (ref) visit(ref, [...path, t.name]);
    }
    state.set(t.name, 'done');
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, []);
  return out;
}

/**
 * Row text depends on session settings; both the backup and the restore fix them, so a server configured
 * with another DateStyle or float precision neither writes an ambiguous text nor misreads one.
 */
export async function pinTextFormats(db: Q): Promise<void> {
  await sql`set local datestyle = 'ISO, YMD'`.execute(db);
  await sql`set local intervalstyle = 'postgres'`.execute(db);
  await sql`set local extra_float_digits = 3`.execute(db);
  await sql`set local bytea_output = 'hex'`.execute(db);
  await sql`set local timezone = 'UTC'`.execute(db);
}

/**
 * Every row of a table in PostgreSQL's own text form of a row (`t::text`): exact for every type
 * (numeric, timestamptz, jsonb, arrays, bytea), the same on PGlite and on a PostgreSQL server, and read
 * back by the type's input function.
 */
export async function tableRows(db: Q, table: string): Promise<string[]> {
  const { rows } = await sql<{ r: string }>`select x::text as r from ${sql.table(table)} x`.execute(db);
  return rows.map((r) => r.r).sort();
}

/** Writes rows taken by tableRows back in one statement (so rows referring to rows of the same table load together). */
export async function insertRows(db: Q, table: TableInfo, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = table.columns.map((c) => sql.ref(c));
  const picks = table.columns.map((c) => sql`(s.r).${sql.ref(c)}`);
  await sql`
    insert into ${sql.table(table.name)} (${sql.join(cols)}) overriding system value
    select ${sql.join(picks)} from (select x::${sql.table(table.name)} as r from unnest(${rows}::text[]) x offset 0) s
  `.execute(db);
}

/** Identity sequences continue after the highest restored id. */
export async function resetIdentities(db: Q, table: TableInfo): Promise<void> {
  for (const c of table.identity) {
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(
      table.name,
    )}), 0) + 1, false)`.execute(db);
  }
}

/** Keys of stored files, found by column name: a column that holds a file-store key is named storage_key. */
export async function storedFileKeys(db: Q): Promise<string[]> {
  const { rows: where } = await sql<{ t: string; c: string }>`
    select table_name as t, column_name as c from information_schema.columns
    where table_schema = current_schema() and (column_name = 'storage_key' or column_name like '%\\_storage\\_key')`.execute(db);
  const keys = new Set<string>();
  for (const w of where) {
    const { rows } = await sql<{ k: string | null }>`select distinct ${sql.ref(w.c)} as k from ${sql.table(w.t)}`.execute(db);
    for (const r of rows) if (r.k) keys.add(r.k);
  }
  return [...keys].sort();
}
