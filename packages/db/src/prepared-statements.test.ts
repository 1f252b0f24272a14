import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './open.ts';
import { createTestDb } from './testing.ts';

// Both drivers keep statements prepared by their text and reuse them; these are the cases where a kept statement
// could answer wrongly or fail where an unprepared one would not.
let d: Database;
let db: Kysely<unknown>;
beforeAll(async () => {
  d = await createTestDb();
  db = d.db as unknown as Kysely<unknown>;
  await sql`create table prep_probe (id int primary key, label text not null)`.execute(db);
});
afterAll(async () => d?.close());

const labelOf = async (id: number) =>
  (await sql<{ label: string }>`select label from prep_probe where id = ${id}`.execute(db)).rows[0]?.label ?? null;

describe('prepared statements', () => {
  it('the same text with other values answers for those values', async () => {
    await sql`insert into prep_probe (id, label) values (${1}, ${'一'}), (${2}, ${'二'})`.execute(db);
    for (let i = 0; i < 8; i++) {
      expect(await labelOf(1)).toBe('一');
      expect(await labelOf(2)).toBe('二');
      expect(await labelOf(3)).toBeNull();
    }
  });

  it('a statement that failed on its first run runs again (and a syntax error leaves nothing behind)', async () => {
    const insert = (id: number, label: string) => sql`insert into prep_probe (id, label) values (${id}, ${label})`.execute(db);
    await expect(insert(1, '重复')).rejects.toMatchObject({ code: '23505' });
    await insert(10, '十');
    expect(await labelOf(10)).toBe('十');
    await expect(sql`selec ${1}`.execute(db)).rejects.toMatchObject({ code: '42601' });
    await expect(sql`selec ${1}`.execute(db)).rejects.toMatchObject({ code: '42601' });
    expect(await labelOf(10)).toBe('十');
  });

  it('statements prepared in a rolled-back transaction still answer afterwards', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`update prep_probe set label = ${'改'} where id = ${2}`.execute(tx);
        expect((await sql<{ label: string }>`select label from prep_probe where id = ${2} and ${true}`.execute(tx)).rows[0]?.label).toBe(
          '改',
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await sql<{ label: string }>`select label from prep_probe where id = ${2} and ${true}`.execute(db)).rows[0]?.label).toBe('二');
    await sql`update prep_probe set label = ${'二'} where id = ${2}`.execute(db);
  });

  it('a statement kept from when its table was empty is planned anew once the table has grown', async () => {
    // a generic plan kept from the empty table would scan it whole (planCacheMode)
    await sql`create table prep_growth (k text primary key)`.execute(db);
    await db.transaction().execute(async (tx) => {
      const probe = (k: string) => sql`select k from prep_growth where k = ${k}`.execute(tx);
      for (let i = 0; i < 8; i++) expect((await probe(`k${i}`)).rows).toEqual([]);
      await sql`insert into prep_growth select 'k' || g from generate_series(1, 5000) g`.execute(tx);
      expect((await probe('k5')).rows).toEqual([{ k: 'k5' }]);
      const plans = await sql<{ generic_plans: string | number; custom_plans: string | number }>`
        select generic_plans, custom_plans from pg_prepared_statements where statement like ${'%from prep_growth where k = $1'}`.execute(
        tx,
      );
      expect(plans.rows).toHaveLength(1);
      expect(Number(plans.rows[0]?.generic_plans)).toBe(0);
    });
  });

  it('a changed table re-analyses the statement: a new column shows, a dropped statement is prepared again', async () => {
    const star = () => sql<Record<string, unknown>>`select * from prep_probe where id = ${1}`.execute(db);
    expect(Object.keys((await star()).rows[0] ?? {})).toEqual(['id', 'label']);
    await sql`alter table prep_probe add column note text default 'n'`.execute(db);
    expect((await star()).rows[0]).toEqual({ id: 1, label: '一', note: 'n' });
    await sql`deallocate all`.execute(db);
    expect((await star()).rows[0]).toEqual({ id: 1, label: '一', note: 'n' });
    expect(await labelOf(2)).toBe('二');
  });

  it('more query shapes than are kept prepared all answer, and again after', async () => {
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 620; i++) {
        const { rows } = await sql<{ n: number }>`select ${sql.lit(i)}::int + ${1}::int as n`.execute(db);
        expect(rows[0]?.n).toBe(i + 1);
      }
    expect(await labelOf(1)).toBe('一');
  });
});
