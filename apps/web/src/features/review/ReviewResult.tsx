import type { TReviewSubjectKind } from '@kechuang/contracts';
import { Alert, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubjectResult } from './review-api.ts';

/**
 * The expert review's result where the bureau takes the decision (立项决定, 平台认定, 结题验收): score, rank in
 * the batch, flags. `link` overrides the way to the ranking (the review page's, for a project call).
 */
export function ReviewResult({
  subjectId,
  callId,
  subjectKind = 'project_application',
  link: ownLink,
}: {
  subjectId: number;
  callId?: number;
  subjectKind?: TReviewSubjectKind;
  link?: ReactNode;
}) {
  const { t } = useTranslation();
  const result = useSubjectResult(subjectId, true, subjectKind);
  const r = result.data;
  if (!r) return null;
  const link =
    ownLink ?? (callId !== undefined ? <Link to={`/review?call=${callId}&tab=ranking`}>{t('review.decision.open')}</Link> : null);
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={r.score === null ? 'info' : r.dispersed || r.vetoed ? 'warning' : 'success'}
      showIcon
      data-testid="decision-review"
      message={t(`review.decision.titles.${subjectKind}`)}
      description={
        <Space wrap>
          <span>
            {r.panelId === null
              ? t('review.decision.none')
              : r.score === null
                ? t('review.decision.pending', { n: r.n })
                : subjectKind === 'acceptance'
                  ? t('review.decision.scoreOnly', { score: r.score, n: r.n })
                  : t('review.decision.score', { score: r.score, rank: r.rank, of: r.of })}
          </span>
          {r.dispersed ? <Tag color="orange">{t('review.decision.dispersed')}</Tag> : null}
          {r.vetoed ? <Tag color="red">{t('review.decision.vetoed')}</Tag> : null}
          {ownLink ?? (r.panelId !== null ? link : null)}
        </Space>
      }
    />
  );
}
