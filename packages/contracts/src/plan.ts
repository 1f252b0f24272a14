import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZDraftTargetKind, ZPlanDocKind, ZPlanDraft } from './plan-draft.ts';
import { ZRegionCode } from './region.ts';

/** Upper bounds shared by server and web. */
export const planLimits = { uploadBytes: 20 * 1024 * 1024, textChars: 2_000_000, nodes: 5000, targets: 3000 } as const;

/**
 * Beyond these a plan import runs as a background job (202 with the job, GET /api/jobs/:id): a confirm step with
 * more nodes and targets than `rows`, an .xlsx upload larger than `xlsxBytes` (about 500 rows). Smaller ones are
 * answered at once.
 */
export const planImportJobs = { rows: 500, xlsxBytes: 32 * 1024 } as const;

export const ZPlanImportText = z.strictObject({ text: z.string().min(1).max(planLimits.textChars) });
export const ZPlanImportQuery = z.strictObject({ filename: z.string().min(1).max(200) });

/** What an upload returns: the text the importer read and its draft. Nothing is stored yet. */
export const ZPlanImportResult = z
  .object({ filename: z.string().nullable(), text: z.string(), draft: ZPlanDraft })
  .meta({ id: 'PlanImportResult' });
export type TPlanImportResult = z.infer<typeof ZPlanImportResult>;

export const ZPlanNodeKind = z.enum(['section', 'task']);
export const ZPlanStatus = z.enum(['draft', 'published']);

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const units = z.array(z.string().trim().min(1).max(100)).max(30);

/** A node of the plan tree as the review page edits it: keys are client-side, parents by key. */
export const ZPlanNodeInput = z.strictObject({
  key: z.string().min(1).max(40),
  parentKey: z.string().min(1).max(40).nullable(),
  kind: ZPlanNodeKind,
  number: z.string().max(20),
  title: z.string().trim().min(1).max(500),
  ...span,
  leadUnits: units.default([]),
  coUnits: units.default([]),
  deadline: z.string().max(50).nullable().default(null),
});
export type TPlanNodeInput = z.infer<typeof ZPlanNodeInput>;

export const ZPlanTargetInput = z.strictObject({
  nodeKey: z.string().min(1).max(40).nullable(),
  indicatorName: z.string().trim().min(1).max(100),
  indicatorCode: z.string().max(60).nullable(),
  value: z.number().finite(),
  valueMax: z.number().finite().nullable().default(null),
  unit: z.string().max(20),
  normalizedValue: z.number().finite(),
  normalizedUnit: z.string().max(20),
  comparator: z.string().max(20).nullable(),
  qualifier: z.string().max(20).nullable(),
  kind: ZDraftTargetKind,
  targetYear: z.number().int().min(1990).max(2100).nullable(),
  quote: z.string().max(1000),
  ...span,
  baseline: z.boolean().default(false),
});
export type TPlanTargetInput = z.infer<typeof ZPlanTargetInput>;

/** Confirming a reviewed draft creates the plan with its tree and targets in one transaction. */
export const ZPlanCreate = z.strictObject({
  title: z.string().trim().min(2).max(200),
  docNumber: z.string().trim().max(60).nullable().default(null),
  issuer: z.string().trim().max(100).nullable().default(null),
  issuedOn: z.iso.date().nullable().default(null),
  regionCode: ZRegionCode,
  year: z.number().int().min(1990).max(2100),
  periodTo: z.number().int().min(1990).max(2100).nullable().default(null),
  kind: ZPlanDocKind,
  sourceFilename: z.string().max(200).nullable().default(null),
  sourceText: z.string().max(planLimits.textChars).default(''),
  nodes: z.array(ZPlanNodeInput).max(planLimits.nodes),
  targets: z.array(ZPlanTargetInput).max(planLimits.targets),
  archived: z
    .boolean()
    .optional()
    .describe('keep as an archive (no reminders, no overdue); default: true when the plan’s last year is over'),
});
export type TPlanCreate = z.infer<typeof ZPlanCreate>;

export const ZPlanSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    docNumber: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    periodTo: z.number().int().nullable(),
    kind: ZPlanDocKind,
    status: ZPlanStatus,
    archived: z.boolean().describe('kept for the record: no reminders, no overdue periods'),
    taskCount: z.number().int(),
    targetCount: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlanSummary' });
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  position: z.number().int(),
  kind: ZPlanNodeKind,
  number: z.string(),
  title: z.string(),
  ...span,
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  deadline: z.string().nullable(),
});
export const ZPlanTarget = ZPlanTargetInput.omit({ nodeKey: true }).extend({ id: z.number().int(), nodeId: z.number().int().nullable() });

export const ZPlanDetail = ZPlanSummary.extend({
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  sourceFilename: z.string().nullable(),
  sourceText: z.string(),
  nodes: z.array(ZPlanNode),
  targets: z.array(ZPlanTarget),
  version: z.number().int(),
}).meta({ id: 'PlanDetail' });
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

/** What a plan.create job leaves as its result: the plan it created. */
export const ZPlanCreateJobResult = z.object({ plan: ZPlanSummary }).meta({ id: 'PlanCreateJobResult' });
export type TPlanCreateJobResult = z.infer<typeof ZPlanCreateJobResult>;

export const ZPlanListQuery = ZPageQuery.extend({
  q: z.string().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: ZRegionCode.optional(),
}).strict();
export const ZPlanPage = pageOf(ZPlanSummary);
