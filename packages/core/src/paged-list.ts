import { sql } from '@kechuang/db';
import type { SelectQueryBuilder } from 'kysely';
import { type PageInput, pageTotal, pageWindow } from './query.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One page of a filtered and ordered query: its rows carry `count(*) over ()` as the total; past the last page
 * the total is counted apart (the same query without its order and selection).
 */
export async function pagedList<D, TB extends keyof D, O, T>(
  query: SelectQueryBuilder<D, TB, O>,
  input: PageInput,
  toItem: (row: O) => T,
): Promise<Page<T>> {
  const window = pageWindow(input);
  const rows = (await query.select(sql<string>`count(*) over ()`.as('total')).limit(window.limit).offset(window.offset).execute()) as Array<
    O & { total: string }
  >;
  const count = async () =>
    (await query.clearSelect().clearOrderBy().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()) as { n: string };
  return { items: rows.map(toItem), total: await pageTotal(rows, input, count), page: input.page, pageSize: input.pageSize };
}
