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
