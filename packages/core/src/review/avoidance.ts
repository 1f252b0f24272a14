import { AppError, maxAvoidanceRequests, type TAvoidance, type TReviewSubjectKind, ZAvoidanceInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { requireReviewReader } from './review.policy.ts';
import { batchOfSubject, type Db } from './review.repository.ts';
import { subjectSource } from './subjects.ts';

/*
 * 回避申请: before its panel is drawn, the applicant unit may name experts (by name, optionally with their
 * unit, or a whole unit) it asks to be kept off its panel, each with a reason, up to maxAvoidanceRequests; the
 * draw excludes them with that reason. It may withdraw a request until the draw. The applicant never learns
 * whether such an expert is in the pool. Any subject kind: a project application, a platform 认定 application,
 * a project whose acceptance is coming.
 */

export { maxAvoidanceRequests };

const entityOf: Record<TReviewSubjectKind, string> = {
  project_application: 'project_application',
  platform_application: 'platform_application',
  acceptance: 'project',
};

/** The subject, locked, for its own unit's user, still without a panel. */
async function ownUndrawnSubject(tx: Db, actor: Actor, kind: TReviewSubjectKind, subjectId: number) {
  const batch = await batchOfSubject(tx, kind, subjectId, true);
  if (isRegionWide(actor) || batch.subjectOrgId === null || actor.orgId !== batch.subjectOrgId)
    throw new AppError('auth/forbidden', { id: subjectId });
  if (!subjectSource(kind).avoidable.includes(batch.subjectStatus))
    throw new AppError('review/wrong_subject_status', { status: batch.subjectStatus });
  const drawn = await tx
    .selectFrom('review_panel')
    .select('id')
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  if (drawn) throw new AppError('review/avoidance_too_late', { id: subjectId });
  return batch;
}

export async function addAvoidance(ctx: Ctx, raw: unknown): Promise<TAvoidance> {
  const input = ZAvoidanceInput.parse(raw);
  if (!input.personName && !input.orgName) throw new AppError('common/validation', { reason: 'name a person or a unit' });
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const batch = await ownUndrawnSubject(tx, actor, input.subjectKind, input.subjectId);
    const { n } = await tx
      .selectFrom('review_avoidance')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('subject_kind', '=', input.subjectKind)
      .where('subject_id', '=', input.subjectId)
      .executeTakeFirstOrThrow();
    if (Number(n) >= maxAvoidanceRequests) throw new AppError('review/avoidance_limit', { max: maxAvoidanceRequests });
    const row = await tx
      .insertInto('review_avoidance')
      .values({
        subject_kind: input.subjectKind,
        subject_id: input.subjectId,
        person_name: input.personName || null,
        org_name: input.orgName || null,
        reason: input.reason,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({
      action: 'review.avoidance.add',
      entityType: entityOf[input.subjectKind],
      entityId: input.subjectId,
      regionCode: batch.regionCode,
      after: { id: row.id, personName: row.person_name, orgName: row.org_name, reason: row.reason, batchId: batch.id },
    });
    return toAvoidance(row);
  });
}

/** The unit withdraws one of its requests, until the panel is drawn. */
export async function removeAvoidance(ctx: Ctx, id: number): Promise<{ id: number }> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('review_avoidance').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('review/avoidance_not_found', { id });
    const kind = row.subject_kind as TReviewSubjectKind;
    const batch = await ownUndrawnSubject(tx, actor, kind, row.subject_id);
    await tx.deleteFrom('review_avoidance').where('id', '=', id).execute();
    record({
      action: 'review.avoidance.withdraw',
      entityType: entityOf[kind],
      entityId: row.subject_id,
      regionCode: batch.regionCode,
      before: { id, personName: row.person_name, orgName: row.org_name, reason: row.reason },
      after: null,
    });
    return { id };
  });
}

function toAvoidance(r: {
  id: number;
  subject_kind: string;
  subject_id: number;
  person_name: string | null;
  org_name: string | null;
  reason: string;
  created_at: Date;
}): TAvoidance {
  return {
    id: r.id,
    subjectKind: r.subject_kind as TReviewSubjectKind,
    subjectId: r.subject_id,
    personName: r.person_name,
    orgName: r.org_name,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
  };
}

/** The requests of one subject: for its own unit and for the bureau. */
export async function listAvoidances(ctx: Ctx, query: { subjectKind: TReviewSubjectKind; subjectId: number }): Promise<TAvoidance[]> {
  const actor = requireActor(ctx);
  const batch = await batchOfSubject(ctx.db, query.subjectKind, query.subjectId);
  if (isRegionWide(actor)) requireReviewReader(ctx, batch.regionCode);
  else if (batch.subjectOrgId === null || actor.orgId !== batch.subjectOrgId) throw new AppError('auth/forbidden', { id: query.subjectId });
  const rows = await ctx.db
    .selectFrom('review_avoidance')
    .selectAll()
    .where('subject_kind', '=', query.subjectKind)
    .where('subject_id', '=', query.subjectId)
    .orderBy('id')
    .execute();
  return rows.map(toAvoidance);
}
