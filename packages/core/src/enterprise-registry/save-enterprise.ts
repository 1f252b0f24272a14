import { AppError, type TEnterpriseCreate, type TEnterpriseDetail, type TEnterpriseUpdate } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import { assertRegionScope, hasRole, inRegionScope, requireActor, requireRole } from '../policy.ts';
import { findRegion } from '../region/region.repository.ts';
import { assertWritable } from './enterprise-registry.policy.ts';
import { enterpriseConstraintError, findEnterprise, loadEnterpriseDetail } from './enterprise-registry.repository.ts';
import { refreshLadder } from './ladder-tally.ts';

async function assertUsableRegion(tx: Transaction<DB>, code: string) {
  const region = await findRegion(tx, code);
  if (!region) throw new AppError('region/not_found', { code });
  if (region.valid_to) throw new AppError('region/retired', { code, successor: region.successor_code });
}

/** The linked account organisation must be an enterprise organisation the actor could see. */
async function assertUsableOrg(tx: Transaction<DB>, actor: Actor, orgId: number | null) {
  if (orgId === null) return;
  const org = await tx.selectFrom('organization').select(['kind', 'region_code']).where('id', '=', orgId).executeTakeFirst();
  if (org?.kind !== 'enterprise' || !inRegionScope(actor, org.region_code)) throw new AppError('enterprise/invalid_org', { orgId });
}

function fields(input: TEnterpriseCreate) {
  return {
    uscc: input.uscc,
    name: input.name,
    region_code: input.regionCode,
    industry_code: input.industryCode,
    registered_on: input.registeredOn,
    contact: input.contact,
    phone: input.phone,
    org_id: input.orgId,
  };
}

/** Registers an enterprise (the bureau: admin or planner, within their region subtree). */
export async function createEnterprise(ctx: Ctx, input: TEnterpriseCreate): Promise<TEnterpriseDetail> {
  const actor = requireRole(ctx, 'admin', 'planner');
  assertRegionScope(actor, input.regionCode);
  try {
    return await withAudit(ctx, async (tx, record) => {
      await assertUsableRegion(tx, input.regionCode);
      await assertUsableOrg(tx, actor, input.orgId);
      const { id } = await tx.insertInto('enterprise').values(fields(input)).returning('id').executeTakeFirstOrThrow();
      const after = (await loadEnterpriseDetail(tx, id, bureauDate(ctx.now()))) as TEnterpriseDetail;
      record({ action: 'enterprise.create', entityType: 'enterprise', entityId: id, regionCode: after.regionCode, after: fields(input) });
      return after;
    });
  } catch (e) {
    throw enterpriseConstraintError(e);
  }
}

/**
 * Changes the registry record. The bureau may move it within its subtree; an enterprise user keeps
 * its own record and may neither move it out of its account nor hand it to another organisation.
 */
export async function updateEnterprise(ctx: Ctx, id: number, input: TEnterpriseUpdate): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const before = assertWritable(actor, await findEnterprise(tx, id, bureauDate(ctx.now())), id);
      const bureau = hasRole(actor, 'admin', 'planner') && inRegionScope(actor, before.regionCode);
      if (bureau) {
        assertRegionScope(actor, input.regionCode);
        if (input.orgId !== before.orgId) await assertUsableOrg(tx, actor, input.orgId);
      } else if (input.orgId !== before.orgId || input.regionCode !== before.regionCode) {
        throw new AppError('auth/forbidden', { id, reason: 'an enterprise user cannot move or hand over its record' });
      }
      if (input.regionCode !== before.regionCode) await assertUsableRegion(tx, input.regionCode);
      const res = await tx
        .updateTable('enterprise')
        .set((eb) => ({ ...fields(input), updated_at: ctx.now(), version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
      if (input.regionCode !== before.regionCode) await refreshLadder(tx, id); // the tallies follow the enterprise
      const after = (await loadEnterpriseDetail(tx, id, bureauDate(ctx.now()))) as TEnterpriseDetail;
      record({
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: id,
        regionCode: after.regionCode,
        before,
        after: fields(input),
      });
      return after;
    });
  } catch (e) {
    throw enterpriseConstraintError(e);
  }
}
