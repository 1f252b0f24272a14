import { Descriptions, Drawer, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ExclusionTable, PanelCard } from './PanelCard.tsx';
import { useDraw } from './review-api.ts';

/** 抽取记录: what anyone with access needs to check the draw — constraints, seed, snapshot hash, exclusions, panels. */
export function DrawDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const draw = useDraw(id);
  const d = draw.data;
  const c = d?.constraints;
  return (
    <Drawer open={id !== undefined} onClose={onClose} width={1000} title={t('review.record.title', { id: id ?? '' })} destroyOnHidden>
      {draw.error ? <QueryError error={draw.error} /> : null}
      {!d || !c ? (
        draw.isLoading ? (
          <PageSkeleton />
        ) : null
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="draw-record">
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('review.draw.at')}>{formatDateTime(d.drawnAt)}</Descriptions.Item>
            <Descriptions.Item label={t('review.draw.operator')}>{d.operator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('review.record.algorithm')}>{d.algorithm}</Descriptions.Item>
            <Descriptions.Item label={t('review.draw.pool')}>{d.poolSize}</Descriptions.Item>
            <Descriptions.Item label={t('review.draw.seed')} span={2}>
              <Typography.Text code copyable data-testid="draw-seed">
                {d.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('review.record.sha')} span={2}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {d.snapshotSha256}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('review.record.constraints')} span={2}>
              {t('review.record.constraintText', {
                size: c.size,
                reserves: c.reserves,
                discipline: c.disciplinePrefix ?? (c.matchSubjectField ? t('review.record.byField') : t('review.draw.noLimit')),
                outside: c.minOutsideCity,
                perEmployer: c.maxPerEmployer === null ? t('review.draw.noLimit') : t('review.record.persons', { n: c.maxPerEmployer }),
                window: c.employerWindowYears,
                from: c.reviewFrom,
                to: c.reviewTo,
              })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('review.record.globalExclusions', { n: d.exclusions.length })}</Typography.Title>
          <ExclusionTable rows={d.exclusions} testId="draw-exclusions" />
          <Typography.Title level={5}>{t('review.record.panels', { n: d.panelList.length })}</Typography.Title>
          {d.panelList.map((p) => (
            <PanelCard key={p.id} panel={p} />
          ))}
        </Space>
      )}
    </Drawer>
  );
}
