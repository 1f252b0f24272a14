import {
  AppError,
  type TDrawConstraints,
  type TDrawRecord,
  type TDrawSummary,
  type TExclusion,
  type TPanel,
  type TReviewSubjectKind,
  type TVerifyResult,
  ZDrawInput,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { type DrawRecordInput, type DrawSubject, type PoolExpert, runDraw } from './draw-engine.ts';
import { loadPanels } from './panels.ts';
import { drawAlgorithm, newSeed } from './prng.ts';
import { requireReviewManager, requireReviewReader, seesSealedNames } from './review.policy.ts';
import {
  addReviewEvent,
  batchPersons,
  type Db,
  loadBatch,
  loadSubjectRows,
  poolChanges,
  poolSnapshot,
  snapshotHash,
  subjectFacts,
} from './review.repository.ts';
import { subjectSource } from './subjects.ts';

/*
 * Drawing panels for a batch (one application, or every application of a call waiting for review at once) and
 * checking a draw again. The record keeps the seed, the snapshot, the subjects' facts and the constraints; the
 * verify step re-runs the engine from it and compares with the stored panels, then rebuilds the snapshot from
 * the pool as it is now and reports what changed since.
 */

export async function drawPanels(ctx: Ctx, raw: unknown): Promise<TDrawRecord> {
  const input = ZDrawInput.parse(raw);
  const c = input.constraints;
  if (c.reviewTo < c.reviewFrom) throw new AppError('common/validation', { reason: 'reviewTo before reviewFrom' });
  const id = await withAudit(ctx, async (tx, record) => {
    const batch = await loadBatch(tx, input.subjectKind, input.batchId);
    const actor = requireReviewManager(ctx, batch.regionCode);
    const source = subjectSource(input.subjectKind);
    // one draw at a time per batch: the batch's row (the call, the 认定 round, the project) is the lock
    await source.lockBatch(tx, batch.id);
    const drawn = new Set(
      (
        await tx
          .selectFrom('review_panel')
          .select('subject_id')
          .where('subject_kind', '=', input.subjectKind)
          .where('batch_id', '=', batch.id)
          .execute()
      ).map((r) => r.subject_id),
    );
    let rows = await loadSubjectRows(tx, input.subjectKind, batch.id, input.subjectIds);
    if (input.subjectIds) {
      const missing = input.subjectIds.filter((sid) => !rows.some((r) => r.id === sid));
      if (missing.length) throw new AppError(source.notFound, { ids: missing });
      for (const r of rows) {
        if (!source.waiting.includes(r.status)) throw new AppError('review/wrong_subject_status', { id: r.id, status: r.status });
        if (drawn.has(r.id)) throw new AppError('review/already_drawn', { id: r.id });
      }
    } else rows = rows.filter((r) => source.waiting.includes(r.status) && !drawn.has(r.id));
    if (rows.length === 0) throw new AppError('review/no_subjects', { batchId: batch.id });

    const pool = await poolSnapshot(tx, batch.regionCode, c);
    const subjects = await subjectFacts(tx, input.subjectKind, rows);
    const persons = await batchPersons(tx, input.subjectKind, batch.id);
    const seed = newSeed();
    const outcome = runDraw({ seed, constraints: c, pool, subjects, batchPersons: persons });
    if (outcome.shortfalls.length) throw new AppError('review/pool_too_small', { shortfalls: outcome.shortfalls, poolSize: pool.length });

    const { id: drawId } = await tx
      .insertInto('review_draw')
      .values({
        subject_kind: input.subjectKind,
        batch_id: batch.id,
        region_code: batch.regionCode,
        algorithm: drawAlgorithm,
        seed,
        constraints: JSON.stringify(c),
        pool_snapshot: JSON.stringify(pool),
        snapshot_sha256: snapshotHash(pool),
        subjects: JSON.stringify(subjects),
        batch_persons: JSON.stringify(persons),
        exclusions: JSON.stringify(outcome.exclusions),
        operator_user_id: actor.userId,
        operator_name: actor.username,
        drawn_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const year = Number(c.reviewFrom.slice(0, 4));
    for (const p of outcome.panels) {
      const { id: panelId } = await tx
        .insertInto('review_panel')
        .values({
          draw_id: drawId,
          subject_kind: input.subjectKind,
          subject_id: p.subjectId,
          batch_id: batch.id,
          region_code: batch.regionCode,
          status: 'sealed',
          exclusions: JSON.stringify(p.exclusions),
          review_from: c.reviewFrom,
          review_to: c.reviewTo,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const members = [...p.seats.map((e) => ({ e, seat: true })), ...p.reserves.map((e) => ({ e, seat: false }))];
      await tx
        .insertInto('review_assignment')
        .values(
          members.map((m, k) => ({
            panel_id: panelId,
            expert_id: m.e,
            position: k + 1,
            seat: m.seat,
            status: m.seat ? 'invited' : 'reserve',
            year,
          })),
        )
        .execute();
      await addReviewEvent(tx, ctx, panelId, 'draw', { drawId, seats: p.seats, reserves: p.reserves });
    }
    record({
      action: 'review.draw',
      entityType: 'review_draw',
      entityId: drawId,
      regionCode: batch.regionCode,
      after: {
        subjectKind: input.subjectKind,
        batchId: batch.id,
        seed,
        algorithm: drawAlgorithm,
        snapshotSha256: snapshotHash(pool),
        poolSize: pool.length,
        constraints: c,
        panels: outcome.panels.map((p) => ({ subjectId: p.subjectId, seats: p.seats, reserves: p.reserves })),
      },
    });
    return drawId;
  });
  return getDraw(ctx, id);
}

type DrawRow = {
  id: number;
  subject_kind: string;
  batch_id: number;
  region_code: string;
  algorithm: string;
  seed: string;
  constraints: unknown;
  pool_snapshot?: unknown;
  snapshot_sha256: string;
  exclusions: unknown;
  operator_name: string | null;
  drawn_at: Date;
  opened_at: Date | null;
};

function summary(r: DrawRow, poolSize: number, panels: number): TDrawSummary {
  return {
    id: r.id,
    subjectKind: r.subject_kind as TReviewSubjectKind,
    batchId: r.batch_id,
    regionCode: r.region_code,
    algorithm: r.algorithm,
    seed: r.seed,
    snapshotSha256: r.snapshot_sha256,
    poolSize,
    constraints: r.constraints as TDrawConstraints,
    operator: r.operator_name,
    drawnAt: r.drawn_at.toISOString(),
    panels,
    opened: r.opened_at !== null,
  };
}

async function findDraw(db: Db, id: number) {
  const row = await db.selectFrom('review_draw').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('review/draw_not_found', { id });
  return row;
}

/** Sealed names: a viewer reads the record without the experts' names until the review opens. */
function seal(actor: Actor, opened: boolean, panels: TPanel[], exclusions: TExclusion[]) {
  if (opened || seesSealedNames(actor)) return { panels, exclusions };
  const hide = <T extends { name: string }>(x: T): T => ({ ...x, name: '（密封）' });
  return {
    panels: panels.map((p) => ({
      ...p,
      members: p.members.map((m) => ({ ...hide(m), employer: null })),
      exclusions: p.exclusions.map(hide),
    })),
    exclusions: exclusions.map(hide),
  };
}

export async function getDraw(ctx: Ctx, id: number): Promise<TDrawRecord> {
  const row = await findDraw(ctx.db, id);
  const actor = requireReviewReader(ctx, row.region_code);
  const pool = row.pool_snapshot as PoolExpert[];
  const panels = await loadPanels(ctx.db, { drawId: id });
  const sealed = seal(actor, row.opened_at !== null, panels, row.exclusions as TExclusion[]);
  return { ...summary(row, pool.length, panels.length), exclusions: sealed.exclusions, panelList: sealed.panels };
}

export async function listDraws(ctx: Ctx, query: { subjectKind: TReviewSubjectKind; batchId: number }): Promise<TDrawSummary[]> {
  const batch = await loadBatch(ctx.db, query.subjectKind, query.batchId);
  requireReviewReader(ctx, batch.regionCode);
  const rows = await ctx.db
    .selectFrom('review_draw as d')
    // the operator by the name people know them by (the record keeps the account, as the audit trail does)
    .leftJoin('app_user as u', 'u.id', 'd.operator_user_id')
    .select([
      'd.id',
      'd.subject_kind',
      'd.batch_id',
      'd.region_code',
      'd.algorithm',
      'd.seed',
      'd.constraints',
      'd.snapshot_sha256',
      'd.exclusions',
      (eb) => eb.fn.coalesce('u.display_name', 'd.operator_name').as('operator_name'),
      'd.drawn_at',
      'd.opened_at',
      (eb) => eb.fn<number>('jsonb_array_length', ['d.pool_snapshot']).as('pool_size'),
      (eb) => eb.selectFrom('review_panel as p').whereRef('p.draw_id', '=', 'd.id').select(eb.fn.countAll<string>().as('n')).as('panels'),
    ])
    .where('d.subject_kind', '=', query.subjectKind)
    .where('d.batch_id', '=', query.batchId)
    .orderBy('d.id', 'desc')
    .execute();
  return rows.map((r) => summary(r, Number(r.pool_size), Number(r.panels ?? 0)));
}

/** Re-runs the draw from its record, compares the panels, and compares the snapshot with the pool now. */
export async function verifyDraw(ctx: Ctx, id: number): Promise<TVerifyResult> {
  const row = await findDraw(ctx.db, id);
  requireReviewReader(ctx, row.region_code);
  const input: DrawRecordInput = {
    seed: row.seed,
    constraints: row.constraints as TDrawConstraints,
    pool: row.pool_snapshot as PoolExpert[],
    subjects: row.subjects as DrawSubject[],
    batchPersons: row.batch_persons as DrawRecordInput['batchPersons'],
  };
  if (row.algorithm !== drawAlgorithm) throw new AppError('common/validation', { reason: `unknown algorithm ${row.algorithm}` });
  const rerun = runDraw(input);
  const stored = await ctx.db
    .selectFrom('review_assignment as a')
    .innerJoin('review_panel as p', 'p.id', 'a.panel_id')
    .select(['p.subject_id', 'a.expert_id', 'a.position'])
    .where('p.draw_id', '=', id)
    .orderBy('p.subject_id')
    .orderBy('a.position')
    .execute();
  const size = input.constraints.size;
  const panels = rerun.panels.map((p) => {
    const mine = stored.filter((s) => s.subject_id === p.subjectId);
    const seats = mine.filter((s) => s.position <= size).map((s) => s.expert_id);
    const reserves = mine.filter((s) => s.position > size).map((s) => s.expert_id);
    const same = JSON.stringify(seats) === JSON.stringify(p.seats) && JSON.stringify(reserves) === JSON.stringify(p.reserves);
    return { subjectId: p.subjectId, seats: p.seats, reserves: p.reserves, same };
  });
  const storedSubjects = new Set(stored.map((s) => s.subject_id));
  const samePanels = panels.every((p) => p.same) && storedSubjects.size === panels.length;
  const now = await poolSnapshot(ctx.db, row.region_code, input.constraints, id);
  const changes = poolChanges(input.pool, now);
  return {
    drawId: id,
    samePanels,
    panels,
    snapshotSha256: snapshotHash(input.pool),
    poolChanged: changes.length > 0,
    poolChanges: changes,
  };
}

/** 开启评审: the sealed panels of a draw open; the experts on their seats see their assignments. */
export async function openDraw(ctx: Ctx, id: number): Promise<TDrawRecord> {
  await withAudit(ctx, async (tx, record) => {
    const row = await findDraw(tx, id);
    requireReviewManager(ctx, row.region_code);
    const rubric = await tx
      .selectFrom('review_rubric')
      .select('id')
      .where('subject_kind', '=', row.subject_kind)
      .where('batch_id', '=', row.batch_id)
      .executeTakeFirst();
    if (!rubric) throw new AppError('review/rubric_required', { batchId: row.batch_id });
    if (row.opened_at) throw new AppError('common/conflict', { id, reason: 'already open' });
    await tx.updateTable('review_draw').set({ opened_at: ctx.now() }).where('id', '=', id).execute();
    const panels = await tx
      .updateTable('review_panel')
      .set((eb) => ({ status: 'open', version: eb('version', '+', 1) }))
      .where('draw_id', '=', id)
      .where('status', '=', 'sealed')
      .returning('id')
      .execute();
    for (const p of panels) await addReviewEvent(tx, ctx, p.id, 'open');
    record({
      action: 'review.open',
      entityType: 'review_draw',
      entityId: id,
      regionCode: row.region_code,
      after: { panels: panels.length },
    });
  });
  return getDraw(ctx, id);
}
