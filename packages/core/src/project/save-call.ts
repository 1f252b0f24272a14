import { AppError, regionContains, type TCall, type TCallInput, type TCallUpdate } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireManagerOf } from './project.policy.ts';
import { findCall } from './project.repository.ts';

/*
 * 申报指南: written as a draft, published (then read-only: applicants rely on what they read), closed. The
 * window is checked on every write: it must close after it opens.
 */

function fields(input: TCallInput) {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt.getTime() <= opensAt.getTime())
    throw new AppError('project/invalid_window', { opensAt: input.opensAt, closesAt: input.closesAt });
  return {
    programme_id: input.programmeId,
    region_code: input.regionCode,
    year: input.year,
    title: input.title,
    directions: input.directions,
    max_grant_fen: input.maxGrantFen,
    budget_fen: input.budgetFen,
    opens_at: opensAt,
    closes_at: closesAt,
    required_attachments: input.requiredAttachments,
    limit_per_unit: input.limitPerUnit,
    limit_per_leader: input.limitPerLeader,
    recommendation: input.recommendation,
    eligibility: JSON.stringify(input.eligibility),
    demand: input.demand ? JSON.stringify(input.demand) : null,
  };
}

/**
 * The programme must belong to the call's region or one above it; a 揭榜挂帅 (open-competition) call carries
 * its demand (榜单), and no other call does.
 */
async function assertProgramme(tx: Transaction<DB>, input: TCallInput) {
  const p = await tx.selectFrom('project_programme').select(['region_code', 'kind']).where('id', '=', input.programmeId).executeTakeFirst();
  if (!p || !regionContains(p.region_code, input.regionCode))
    throw new AppError('project/programme_not_found', { programmeId: input.programmeId });
  if ((p.kind === 'open_competition') !== (input.demand !== null)) throw new AppError('project/demand_required', { kind: p.kind });
}

export async function createCall(ctx: Ctx, input: TCallInput): Promise<TCall> {
  requireManagerOf(ctx, input.regionCode);
  const values = fields(input);
  return withAudit(ctx, async (tx, record) => {
    await assertProgramme(tx, input);
    const { id } = await tx.insertInto('project_call').values(values).returning('id').executeTakeFirstOrThrow();
    record({ action: 'project.call.create', entityType: 'project_call', entityId: id, regionCode: input.regionCode, after: input });
    return findCall(tx, id, ctx.now());
  });
}

export async function updateCall(ctx: Ctx, id: number, input: TCallUpdate): Promise<TCall> {
  requireManagerOf(ctx, input.regionCode);
  const values = fields(input);
  return withAudit(ctx, async (tx, record) => {
    const before = await findCall(tx, id, ctx.now());
    requireManagerOf(ctx, before.regionCode);
    if (before.status !== 'draft') throw new AppError('project/call_not_draft', { id, status: before.status });
    await assertProgramme(tx, input);
    const res = await tx
      .updateTable('project_call')
      .set((eb) => ({ ...values, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
    record({ action: 'project.call.update', entityType: 'project_call', entityId: id, regionCode: input.regionCode, before, after: input });
    return findCall(tx, id, ctx.now());
  });
}

async function moveCall(ctx: Ctx, id: number, version: number, from: 'draft' | 'published', to: 'published' | 'closed') {
  return withAudit(ctx, async (tx, record) => {
    const before = await findCall(tx, id, ctx.now());
    requireManagerOf(ctx, before.regionCode);
    if (before.status !== from)
      throw new AppError(from === 'draft' ? 'project/call_not_draft' : 'project/call_not_published', { id, status: before.status });
    const stamp = to === 'published' ? { published_at: ctx.now() } : { closed_at: ctx.now() };
    const res = await tx
      .updateTable('project_call')
      .set((eb) => ({ status: to, ...stamp, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version });
    record({
      action: `project.call.${to === 'published' ? 'publish' : 'close'}`,
      entityType: 'project_call',
      entityId: id,
      regionCode: before.regionCode,
      before: { status: from },
      after: { status: to },
    });
    return findCall(tx, id, ctx.now());
  });
}

export const publishCall = (ctx: Ctx, id: number, version: number) => moveCall(ctx, id, version, 'draft', 'published');
/** Closing ends the call for good: no submission or resubmission after it, whatever the window said. */
export const closeCall = (ctx: Ctx, id: number, version: number) => moveCall(ctx, id, version, 'published', 'closed');
