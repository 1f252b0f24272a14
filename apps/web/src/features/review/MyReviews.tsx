import type { TMyAssignment } from '@kechuang/contracts';
import { Button, Card, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { DeclareButtons } from './DeclareButtons.tsx';
import { assignmentColor } from './PanelCard.tsx';
import { useMyAssignments } from './review-api.ts';
import { ScoreDrawer } from './ScoreDrawer.tsx';

/** 我的评审: what the expert was drawn for (once the review opens); declare first, then read and score. */
export function MyReviews() {
  const { t } = useTranslation();
  const mine = useMyAssignments();
  const [declaring, setDeclaring] = useState<TMyAssignment | undefined>();
  const [scoring, setScoring] = useState<TMyAssignment | undefined>();
  return (
    <Card size="small" title={t('review.mine.title')}>
      {mine.error ? <QueryError error={mine.error} /> : null}
      <Table<TMyAssignment>
        rowKey="id"
        size="small"
        loading={mine.isLoading}
        dataSource={mine.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="my-reviews"
        locale={{ emptyText: t('review.mine.empty') }}
        columns={[
          { title: t('review.mine.batch'), dataIndex: 'batchTitle' },
          {
            title: t('review.mine.subject'),
            key: 'subject',
            render: (_, a) =>
              a.subjectTitle ?? <Typography.Text type="secondary">{t('review.mine.sealedTitle', { id: a.subjectId })}</Typography.Text>,
          },
          { title: t('review.mine.dates'), key: 'dates', width: 200, render: (_, a) => `${a.reviewFrom} – ${a.reviewTo}` },
          { title: t('review.mine.mode'), key: 'mode', width: 90, render: (_, a) => t(`review.modes.${a.mode}`) },
          {
            title: t('review.panel.status'),
            key: 'status',
            width: 110,
            render: (_, a) => (
              <Tag color={assignmentColor[a.status]} data-testid="my-status">
                {t(`review.assignmentStatus.${a.status}`)}
              </Tag>
            ),
          },
          {
            title: t('review.common.actions'),
            key: 'act',
            width: 130,
            render: (_, a) =>
              a.status === 'invited' ? (
                <Button size="small" type="primary" onClick={() => setDeclaring(a)} data-testid="my-declare">
                  {t('review.mine.declare')}
                </Button>
              ) : a.status === 'accepted' || a.status === 'submitted' ? (
                <Button size="small" onClick={() => setScoring(a)} data-testid="my-score">
                  {a.mode === 'online'
                    ? a.status === 'submitted'
                      ? t('review.mine.rescore')
                      : t('review.mine.score')
                    : t('review.mine.read')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={declaring !== undefined}
        title={t('review.declare.title')}
        footer={null}
        onCancel={() => setDeclaring(undefined)}
        destroyOnHidden
      >
        {declaring ? <DeclareButtons assignmentId={declaring.id} onDone={() => setDeclaring(undefined)} /> : null}
      </Modal>
      <ScoreDrawer
        assignmentId={scoring?.id}
        status={scoring?.status}
        readOnly={scoring?.mode === 'meeting'}
        onClose={() => setScoring(undefined)}
      />
    </Card>
  );
}
