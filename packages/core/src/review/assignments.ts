import {
  AppError,
  type TAssignmentStatus,
  type TMyAssignment,
  type TReviewSubjectKind,
  type TReviewSubjectView,
  type TRubric,
  ZDeclareInput,
  ZScoreInput,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole } from '../policy.ts';
import { sheetTotal } from './aggregate.ts';
import { batchTitles, subjectTitles } from './panels.ts';
import { requireExpertSelf, requireReviewManager } from './review.policy.ts';
import { addReviewEvent, type Db } from './review.repository.ts';
import { requireRubric } from './rubric.ts';
import { subjectSource } from './subjects.ts';

/*
 * The expert's side (and the meeting secretary's): an expert sees the assignments they were drawn for once the
 * review opens, declares no conflict (or one, or declines) before reading the application — a conflict or a
 * decline hands the seat to the next reserve in draw order, logged — then scores against the batch's rubric.
 * In a meeting review (会评) the secretary records the declarations and enters the scores.
 */

async function findAssignment(db: Db, id: number, lock = false) {
  let q = db
    .selectFrom('review_assignment as s')
    .innerJoin('review_panel as p', 'p.id', 's.panel_id')
    .innerJoin('expert as e', 'e.id', 's.expert_id')
    .select([
      's.id',
      's.panel_id',
      's.expert_id',
      's.position',
      's.seat',
      's.status',
      's.version',
      'e.user_id',
      'p.status as panel_status',
      'p.subject_kind',
      'p.subject_id',
      'p.batch_id',
      'p.region_code',
    ])
    .where('s.id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('review/assignment_not_found', { id });
  return row;
}
type AssignmentRow = Awaited<ReturnType<typeof findAssignment>>;

/**
 * Who acts on an assignment: the expert drawn for it (their own seat, review open), or — in a meeting review —
 * the bureau's secretary. Everyone else is refused the same way whether the assignment exists or not.
 */
async function actOn(
  ctx: Ctx,
  db: Db,
  a: AssignmentRow,
  rubric: TRubric | null,
  purpose: 'read' | 'act',
): Promise<{ actor: Actor; secretary: boolean }> {
  const actor = ctx.actor;
  if (actor && hasRole(actor, 'admin', 'planner') && !hasRole(actor, 'expert')) {
    requireReviewManager(ctx, a.region_code);
    // the bureau reads what its experts read; it acts for them only at a meeting review
    if (purpose === 'act' && rubric?.mode !== 'meeting')
      throw new AppError('auth/forbidden', { reason: 'online review: the experts declare and score themselves' });
    return { actor, secretary: true };
  }
  const self = await requireExpertSelf(ctx, db);
  // not drawn onto this seat, or not yet open: refused alike, without saying which
  if (self.expertId !== a.expert_id || !a.seat || a.panel_status === 'sealed')
    throw new AppError('auth/out_of_scope', { id: a.id, reason: 'not drawn for this review' });
  return { actor: self.actor, secretary: false };
}

export async function listMyAssignments(ctx: Ctx): Promise<TMyAssignment[]> {
  const { expertId } = await requireExpertSelf(ctx, ctx.db);
  const rows = await ctx.db
    .selectFrom('review_assignment as s')
    .innerJoin('review_panel as p', 'p.id', 's.panel_id')
    .leftJoin('review_rubric as r', (j) => j.onRef('r.batch_id', '=', 'p.batch_id').onRef('r.subject_kind', '=', 'p.subject_kind'))
    .select(['s.id', 's.panel_id', 's.status', 'p.subject_kind', 'p.subject_id', 'p.review_from', 'p.batch_id', 'p.review_to', 'r.mode'])
    .where('s.expert_id', '=', expertId)
    .where('s.seat', '=', true)
    .where('p.status', '!=', 'sealed')
    .orderBy('s.id', 'desc')
    .execute();
  const [titles, batches] = await Promise.all([subjectTitles(ctx.db, rows), batchTitles(ctx.db, rows)]);
  return rows.map((r) => ({
    id: r.id,
    panelId: r.panel_id,
    subjectKind: r.subject_kind as TMyAssignment['subjectKind'],
    subjectId: r.subject_id,
    subjectTitle: r.status === 'accepted' || r.status === 'submitted' ? (titles.get(`${r.subject_kind}:${r.subject_id}`) ?? '') : null,
    batchTitle: batches.get(`${r.subject_kind}:${r.batch_id}`) ?? '',
    status: r.status as TAssignmentStatus,
    mode: (r.mode ?? 'online') as TMyAssignment['mode'],
    reviewFrom: r.review_from,
    reviewTo: r.review_to,
  }));
}

export async function declareAssignment(
  ctx: Ctx,
  id: number,
  raw: unknown,
): Promise<{ status: TAssignmentStatus; replacedBy: number | null }> {
  const input = ZDeclareInput.parse(raw);
  return withAudit(ctx, async (tx, record) => {
    const a = await findAssignment(tx, id, true);
    const rubric = await requireRubric(tx, a.subject_kind, a.batch_id);
    await actOn(ctx, tx, a, rubric, 'act');
    if (a.panel_status === 'closed') throw new AppError('review/closed', { id });
    if (a.panel_status === 'sealed') throw new AppError('review/sealed', { id });
    if (a.status !== 'invited') throw new AppError('review/already_declared', { id, status: a.status });
    const status: TAssignmentStatus = !input.conflict ? 'accepted' : input.decline ? 'declined' : 'conflict';
    await tx
      .updateTable('review_assignment')
      .set((eb) => ({ status, note: input.reason ?? null, declared_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    let replacedBy: number | null = null;
    if (status !== 'accepted') {
      // the next reserve in draw order takes the seat
      const next = await tx
        .selectFrom('review_assignment')
        .select(['id', 'expert_id', 'position'])
        .where('panel_id', '=', a.panel_id)
        .where('status', '=', 'reserve')
        .orderBy('position')
        .limit(1)
        .executeTakeFirst();
      if (next) {
        await tx
          .updateTable('review_assignment')
          .set((eb) => ({ seat: true, status: 'invited', version: eb('version', '+', 1) }))
          .where('id', '=', next.id)
          .execute();
        await tx.updateTable('review_assignment').set({ seat: false }).where('id', '=', id).execute();
        replacedBy = next.expert_id;
      }
    }
    await addReviewEvent(tx, ctx, a.panel_id, status === 'accepted' ? 'declare' : status, {
      expertId: a.expert_id,
      reason: input.reason ?? null,
      ...(status !== 'accepted' ? { replacedBy } : {}),
    });
    record({
      action: `review.assignment.${status === 'accepted' ? 'declare' : status}`,
      entityType: 'review_assignment',
      entityId: id,
      regionCode: a.region_code,
      before: { status: a.status },
      after: { status, reason: input.reason ?? null, replacedBy },
    });
    return { status, replacedBy };
  });
}

/** The application as the expert reads it: only after declaring, without the applicant in blind mode. */
export async function getAssignmentSubject(ctx: Ctx, id: number): Promise<TReviewSubjectView> {
  const a = await findAssignment(ctx.db, id);
  const rubric = await requireRubric(ctx.db, a.subject_kind, a.batch_id);
  const { secretary } = await actOn(ctx, ctx.db, a, rubric, 'read');
  if (!secretary && a.status !== 'accepted' && a.status !== 'submitted') throw new AppError('review/not_declared', { id });
  const app = await subjectSource(a.subject_kind).detail(ctx.db, a.subject_id);
  const members = app.members;
  const names = new Map(
    (members.length
      ? await ctx.db
          .selectFrom('person')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            members.map((m) => m.personId),
          )
          .execute()
      : []
    ).map((p) => [p.id, p.name]),
  );
  const blind = rubric.blind && !secretary;
  const score = await ctx.db.selectFrom('review_score').selectAll().where('assignment_id', '=', id).executeTakeFirst();
  return {
    assignmentId: id,
    subjectKind: a.subject_kind as TReviewSubjectKind,
    status: a.status as TAssignmentStatus,
    blind,
    title: app.title,
    fieldCode: app.fieldCode,
    direction: app.direction,
    summary: app.summary,
    orgName: blind ? null : app.orgName,
    leaderName: blind ? null : app.leaderName,
    members: members.map((m) => ({ name: blind ? null : (names.get(m.personId) ?? null), role: m.role ?? 'member' })),
    fiscalFen: app.fiscalFen,
    selfFen: app.selfFen,
    targets: app.targets,
    facts: app.facts,
    rubric,
    score: score
      ? {
          scores: score.scores as Record<string, string>,
          comments: score.comments as Record<string, string>,
          opinion: score.opinion,
          veto: score.veto,
          total: String(score.total),
        }
      : null,
  };
}

/** A score sheet: online by the expert after declaring, or by the secretary in a meeting review. */
export async function submitScore(ctx: Ctx, id: number, raw: unknown): Promise<{ total: string }> {
  const input = ZScoreInput.parse(raw);
  return withAudit(ctx, async (tx, record) => {
    const a = await findAssignment(tx, id, true);
    const rubric = await requireRubric(tx, a.subject_kind, a.batch_id);
    const { actor, secretary } = await actOn(ctx, tx, a, rubric, 'act');
    if (!secretary && rubric.mode !== 'online') throw new AppError('review/wrong_mode', { mode: rubric.mode });
    if (a.panel_status !== 'open') throw new AppError(a.panel_status === 'closed' ? 'review/closed' : 'review/sealed', { id });
    if (!a.seat || (a.status !== 'accepted' && a.status !== 'submitted')) throw new AppError('review/not_declared', { id });
    const { total, error } = sheetTotal(rubric.criteria, input.scores);
    if (error) throw new AppError('review/score_invalid', { problem: error });
    for (const c of rubric.criteria)
      if (c.commentRequired && !(input.comments[c.key] ?? '').trim()) throw new AppError('review/comment_required', { key: c.key });
    if (rubric.opinionRequired && !input.opinion.trim()) throw new AppError('review/opinion_required');
    if (input.veto && !rubric.vetoEnabled) throw new AppError('review/veto_disabled');
    const values = {
      scores: JSON.stringify(input.scores),
      comments: JSON.stringify(input.comments),
      opinion: input.opinion,
      veto: input.veto,
      total,
      entered_by: actor.userId,
      entered_by_name: actor.username,
      submitted_at: ctx.now(),
    };
    const before = await tx.selectFrom('review_score').select(['total', 'veto']).where('assignment_id', '=', id).executeTakeFirst();
    await tx
      .insertInto('review_score')
      .values({ assignment_id: id, ...values })
      .onConflict((oc) => oc.column('assignment_id').doUpdateSet(values))
      .execute();
    await tx
      .updateTable('review_assignment')
      .set((eb) => ({ status: 'submitted', version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await addReviewEvent(tx, ctx, a.panel_id, 'score', { expertId: a.expert_id, total, veto: input.veto, secretary });
    record({
      action: 'review.score',
      entityType: 'review_assignment',
      entityId: id,
      regionCode: a.region_code,
      before: before ? { total: String(before.total), veto: before.veto } : null,
      after: { total, veto: input.veto, secretary },
    });
    return { total };
  });
}
