/**
 * The draft's schema lives in @kechuang/contracts (plan-draft.ts) — one vocabulary for the importer, the server and
 * the review page. Re-exported here under the importer's names so the importer's code and tests read naturally and
 * any drift between the two fails the type check.
 */
import type { TDraftRegionLevel } from '@kechuang/contracts';

export type { TPlanDraft as PlanDraft } from '@kechuang/contracts';
export {
  type TDraftBaseline as TBaseline,
  type TDraftRegion as TRegion,
  type TDraftRegionLevel as TRegionLevel,
  type TDraftSection as TSection,
  type TDraftTarget as TTarget,
  type TDraftTargetKind as TTargetKind,
  type TDraftTask as TTask,
  type TPlanDraft,
  ZDraftBaseline as ZBaseline,
  ZDraftRegion as ZRegion,
  ZDraftRegionLevel as ZRegionLevel,
  ZDraftSection as ZSection,
  ZDraftTarget as ZTarget,
  ZDraftTargetKind as ZTargetKind,
  ZDraftTask as ZTask,
  ZPlanDocKind as ZPlanKind,
  ZPlanDraft,
} from '@kechuang/contracts';

export type RegionResolver = (name: string) => { code: string; level: TDraftRegionLevel } | null;
export type ExtractOptions = { resolveRegion?: RegionResolver };
