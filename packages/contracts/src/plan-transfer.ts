import { z } from 'zod';
import { ZIsoDate } from './enterprise.ts';
import { ZImportRowError } from './enterprise-transfer.ts';
import { ZStatusCounts } from './plan-execution.ts';

/*
 * A plan's tasks and targets as .xlsx for offline editing (export; all-or-nothing import that updates
 * by the hidden id column), and the 进度通报 bulletins generated from its progress (.docx + .xlsx,
 * archived).
 *
 * Import errors: a dry run (the default) answers 200 with every row-level problem in `errors`. A real
 * import (`dryRun=false`) either applies every row (200, `applied: true`) or nothing: 400
 * `plan/xlsx_rows_invalid` with the same list in the problem's `rowErrors`. A file of another plan is
 * 400 `plan/xlsx_wrong_plan`; a file exported before the plan's last edit is 409 `plan/xlsx_stale`.
 */
export const planTransferLimits = { uploadBytes: 10 * 1024 * 1024, rows: 5000 } as const;

export const planSheetNames = { tasks: '任务', targets: '指标', meta: '_kechuang' } as const;

/** 报送周期 as the workbook shows it */
export const cycleLabels = { none: '不报送', monthly: '按月', quarterly: '按季', custom: '自定义' } as const;

export const ZPlanXlsxImportQuery = z.strictObject({
  dryRun: z.stringbool().default(true).describe('true (default): validate and count only, write nothing'),
});

export const ZPlanXlsxImportResult = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean().describe('true when the rows were written'),
    tasksUpdated: z.number().int(),
    targetsUpdated: z.number().int(),
    unchanged: z.number().int().describe('rows whose editable cells match the plan'),
    version: z.number().int().describe('the plan version after the import (unchanged on a dry run)'),
    errors: z.array(ZImportRowError).describe('every row-level problem; empty when the file can be applied'),
  })
  .meta({ id: 'PlanXlsxImportResult' });
export type TPlanXlsxImportResult = z.infer<typeof ZPlanXlsxImportResult>;

// ---------- 进度通报 ----------

export const ZBulletinCreate = z.strictObject({
  asOf: ZIsoDate.optional().describe('the day progress is reported as of; default today'),
  periodLabel: z.string().trim().min(1).max(40).describe('e.g. 2026年第一季度, 2026年5月'),
  title: z.string().trim().min(2).max(100).optional().describe('default: 关于《plan》{periodLabel}进展情况的通报'),
  docNumber: z.string().trim().max(40).optional().describe('文号-like line, e.g. 衡科通〔2026〕3号; default 进度通报〔year〕第 n 期'),
});
export type TBulletinCreate = z.infer<typeof ZBulletinCreate>;

export const ZBulletinSummary = z.object({
  docNumber: z.string(),
  tasks: z.number().int(),
  completion: z.number(),
  counts: ZStatusCounts,
  lagging: z.number().int().describe('tasks lagging, severely lagging or overdue unreported'),
  targets: z.number().int(),
  targetsMet: z.number().int(),
});
export type TBulletinSummary = z.infer<typeof ZBulletinSummary>;

export const ZBulletin = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    title: z.string(),
    periodLabel: z.string(),
    asOf: ZIsoDate,
    summary: ZBulletinSummary,
    docxBytes: z.number().int(),
    xlsxBytes: z.number().int(),
    generatedBy: z.string().nullable(),
    generatedAt: z.string(),
  })
  .meta({ id: 'Bulletin' });
export type TBulletin = z.infer<typeof ZBulletin>;

export const ZBulletinList = z.object({ items: z.array(ZBulletin) }).meta({ id: 'BulletinList' });
export const ZBulletinFileParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  bulletinId: z.coerce.number().int().positive(),
  format: z.enum(['docx', 'xlsx']),
});
