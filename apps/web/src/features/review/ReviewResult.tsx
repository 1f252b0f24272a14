import { Alert, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubjectResult } from './review-api.ts';

/** The expert review's result where the bureau takes the decision (立项决定): score, rank in the call, flags. */
export function ReviewResult({ subjectId, callId }: { subjectId: number; callId: number }) {
  const { t } = useTranslation();
  const result = useSubjectResult(subjectId);
  const r = result.data;
  if (!r) return null;
  const link = <Link to={`/review?call=${callId}&tab=ranking`}>{t('review.decision.open')}</Link>;
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={r.score === null ? 'info' : r.dispersed || r.vetoed ? 'warning' : 'success'}
      showIcon
      data-testid="decision-review"
      message={t('review.decision.title')}
      description={
        <Space wrap>
          <span>
            {r.panelId === null
              ? t('review.decision.none')
              : r.score === null
                ? t('review.decision.pending', { n: r.n })
                : t('review.decision.score', { score: r.score, rank: r.rank, of: r.of })}
          </span>
          {r.dispersed ? <Tag color="orange">{t('review.decision.dispersed')}</Tag> : null}
          {r.vetoed ? <Tag color="red">{t('review.decision.vetoed')}</Tag> : null}
          {r.panelId !== null ? link : null}
        </Space>
      }
    />
  );
}
