import { AppError, type TCriterion, type TReviewAggregation, type TRubric, ZRubricInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireReviewManager, requireReviewReader } from './review.policy.ts';
import { type Db, loadBatch } from './review.repository.ts';

/*
 * The scoring rubric of a batch (评分标准, per call): criteria with ranges, weights and required comments, the
 * veto option, the aggregation (§6.3: mean, trimmed mean or median), the dispersion threshold, online (网评) or
 * meeting (会评) review, and blind mode. Set by the bureau before the review opens; kept while scores exist.
 */

type Row = {
  subject_kind: string;
  batch_id: number;
  criteria: unknown;
  veto_enabled: boolean;
  aggregation: string;
  dispersion_threshold: string;
  mode: string;
  blind: boolean;
  opinion_required: boolean;
  version: number;
};

export function toRubric(r: Row): TRubric {
  return {
    subjectKind: r.subject_kind as TRubric['subjectKind'],
    batchId: r.batch_id,
    criteria: r.criteria as TCriterion[],
    vetoEnabled: r.veto_enabled,
    aggregation: r.aggregation as TReviewAggregation,
    dispersionThreshold: String(r.dispersion_threshold),
    mode: r.mode as TRubric['mode'],
    blind: r.blind,
    opinionRequired: r.opinion_required,
    version: r.version,
  };
}

export async function findRubric(db: Db, kind: string, batchId: number): Promise<TRubric | null> {
  const row = await db
    .selectFrom('review_rubric')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return row ? toRubric(row) : null;
}

export async function requireRubric(db: Db, kind: string, batchId: number): Promise<TRubric> {
  const r = await findRubric(db, kind, batchId);
  if (!r) throw new AppError('review/rubric_required', { batchId });
  return r;
}

/** The default most city programmes use (domain-rules §6.3), offered until the bureau saves its own. */
export const defaultCriteria: TCriterion[] = [
  { key: 'innovation', name: '创新性', min: '0', max: '30', weight: '1', commentRequired: false },
  { key: 'feasibility', name: '可行性', min: '0', max: '25', weight: '1', commentRequired: false },
  { key: 'team', name: '团队基础', min: '0', max: '15', weight: '1', commentRequired: false },
  { key: 'benefit', name: '预期效益', min: '0', max: '20', weight: '1', commentRequired: false },
  { key: 'budget', name: '经费合理性', min: '0', max: '10', weight: '1', commentRequired: false },
];

/** 平台认定: the common shape of the 市级创新平台 认定 scoring (基础条件, 团队, 研发与成果, 运行管理, 发展规划). */
export const platformCriteria: TCriterion[] = [
  { key: 'conditions', name: '基础条件', min: '0', max: '25', weight: '1', commentRequired: false },
  { key: 'team', name: '研发团队', min: '0', max: '20', weight: '1', commentRequired: false },
  { key: 'results', name: '研发投入与成果', min: '0', max: '25', weight: '1', commentRequired: false },
  { key: 'management', name: '运行管理机制', min: '0', max: '15', weight: '1', commentRequired: false },
  { key: 'plan', name: '建设目标与发展规划', min: '0', max: '15', weight: '1', commentRequired: false },
];

/** 结题验收: targets met, results, funds used, records (任务书 考核指标 first). */
export const acceptanceCriteria: TCriterion[] = [
  { key: 'targets', name: '考核指标完成情况', min: '0', max: '40', weight: '1', commentRequired: false },
  { key: 'results', name: '成果水平与效益', min: '0', max: '25', weight: '1', commentRequired: false },
  { key: 'funds', name: '经费使用规范性', min: '0', max: '25', weight: '1', commentRequired: false },
  { key: 'records', name: '档案资料完整性', min: '0', max: '10', weight: '1', commentRequired: false },
];

const defaultsOf: Record<TRubric['subjectKind'], TCriterion[]> = {
  project_application: defaultCriteria,
  platform_application: platformCriteria,
  acceptance: acceptanceCriteria,
};

export async function getRubric(ctx: Ctx, query: { subjectKind: TRubric['subjectKind']; batchId: number }): Promise<TRubric> {
  const batch = await loadBatch(ctx.db, query.subjectKind, query.batchId);
  requireReviewReader(ctx, batch.regionCode);
  return (
    (await findRubric(ctx.db, query.subjectKind, query.batchId)) ?? {
      subjectKind: query.subjectKind,
      batchId: query.batchId,
      criteria: defaultsOf[query.subjectKind],
      vetoEnabled: true,
      aggregation: query.subjectKind === 'acceptance' ? 'mean' : 'trimmed_mean',
      dispersionThreshold: '30',
      mode: 'online',
      blind: false,
      opinionRequired: true,
      version: 0,
    }
  );
}

export async function saveRubric(ctx: Ctx, raw: unknown): Promise<TRubric> {
  const input = ZRubricInput.parse(raw);
  const keys = new Set(input.criteria.map((c) => c.key));
  if (keys.size !== input.criteria.length) throw new AppError('common/validation', { reason: 'duplicate criterion key' });
  for (const c of input.criteria)
    if (Number(c.min) > Number(c.max)) throw new AppError('common/validation', { reason: `min > max for ${c.key}` });
  return withAudit(ctx, async (tx, record) => {
    const batch = await loadBatch(tx, input.subjectKind, input.batchId);
    requireReviewManager(ctx, batch.regionCode);
    const before = await findRubric(tx, input.subjectKind, input.batchId);
    const values = {
      criteria: JSON.stringify(input.criteria),
      veto_enabled: input.vetoEnabled,
      aggregation: input.aggregation,
      dispersion_threshold: input.dispersionThreshold,
      mode: input.mode,
      blind: input.blind,
      opinion_required: input.opinionRequired,
      updated_at: ctx.now(),
    };
    await tx
      .insertInto('review_rubric')
      .values({ subject_kind: input.subjectKind, batch_id: input.batchId, region_code: batch.regionCode, ...values })
      .onConflict((oc) =>
        oc.columns(['subject_kind', 'batch_id']).doUpdateSet((eb) => ({ ...values, version: eb('review_rubric.version', '+', 1) })),
      )
      .execute();
    const after = (await findRubric(tx, input.subjectKind, input.batchId)) as TRubric;
    record({
      action: 'review.rubric.save',
      entityType: 'review_rubric',
      entityId: input.batchId, // the batch (call, 认定 round, project) whose rubric this is; the subject kind is in the row
      regionCode: batch.regionCode,
      before,
      after,
    });
    return after;
  });
}
