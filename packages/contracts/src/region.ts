import { z } from 'zod';

/** GB/T 2260 six-digit administrative division code: the natural key of a region everywhere. */
export const ZRegionCode = z.string().regex(/^[1-9]\d{5}$/, '行政区划代码应为 6 位数字');
export type TRegionCode = z.infer<typeof ZRegionCode>;

/** 1 province-level, 2 prefecture-level, 3 county-level. */
export const ZRegionLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const ZRegion = z
  .object({
    code: ZRegionCode,
    name: z.string(),
    level: ZRegionLevel,
    parentCode: ZRegionCode.nullable(),
    initials: z.string().describe('pinyin initials of the name, for search (衡阳市 → hys)'),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    successorCode: ZRegionCode.nullable(),
  })
  .meta({ id: 'Region' });
export type TRegion = z.infer<typeof ZRegion>;

export const ZRegionListQuery = z.strictObject({
  parent: ZRegionCode.optional().describe('children of this region; omitted = provinces'),
  q: z.string().max(50).optional().describe('search by name or pinyin initials'),
  includeRetired: z.stringbool().default(false),
});

export const ZRegionChangeKind = z.enum(['rename', 'merge', 'recode', 'create', 'abolish']);
export const ZRegionChangeInput = z.strictObject({
  kind: ZRegionChangeKind,
  effectiveDate: z.iso.date(),
  /** retired code(s): for rename/recode one, for merge several, empty for create */
  fromCodes: z.array(ZRegionCode).max(20).default([]),
  /** the new or surviving region; absent for abolish */
  to: z
    .strictObject({
      code: ZRegionCode,
      name: z.string().min(1).max(50),
      parentCode: ZRegionCode.nullable(),
    })
    .optional(),
  note: z.string().max(500).default(''),
});
export type TRegionChangeInput = z.infer<typeof ZRegionChangeInput>;

export const ZRegionChange = z
  .object({
    id: z.number().int(),
    kind: ZRegionChangeKind,
    effectiveDate: z.string(),
    fromCodes: z.array(z.string()),
    toCode: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: 'RegionChange' });
export type TRegionChange = z.infer<typeof ZRegionChange>;

/**
 * The code prefix shared by a region and everything below it: 430000 → "43", 430400 → "4304",
 * 430421 → "430421". GB/T 2260 codes encode the hierarchy, and a region moved to another parent
 * gets a new code, so prefix containment is the subtree relation.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function regionContains(ancestor: string, code: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}
