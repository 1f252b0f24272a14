import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { WriteTracker } from './cache-tracker.ts';

// statements are only compiled here, never run: the plugin sees them as it would in a transaction
// biome-ignore lint/suspicious/noExplicitAny: any table will do
const db = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

function tagsOf(build: (k: typeof db) => { compile(): unknown }): string[] {
  const tracker = new WriteTracker();
  build(db.withPlugin(tracker)).compile();
  return tracker.tags();
}

describe('what a transaction writes, as cache tags', () => {
  it('names the table of an insert, the columns of an update, everything of a delete', () => {
    expect(tagsOf((k) => k.insertInto('project').values({ title: 'x' }))).toEqual(['project']);
    expect(tagsOf((k) => k.updateTable('session').set({ revoked_at: 'now' }).where('id', '=', 1))).toEqual([
      'session',
      'session.revoked_at',
    ]);
    expect(tagsOf((k) => k.deleteFrom('session').where('id', '=', 1))).toEqual(['session', 'session.*']);
    expect(tagsOf((k) => k.selectFrom('x').select(sql`1`.as('one')).where(sql<boolean>`true`))).toEqual([]);
  });

  it('reads hand-written SQL for its verbs and tables', () => {
    expect(tagsOf((k) => ({ compile: () => sql`update plan_node set title = ${'x'} where id = ${1}`.compile(k) }))).toEqual([
      'plan_node',
      'plan_node.*',
    ]);
    expect(tagsOf((k) => ({ compile: () => sql`truncate plan_node`.compile(k) }))).toEqual(['*']);
  });

  it('takes the values sent for data: a document shaped like a statement is not read as one', () => {
    const document = { kind: 'DeleteQueryNode', from: { froms: [] } };
    expect(tagsOf((k) => k.insertInto('audit_log').values({ after: document }))).toEqual(['audit_log']);
    expect(tagsOf((k) => k.insertInto('t').values([{ a: document }, { a: document }]))).toEqual(['t']);
  });

  it('never looks inside the bytes of a file or any other value', () => {
    let reads = 0;
    const watched = {};
    Object.defineProperty(watched, 'inside', {
      enumerable: true,
      get: () => {
        reads++;
        return { kind: 'MergeQueryNode' };
      },
    });
    const file = new Uint8Array(1 << 20);
    expect(tagsOf((k) => k.insertInto('plan_bulletin').values({ xlsx: file, summary: watched }))).toEqual(['plan_bulletin']);
    expect(
      tagsOf((k) =>
        k
          .updateTable('plan_bulletin')
          .set({ docx: Buffer.from(file) })
          .where('id', '=', 1),
      ),
    ).toEqual(['plan_bulletin', 'plan_bulletin.docx']);
    expect(reads).toBe(0);
  });
});
