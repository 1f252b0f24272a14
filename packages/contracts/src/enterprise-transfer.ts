import { z } from 'zod';
import { ZRegionCode } from './region.ts';

/*
 * Bulk exchange of the enterprise registry as .xlsx: export of the actor's scope, and an
 * all-or-nothing import of enterprises (upsert by 统一社会信用代码), yearly figures (upsert by
 * credit code and year), IP items (by credit code and number) and incidents (by credit code, date, kind). Money travels as 万元 in the workbook and as integer 分 everywhere else.
 *
 * Errors: a dry run (the default) answers 200 with every row-level problem in `errors` and
 * `applied: false`. A real import (`dryRun=false`) either applies everything (200, `applied: true`,
 * `errors: []`) or nothing: it answers 400 `enterprise/import_rows_invalid` with the same list in the
 * problem's `rowErrors`.
 */
export const enterpriseTransferLimits = { uploadBytes: 10 * 1024 * 1024, rows: 20_000 } as const;

export const enterpriseSheetNames = { enterprises: '企业名录', years: '年度数据', ipItems: '知识产权', incidents: '事故记录' } as const;

export const ZImportRowError = z
  .object({
    sheet: z.string().describe('sheet name, e.g. 企业名录'),
    row: z.number().int().describe('1-based row number as Excel shows it (1 = header row)'),
    column: z.string().describe('header text of the column, empty when the problem is the whole row'),
    message: z.string().describe('zh-CN'),
  })
  .meta({ id: 'ImportRowError' });
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZEnterpriseExportQuery = z.strictObject({
  region: ZRegionCode.optional().describe("only this region and below; default the actor's whole scope"),
});

export const ZEnterpriseImportQuery = z.strictObject({
  dryRun: z.stringbool().default(true).describe('true (default): validate and count only, write nothing'),
});

export const ZEnterpriseImportResult = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean().describe('true when the rows were written'),
    created: z.number().int().describe('enterprises new to the registry'),
    updated: z.number().int().describe('registered enterprises whose record changes'),
    unchanged: z.number().int().describe('registered enterprises whose row matches the record'),
    years: z.number().int().describe('enterprise-year rows saved (created or replaced)'),
    ipItems: z.number().int().describe('IP items saved (upsert by credit code and 专利号/登记号)'),
    incidents: z.number().int().describe('incidents saved (upsert by credit code, date and kind)'),
    errors: z.array(ZImportRowError).describe('every row-level problem; empty when the file can be applied'),
  })
  .meta({ id: 'EnterpriseImportResult' });
export type TEnterpriseImportResult = z.infer<typeof ZEnterpriseImportResult>;
