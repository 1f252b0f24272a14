import type { TRankRow, TReviewRanking, TReviewSubjectKind, TRubric, TSubjectResult } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { aggregate, rank } from './aggregate.ts';
import { requireReviewReader } from './review.policy.ts';
import { batchOfSubject, type Db, loadBatch } from './review.repository.ts';
import { findRubric, getRubric } from './rubric.ts';
import { subjectSource } from './subjects.ts';

/*
 * The batch's ranking (§6.3): every subject of the batch under review or decided (an acceptance's batch holds
 * its one project), its seated experts' submitted totals aggregated
 * by the rubric's method, the dispersion flag, the veto mark, and ranks over the call and within each support
 * direction (the group). The decision step reads a subject's row from here.
 */

export async function computeRanking(
  db: Db,
  kind: TReviewSubjectKind,
  batchId: number,
  rubric: Pick<TRubric, 'aggregation' | 'dispersionThreshold'>,
): Promise<TReviewRanking> {
  const source = subjectSource(kind);
  const rows0 = (await source.rows(db, batchId)).filter((r) => source.ranked.includes(r.status));
  const panelRows = await db
    .selectFrom('review_panel')
    .select(['id', 'subject_id'])
    .where('subject_kind', '=', kind)
    .where('batch_id', '=', batchId)
    .execute();
  const panelOf = new Map(panelRows.map((p) => [p.subject_id, p.id]));
  const subjects = rows0.map((r) => ({
    id: r.id,
    title: r.title,
    direction: r.direction,
    org_name: r.orgName,
    panel_id: panelOf.get(r.id) ?? null,
  }));
  const panelIds = subjects.flatMap((s) => (s.panel_id === null ? [] : [s.panel_id]));
  const scores = panelIds.length
    ? await db
        .selectFrom('review_assignment as s')
        .leftJoin('review_score as sc', 'sc.assignment_id', 's.id')
        .select(['s.panel_id', 's.seat', 's.status', 'sc.total', 'sc.veto'])
        .where('s.panel_id', 'in', panelIds)
        .execute()
    : [];
  const byPanel = new Map<number, typeof scores>();
  for (const s of scores) byPanel.set(s.panel_id, [...(byPanel.get(s.panel_id) ?? []), s]);
  const rows = subjects.map((s) => {
    const mine = s.panel_id === null ? [] : (byPanel.get(s.panel_id) ?? []);
    const submitted = mine.filter((m) => m.seat && m.status === 'submitted' && m.total !== null);
    const agg = aggregate(
      submitted.map((m) => String(m.total)),
      rubric.aggregation,
      rubric.dispersionThreshold,
      submitted.filter((m) => m.veto).length,
    );
    return {
      id: s.id,
      group: s.direction,
      agg,
      title: s.title,
      orgName: s.org_name,
      panelId: s.panel_id,
      seats: mine.filter((m) => m.seat).length,
    };
  });
  const ranked = rank(rows);
  return {
    aggregation: rubric.aggregation,
    dispersionThreshold: rubric.dispersionThreshold,
    rows: ranked.map(
      (r): TRankRow => ({
        subjectId: r.id,
        title: r.title,
        orgName: r.orgName,
        group: r.group,
        panelId: r.panelId,
        n: r.agg.n,
        seats: r.seats,
        score: r.agg.score,
        min: r.agg.min,
        max: r.agg.max,
        spread: r.agg.spread,
        dispersed: r.agg.dispersed,
        vetoed: r.agg.vetoed,
        rank: r.rank,
        groupRank: r.groupRank,
      }),
    ),
  };
}

export async function getRanking(ctx: Ctx, query: { subjectKind: TReviewSubjectKind; batchId: number }): Promise<TReviewRanking> {
  const batch = await loadBatch(ctx.db, query.subjectKind, query.batchId);
  requireReviewReader(ctx, batch.regionCode);
  return computeRanking(ctx.db, query.subjectKind, query.batchId, await getRubric(ctx, query));
}

/** One subject's result for the decision step: score, rank in the call, flags. */
export async function getSubjectResult(ctx: Ctx, query: { subjectKind: TReviewSubjectKind; subjectId: number }): Promise<TSubjectResult> {
  const batch = await batchOfSubject(ctx.db, query.subjectKind, query.subjectId);
  requireReviewReader(ctx, batch.regionCode);
  return subjectReviewResult(ctx.db, query.subjectKind, query.subjectId);
}

/**
 * The same without an access check, inside the caller's transaction: the decision step (立项决定) keeps the
 * review result it was taken on.
 */
export async function subjectReviewResult(db: Db, kind: TReviewSubjectKind, subjectId: number): Promise<TSubjectResult> {
  const batch = await batchOfSubject(db, kind, subjectId);
  const rubric = (await findRubric(db, kind, batch.id)) ?? { aggregation: 'trimmed_mean' as const, dispersionThreshold: '30' };
  const ranking = await computeRanking(db, kind, batch.id, rubric);
  const row = ranking.rows.find((r) => r.subjectId === subjectId);
  const panel = row?.panelId
    ? await db.selectFrom('review_panel').select('status').where('id', '=', row.panelId).executeTakeFirst()
    : undefined;
  return {
    panelId: row?.panelId ?? null,
    status: (panel?.status as TSubjectResult['status']) ?? null,
    n: row?.n ?? 0,
    score: row?.score ?? null,
    rank: row?.rank ?? null,
    of: ranking.rows.filter((r) => r.rank !== null).length,
    dispersed: row?.dispersed ?? false,
    vetoed: row?.vetoed ?? false,
  };
}
