import { AppError, type TOrg, type TOrgCreate, type TOrgUpdate } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { assertRegionScope, requireRole } from '../policy.ts';
import { findRegion } from '../region/region.repository.ts';
import { findOrgView, orgConstraintError } from './org.repository.ts';

async function assertUsableRegion(tx: Transaction<DB>, code: string) {
  const region = await findRegion(tx, code);
  if (!region) throw new AppError('region/not_found', { code });
  if (region.valid_to) throw new AppError('region/retired', { code, successor: region.successor_code });
}

async function loadForChange(ctx: Ctx, tx: Transaction<DB>, id: number): Promise<TOrg> {
  const actor = requireRole(ctx, 'admin');
  const before = await findOrgView(tx, id);
  if (!before) throw new AppError('org/not_found', { id });
  assertRegionScope(actor, before.regionCode);
  return before;
}

function fields(input: TOrgCreate) {
  return {
    name: input.name,
    short_name: input.shortName,
    kind: input.kind,
    region_code: input.regionCode,
    uscc: input.uscc,
    contact: input.contact,
    phone: input.phone,
  };
}

export async function createOrg(ctx: Ctx, input: TOrgCreate): Promise<TOrg> {
  const actor = requireRole(ctx, 'admin');
  assertRegionScope(actor, input.regionCode);
  try {
    return await withAudit(ctx, async (tx, record) => {
      await assertUsableRegion(tx, input.regionCode);
      const { id } = await tx.insertInto('organization').values(fields(input)).returning('id').executeTakeFirstOrThrow();
      const after = (await findOrgView(tx, id)) as TOrg;
      record({ action: 'org.create', entityType: 'org', entityId: id, regionCode: after.regionCode, after });
      return after;
    });
  } catch (e) {
    throw orgConstraintError(e);
  }
}

export async function updateOrg(ctx: Ctx, id: number, input: TOrgUpdate): Promise<TOrg> {
  const actor = requireRole(ctx, 'admin');
  assertRegionScope(actor, input.regionCode);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const before = await loadForChange(ctx, tx, id);
      if (input.regionCode !== before.regionCode) await assertUsableRegion(tx, input.regionCode);
      const res = await tx
        .updateTable('organization')
        .set((eb) => ({ ...fields(input), updated_at: ctx.now(), version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
      const after = (await findOrgView(tx, id)) as TOrg;
      record({ action: 'org.update', entityType: 'org', entityId: id, regionCode: after.regionCode, before, after });
      return after;
    });
  } catch (e) {
    throw orgConstraintError(e);
  }
}

/** Disabling keeps the record (history refers to it); an organisation with active users stays. */
export async function setOrgDisabled(ctx: Ctx, id: number, input: { disabled: boolean; version: number }): Promise<TOrg> {
  return withAudit(ctx, async (tx, record) => {
    const before = await loadForChange(ctx, tx, id);
    if (input.disabled && before.userCount > 0) throw new AppError('org/has_users', { users: before.userCount });
    const res = await tx
      .updateTable('organization')
      .set((eb) => ({ disabled_at: input.disabled ? ctx.now() : null, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
    const after = (await findOrgView(tx, id)) as TOrg;
    record({
      action: input.disabled ? 'org.disable' : 'org.enable',
      entityType: 'org',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return after;
  });
}
