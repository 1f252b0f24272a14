import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZRegionCode } from './region.ts';

export const ZAuditEntry = z
  .object({
    id: z.string().describe('monotonic id (bigint as string)'),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actorUsername: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string().describe('module.verb, e.g. org.create'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    regionCode: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditListQuery = ZPageQuery.extend({
  actor: z.string().max(40).optional().describe('username'),
  action: z.string().max(60).optional().describe('exact action or module prefix (org.)'),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  region: ZRegionCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict();
export const ZAuditPage = pageOf(ZAuditEntry);
