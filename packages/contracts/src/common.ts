import { z } from 'zod';

/** RFC 9457 problem details, as every error response is shaped. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string().describe('zh-CN title for the user'),
    status: z.number().int(),
    code: z.string().describe('stable error code, see errorCatalog'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('field-level problems for validation errors'),
    rowErrors: z
      .array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() }))
      .optional()
      .describe('row-level problems of a rejected file import (sheet, 1-based row, column header, zh-CN message)'),
  })
  .meta({ id: 'Problem' });
export type TProblem = z.infer<typeof ZProblem>;

export const ZId = z.coerce.number().int().positive().max(2_147_483_647);
export const ZIdParams = z.strictObject({ id: ZId });

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ZOk = z.object({ ok: z.literal(true) });

export const ZHealth = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;
