import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZOrgKind } from './org.ts';
import { ZRegionCode } from './region.ts';

export const roles = ['admin', 'planner', 'reporter', 'expert', 'enterprise', 'viewer'] as const;
/**
 * admin 系统管理员; planner 科技局业务人员; reporter 责任单位填报人; expert 评审专家;
 * enterprise 企业用户; viewer 领导、上级（省厅）只读.
 */
export const ZRole = z.enum(roles);
export type TRole = z.infer<typeof ZRole>;

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,39}$/, '用户名为 3–40 位小写字母、数字或 . _ -，以字母开头');

export const ZUser = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    orgKind: ZOrgKind,
    regionCode: ZRegionCode,
    regionName: z.string(),
    roles: z.array(ZRole),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    disabled: z.boolean(),
    locked: z.boolean().describe('temporarily locked after failed sign-ins'),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type TUser = z.infer<typeof ZUser>;

export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().max(100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  role: ZRole.optional(),
  region: ZRegionCode.optional(),
  includeDisabled: z.stringbool().default(false),
}).strict();
export const ZUserPage = pageOf(ZUser);

const userFields = {
  displayName: z.string().trim().min(1).max(50),
  orgId: z.number().int().positive(),
  roles: z.array(ZRole).min(1, '至少选择一个角色').max(6),
  phone: z.string().trim().max(30).nullable().default(null),
  email: z.email().max(100).nullable().default(null),
};
export const ZUserCreate = z.strictObject({ username: ZUsername, ...userFields });
export type TUserCreate = z.infer<typeof ZUserCreate>;
export const ZUserUpdate = z.strictObject({ ...userFields, version: z.number().int() });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
export const ZUserDisable = z.strictObject({ disabled: z.boolean(), version: z.number().int() });

/** Returned once when an admin creates a user or resets a password: the temporary password. */
export const ZUserWithPassword = z.object({ user: ZUser, temporaryPassword: z.string() });
