import { z } from 'zod';
import { ZRegionCode } from './region.ts';

/**
 * Region boundary files for the indicator map (docs/decisions/0008-map-boundaries.md). The product ships
 * no boundaries; an admin uploads the bureau's approved GeoJSON (审图号) for a parent region. Each feature
 * carries a child region's code in `adcode` or `code` (number or string).
 */
export const regionBoundaryLimits = { uploadBytes: 10 * 1024 * 1024, features: 500, positions: 2_000_000 } as const;

export const ZBoundaryRegionParams = z.strictObject({ region: ZRegionCode });

export const ZBoundaryUploadQuery = z.strictObject({
  dryRun: z.stringbool().default(false).describe('true: only check the file and return the match report'),
  note: z.string().max(500).default('').describe('source of the map and its 审图号, e.g. 湘S〔2024〕123号'),
});

/** One problem of an uploaded file, in the style of an import's row errors (feature = its index, from 1). */
export const ZBoundaryIssue = z
  .object({
    feature: z.number().int().nullable().describe('1-based feature index; null for a child region without a feature'),
    code: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'BoundaryIssue' });
export type TBoundaryIssue = z.infer<typeof ZBoundaryIssue>;

export const ZBoundaryReport = z
  .object({
    regionCode: ZRegionCode,
    regionName: z.string(),
    featureCount: z.number().int(),
    matched: z.array(z.object({ code: ZRegionCode, name: z.string() })),
    /** features whose code is missing, duplicated or not a child region: the file is refused */
    unmatched: z.array(ZBoundaryIssue),
    /** child regions no feature draws: reported, the file is accepted (they show as blank) */
    missing: z.array(ZBoundaryIssue),
    saved: z.boolean(),
  })
  .meta({ id: 'BoundaryReport' });
export type TBoundaryReport = z.infer<typeof ZBoundaryReport>;

export const ZRegionBoundary = z
  .object({
    regionCode: ZRegionCode,
    regionName: z.string(),
    /** the stored FeatureCollection; every feature's properties carry `code` (the matched child code) */
    geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).loose(),
    matchedCodes: z.array(ZRegionCode),
    sourceNote: z.string(),
    byteSize: z.number().int(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'RegionBoundary' });
export type TRegionBoundary = z.infer<typeof ZRegionBoundary>;
