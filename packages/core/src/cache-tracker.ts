import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { everything } from './cache.ts';

type Node = { kind?: string; [k: string]: unknown };

function nameOfTable(node: unknown): string | null {
  const n = node as Node | undefined;
  if (!n) return null;
  if (n.kind === 'AliasNode') return nameOfTable(n.node);
  if (n.kind === 'TableNode') {
    const id = (n.table as { identifier?: { name?: string } } | undefined)?.identifier?.name;
    return id ?? null;
  }
  return null;
}

function columnOf(update: unknown): string | null {
  const col = (update as { column?: { column?: { name?: string } } }).column;
  return col?.column?.name ?? null;
}

// a write in hand-written SQL: the verb and the table it names (a schema prefix and quotes dropped)
const rawWrite = /\b(insert\s+into|update|delete\s+from|merge\s+into)\s+(?:only\s+)?((?:"?\w+"?\.)?"?\w+"?)/gi;
const rawUnknown = /\b(truncate|copy|alter|drop|create)\b/i;

/**
 * A Kysely plugin that notes what a transaction writes, as cache tags (see cache.ts): an insert into `t` gives
 * `t`; an update gives `t` and `t.<column>` for each column set; a delete or an upsert gives `t` and `t.*`.
 * Hand-written SQL is read for its verbs and tables; what cannot be told gives `*` (everything). Modules need
 * nothing for it: `withAudit` hands them a transaction with this plugin.
 */
export class WriteTracker implements KyselyPlugin {
  private written = new Set<string>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.visit(args.node as unknown as Node, 0);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** the tags written so far; `*` when something could not be told */
  tags(): string[] {
    return this.written.has(everything) ? [everything] : [...this.written].sort();
  }

  private table(name: string | null, columns: 'all' | string[]) {
    if (!name) {
      this.written.add(everything);
      return;
    }
    this.written.add(name);
    if (columns === 'all') this.written.add(`${name}.*`);
    else for (const c of columns) this.written.add(`${name}.${c}`);
  }

  private visit(node: unknown, depth: number): void {
    // file bytes and other binary parameters: nothing in them is a write, and walking them cost seconds a megabyte
    if (!node || typeof node !== 'object' || depth > 60 || ArrayBuffer.isView(node)) return;
    if (Array.isArray(node)) {
      for (const x of node) this.visit(x, depth + 1);
      return;
    }
    const n = node as Node;
    switch (n.kind) {
      // the values a statement sends (a row's fields, a JSON document, a file) are data, never statements: a
      // document shaped like a query must not be read as one
      case 'ValueNode':
      case 'PrimitiveValueListNode':
        return;
      case 'InsertQueryNode': {
        const conflict = n.onConflict as { updates?: unknown[] } | undefined;
        const dup = n.onDuplicateKey as unknown;
        this.table(nameOfTable(n.into), conflict?.updates || dup ? 'all' : []);
        break;
      }
      case 'UpdateQueryNode': {
        const updates = (n.updates as unknown[] | undefined) ?? [];
        const cols = updates.map(columnOf);
        const table = n.table as Node | undefined;
        const tables = table?.kind === 'ListNode' ? ((table.items as unknown[]) ?? []) : [table];
        for (const t of tables) this.table(nameOfTable(t), cols.includes(null) ? 'all' : (cols as string[]));
        break;
      }
      case 'DeleteQueryNode': {
        const froms = ((n.from as { froms?: unknown[] } | undefined)?.froms ?? []) as unknown[];
        if (froms.length === 0) this.written.add(everything);
        for (const f of froms) this.table(nameOfTable(f), 'all');
        break;
      }
      case 'MergeQueryNode':
        this.table(nameOfTable(n.into), 'all');
        break;
      case 'RawNode': {
        const text = ((n.sqlFragments as string[] | undefined) ?? []).join(' ');
        if (rawUnknown.test(text)) this.written.add(everything);
        for (const m of text.matchAll(rawWrite)) {
          const name = (m[2] ?? '').replaceAll('"', '').split('.').pop() ?? '';
          // "for update" / "do update set" are not writes to a table called "skip" or "set"; harmless either way
          this.table(name || null, 'all');
        }
        break;
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'kind' && v && typeof v === 'object') this.visit(v, depth + 1);
  }
}
