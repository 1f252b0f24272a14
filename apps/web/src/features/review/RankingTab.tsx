import type { TRankRow, TReviewSubjectKind } from '@kechuang/contracts';
import { Button, Card, Drawer, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { PanelCard } from './PanelCard.tsx';
import { usePanel, useRanking, useRubric } from './review-api.ts';
import type { ReviewRoles } from './roles.ts';
import { ScoreDrawer } from './ScoreDrawer.tsx';

/** 评审排名: aggregated scores, ranks over the batch and within each group, dispersion and veto flags. */
export function RankingTab({
  batchId: callId,
  subjectKind,
  roles,
}: {
  batchId: number;
  subjectKind: TReviewSubjectKind;
  roles: ReviewRoles;
}) {
  const { t } = useTranslation();
  const ranking = useRanking(callId, subjectKind);
  const rubric = useRubric(callId, subjectKind);
  const [panelId, setPanelId] = useState<number | undefined>();
  if (ranking.error) return <QueryError error={ranking.error} />;
  if (!ranking.data) return <PageSkeleton />;
  const r = ranking.data;
  return (
    <Card
      size="small"
      title={t('review.ranking.title', { method: t(`review.aggregations.${r.aggregation}`), threshold: r.dispersionThreshold })}
      extra={
        roles.manager ? (
          <ExportButton
            path="/api/review/ranking.xlsx"
            query={{ subjectKind, batchId: callId }}
            fallbackName="评分表.xlsx"
            label={t('review.ranking.export')}
            testId="ranking-export"
          />
        ) : null
      }
    >
      <Table<TRankRow>
        rowKey="subjectId"
        size="small"
        dataSource={r.rows}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="ranking-table"
        columns={[
          { title: t('review.ranking.rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
          { title: t('review.ranking.groupRank'), dataIndex: 'groupRank', width: 90, render: (v: number | null) => v ?? '—' },
          {
            title: t('review.ranking.subject', { noun: t(`review.nouns.${subjectKind}`) }),
            key: 'title',
            render: (_, x) => (
              <div>
                <Typography.Text strong>{x.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {x.orgName}
                    {x.group ? ` · ${x.group}` : ''}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('review.ranking.n'), key: 'n', width: 90, render: (_, x) => `${x.n} / ${x.seats}` },
          {
            title: t('review.ranking.score'),
            key: 'score',
            width: 90,
            render: (_, x) => (
              <Typography.Text strong data-testid="ranking-score">
                {x.score ?? '—'}
              </Typography.Text>
            ),
          },
          { title: t('review.ranking.range'), key: 'range', width: 120, render: (_, x) => (x.min === null ? '—' : `${x.min} – ${x.max}`) },
          {
            title: t('review.ranking.flags'),
            key: 'flags',
            width: 150,
            render: (_, x) => (
              <Space size={4} wrap>
                {x.dispersed ? (
                  <Tooltip title={t('review.ranking.dispersedTip', { spread: x.spread, threshold: r.dispersionThreshold })}>
                    <Tag color="orange" data-testid="flag-dispersed">
                      {t('review.ranking.dispersed')}
                    </Tag>
                  </Tooltip>
                ) : null}
                {x.vetoed ? <Tag color="red">{t('review.ranking.vetoed')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('review.common.actions'),
            key: 'actions',
            width: 190,
            render: (_, x) =>
              x.panelId ? (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setPanelId(x.panelId as number)} data-testid="ranking-panel">
                    {t('review.ranking.panel')}
                  </Button>
                  {roles.manager ? (
                    <ExportButton
                      type="link"
                      path={`/api/review/panels/${x.panelId}/opinions.docx`}
                      fallbackName="评审意见.docx"
                      label={t('review.ranking.opinions')}
                    />
                  ) : null}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('review.ranking.noPanel')}</Typography.Text>
              ),
          },
        ]}
      />
      <PanelDrawer id={panelId} onClose={() => setPanelId(undefined)} secretary={roles.manager && rubric.data?.mode === 'meeting'} />
    </Card>
  );
}

function PanelDrawer({ id, onClose, secretary }: { id: number | undefined; onClose: () => void; secretary: boolean }) {
  const { t } = useTranslation();
  const panel = usePanel(id);
  const [scoring, setScoring] = useState<{ id: number; name: string } | undefined>();
  const member = panel.data?.members.find((m) => m.assignmentId === scoring?.id);
  return (
    <Drawer open={id !== undefined} onClose={onClose} width={960} title={t('review.ranking.panel')} destroyOnHidden>
      {panel.error ? <QueryError error={panel.error} /> : null}
      {panel.data ? <PanelCard panel={panel.data} onScore={secretary ? (aid, name) => setScoring({ id: aid, name }) : undefined} /> : null}
      <ScoreDrawer assignmentId={scoring?.id} status={member?.status} expertName={scoring?.name} onClose={() => setScoring(undefined)} />
    </Drawer>
  );
}
