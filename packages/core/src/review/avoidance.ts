import { AppError, type TAvoidance, type TReviewSubjectKind, ZAvoidanceInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { requireReviewReader } from './review.policy.ts';
import { batchOfSubject } from './review.repository.ts';

/*
 * 回避申请: before its panel is drawn, the applicant unit may name experts (by name, optionally with their
 * unit, or a whole unit) it asks to be kept off its panel, each with a reason, up to maxAvoidance; the draw
 * excludes them with that reason. The applicant never learns whether such an expert is in the pool.
 */

export const maxAvoidanceRequests = 3;

export async function addAvoidance(ctx: Ctx, raw: unknown): Promise<TAvoidance> {
  const input = ZAvoidanceInput.parse(raw);
  if (!input.personName && !input.orgName) throw new AppError('common/validation', { reason: 'name a person or a unit' });
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const batch = await batchOfSubject(tx, input.subjectKind, input.subjectId);
    const app = await tx
      .selectFrom('project_application')
      .select(['org_id', 'region_code', 'status'])
      .where('id', '=', input.subjectId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (isRegionWide(actor) || actor.orgId !== app.org_id) throw new AppError('auth/forbidden', { id: input.subjectId });
    if (app.status === 'draft' || app.status === 'withdrawn') throw new AppError('review/wrong_subject_status', { status: app.status });
    const drawn = await tx
      .selectFrom('review_panel')
      .select('id')
      .where('subject_kind', '=', input.subjectKind)
      .where('subject_id', '=', input.subjectId)
      .executeTakeFirst();
    if (drawn) throw new AppError('review/avoidance_too_late', { id: input.subjectId });
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
        person_name: input.personName ?? null,
        org_name: input.orgName ?? null,
        reason: input.reason,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({
      action: 'review.avoidance.add',
      entityType: 'project_application',
      entityId: input.subjectId,
      regionCode: app.region_code,
      after: { personName: row.person_name, orgName: row.org_name, reason: row.reason, batchId: batch.id },
    });
    return toAvoidance(row);
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

/** The requests of one application: for its own unit and for the bureau. */
export async function listAvoidances(ctx: Ctx, query: { subjectKind: TReviewSubjectKind; subjectId: number }): Promise<TAvoidance[]> {
  const actor = requireActor(ctx);
  const batch = await batchOfSubject(ctx.db, query.subjectKind, query.subjectId);
  if (isRegionWide(actor)) requireReviewReader(ctx, batch.regionCode);
  else if (actor.orgId !== batch.subjectOrgId) throw new AppError('auth/forbidden', { id: query.subjectId });
  const rows = await ctx.db
    .selectFrom('review_avoidance')
    .selectAll()
    .where('subject_kind', '=', query.subjectKind)
    .where('subject_id', '=', query.subjectId)
    .orderBy('id')
    .execute();
  return rows.map(toAvoidance);
}
