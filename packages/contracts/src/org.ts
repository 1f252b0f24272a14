import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZRegionCode } from './region.ts';
import { isValidUscc } from './uscc.ts';

export const orgKinds = ['bureau', 'department', 'government', 'park', 'enterprise', 'institute', 'agency'] as const;
/** 科技局, 部门, 区县政府, 园区, 企业, 高校/院所, 服务机构 */
export const ZOrgKind = z.enum(orgKinds);
export type TOrgKind = z.infer<typeof ZOrgKind>;

export const ZUscc = z.string().trim().toUpperCase().refine(isValidUscc, { message: '统一社会信用代码校验失败' });

export const ZOrg = z
  .object({
    id: z.number().int(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: ZOrgKind,
    regionCode: ZRegionCode,
    regionName: z.string(),
    uscc: z.string().nullable(),
    contact: z.string().nullable(),
    phone: z.string().nullable(),
    disabled: z.boolean(),
    userCount: z.number().int(),
    version: z.number().int().describe('optimistic concurrency token; send it back when updating'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Org' });
export type TOrg = z.infer<typeof ZOrg>;

export const ZOrgListQuery = ZPageQuery.extend({
  q: z.string().max(100).optional(),
  kind: ZOrgKind.optional(),
  region: ZRegionCode.optional().describe('only this region and below'),
  includeDisabled: z.stringbool().default(false),
  sort: z.enum(['name', 'region', 'createdAt']).default('region'),
}).strict();
export const ZOrgPage = pageOf(ZOrg);

const orgFields = {
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(100),
  shortName: z.string().trim().max(30).nullable().default(null),
  kind: ZOrgKind,
  regionCode: ZRegionCode,
  uscc: ZUscc.nullable().default(null),
  contact: z.string().trim().max(50).nullable().default(null),
  phone: z.string().trim().max(30).nullable().default(null),
};
export const ZOrgCreate = z.strictObject(orgFields);
export type TOrgCreate = z.infer<typeof ZOrgCreate>;
export const ZOrgUpdate = z.strictObject({ ...orgFields, version: z.number().int() });
export type TOrgUpdate = z.infer<typeof ZOrgUpdate>;
export const ZOrgDisable = z.strictObject({ disabled: z.boolean(), version: z.number().int() });
