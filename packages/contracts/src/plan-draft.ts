// The importer's draft of a plan document: shared by the importer, the server and the review page.
import { z } from 'zod';

/** Character span: UTF-16 indices into the extracted text, end exclusive. */
const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

export const ZDraftRegionLevel = z.enum(['province', 'city', 'county']);
export type TDraftRegionLevel = z.infer<typeof ZDraftRegionLevel>;

export const ZDraftRegion = z.object({ name: z.string(), code: z.string().nullable(), level: ZDraftRegionLevel.nullable() });
export type TDraftRegion = z.infer<typeof ZDraftRegion>;

export type TDraftSection = {
  number: string;
  title: string;
  start: number;
  end: number;
  children: TDraftSection[];
};
export const ZDraftSection: z.ZodType<TDraftSection> = z.lazy(() =>
  z.object({ number: z.string(), title: z.string(), ...span, children: z.array(ZDraftSection) }),
);

export const ZDraftTargetKind = z.enum(['level', 'increment', 'growth', 'share', 'rank', 'actual']);
export type TDraftTargetKind = z.infer<typeof ZDraftTargetKind>;

export const ZDraftTarget = z.object({
  indicator: z.object({ name: z.string(), code: z.string().nullable() }),
  value: z.number(),
  /** Upper bound when the text gives a range (8-10家); null otherwise. */
  valueMax: z.number().nullable(),
  unit: z.string(),
  normalized: z.object({ value: z.number(), unit: z.string() }),
  comparator: z.string().nullable(),
  qualifier: z.string().nullable(),
  kind: ZDraftTargetKind,
  targetYear: z.number().int().nullable(),
  quote: z.string(),
  ...span,
  /** Numbers of the enclosing sections, outermost first. */
  sectionPath: z.array(z.string()),
});
export type TDraftTarget = z.infer<typeof ZDraftTarget>;

export const ZDraftBaseline = ZDraftTarget.omit({ comparator: true, targetYear: true }).extend({ year: z.number().int().nullable() });
export type TDraftBaseline = z.infer<typeof ZDraftBaseline>;

export const ZDraftTask = z.object({
  number: z.string(),
  title: z.string(),
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  deadline: z.string().nullable(),
  ...span,
  sectionPath: z.array(z.string()),
});
export type TDraftTask = z.infer<typeof ZDraftTask>;

export const ZPlanDocKind = z.enum(['plan', 'summary']);

export const ZPlanDraft = z.object({
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) of issue when the document states it. */
  date: z.string().nullable(),
  region: ZDraftRegion.nullable(),
  year: z.number().int().nullable(),
  /** Multi-year plans (2023–2027); null for an annual plan. */
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  kind: ZPlanDocKind,
  sections: z.array(ZDraftSection),
  targets: z.array(ZDraftTarget),
  baselines: z.array(ZDraftBaseline),
  tasks: z.array(ZDraftTask),
});
export type TPlanDraft = z.infer<typeof ZPlanDraft>;
