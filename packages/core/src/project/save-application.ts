import { AppError, type TApplication, type TApplicationCreate, type TApplicationInput, type TApplicationUpdate } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { upsertPerson } from '../person/index.ts';
import { loadApplication } from './get-application.ts';
import { assertOwnApplication, canReadCall, requireApplicant } from './project.policy.ts';
import { addEvent, findApplicationRow, findCall } from './project.repository.ts';

/*
 * Drafts: an applicant unit writes its application from a published call and keeps it as long as it likes;
 * nothing is checked beyond the shape until it submits. Leader and members become person records
 * (recognised again by their identity number). A returned application is edited the same way.
 */

async function contentFields(tx: Transaction<DB>, actor: Actor, input: TApplicationInput) {
  const leaderId = await upsertPerson(tx, input.leader, actor.orgId);
  const members = [];
  for (const m of input.members) {
    members.push({
      personId: await upsertPerson(tx, m.person, m.person.employerName ? null : actor.orgId),
      role: m.role,
      workMonths: m.workMonths,
    });
  }
  return {
    title: input.title,
    field_code: input.fieldCode ?? null,
    recommender_org_id: input.recommenderOrgId ?? null,
    direction: input.direction ?? null,
    summary: input.summary ?? null,
    leader_person_id: leaderId,
    members: JSON.stringify(members),
    budget: JSON.stringify(input.budget),
    fiscal_fen: input.fiscalFen,
    self_fen: input.selfFen,
    targets: JSON.stringify(input.targets),
  };
}

/** What the audit row keeps of the content: no identity numbers. */
function auditView(input: TApplicationInput) {
  const { leader, members, ...rest } = input;
  return { ...rest, leader: leader.name, members: members.map((m) => m.person.name) };
}

export async function createApplication(ctx: Ctx, input: TApplicationCreate): Promise<TApplication> {
  const actor = requireApplicant(ctx);
  return withAudit(ctx, async (tx, record) => {
    const call = await findCall(tx, input.callId, ctx.now());
    if (!canReadCall(actor, call)) throw new AppError('auth/out_of_scope', { callId: input.callId });
    if (call.status !== 'published') throw new AppError('project/call_not_open', { id: call.id, status: call.status });
    const org = await tx.selectFrom('organization').select('region_code').where('id', '=', actor.orgId).executeTakeFirstOrThrow();
    const { id } = await tx
      .insertInto('project_application')
      .values({
        call_id: call.id,
        org_id: actor.orgId,
        region_code: org.region_code,
        created_by: actor.userId,
        ...(await contentFields(tx, actor, input)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(tx, ctx, id, 'create');
    record({
      action: 'project.application.create',
      entityType: 'project_application',
      entityId: id,
      regionCode: org.region_code,
      after: auditView(input),
    });
    return loadApplication(tx, id);
  });
}

export async function updateApplication(ctx: Ctx, id: number, input: TApplicationUpdate): Promise<TApplication> {
  const actor = requireApplicant(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = assertOwnApplication(actor, await findApplicationRow(tx, id, true), id);
    if (before.status !== 'draft' && before.status !== 'returned')
      throw new AppError('project/not_editable', { id, status: before.status });
    if (before.version !== input.version) throw new AppError('common/conflict', { id, version: input.version });
    const content = await contentFields(tx, actor, input);
    const res = await tx
      .updateTable('project_application')
      .set((eb) => ({ ...content, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
    await addEvent(tx, ctx, id, 'edit');
    record({
      action: 'project.application.update',
      entityType: 'project_application',
      entityId: id,
      regionCode: before.region_code,
      after: auditView(input),
    });
    return loadApplication(tx, id);
  });
}
