import { regionPrefix } from '@kechuang/contracts';

/** A LIKE pattern matching the text anywhere, with the LIKE wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A LIKE pattern matching a region code and every code below it. */
export function subtreePattern(regionCode: string): string {
  return `${regionPrefix(regionCode)}%`;
}

export interface PageInput {
  page: number;
  pageSize: number;
}

/** Page window for a query whose rows carry `count(*) over ()` as `total`. */
export function pageWindow(input: PageInput) {
  return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
}

/**
 * The total of a page whose rows carry `count(*) over ()`. Past the last page there are no rows to carry it,
 * so the count is asked for separately.
 */
export async function pageTotal(
  rows: ReadonlyArray<{ total: unknown }>,
  input: PageInput,
  count: () => Promise<{ n: unknown }>,
): Promise<number> {
  if (rows.length > 0 || input.page === 1) return Number(rows[0]?.total ?? 0);
  return Number((await count()).n);
}

/**
 * The total when a page itself tells it: a first page that is not full holds every matching row, and so does a
 * later page with some rows but fewer than a page. Otherwise (a full page, or nothing past the end) only a
 * count can tell, and this returns undefined.
 */
export function totalFromPage(rowCount: number, input: PageInput): number | undefined {
  const offset = (input.page - 1) * input.pageSize;
  if (rowCount >= input.pageSize) return undefined;
  if (rowCount > 0 || input.page === 1) return offset + rowCount;
  return undefined;
}
