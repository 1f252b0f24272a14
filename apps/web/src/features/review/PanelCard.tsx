import type { TExclusion, TPanel } from '@kechuang/contracts';
import { Button, Card, Collapse, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';

export const assignmentColor: Record<string, string> = {
  reserve: 'default',
  invited: 'blue',
  accepted: 'cyan',
  conflict: 'red',
  declined: 'orange',
  submitted: 'green',
};

export const reasonColor: Record<string, string> = {
  employer: 'volcano',
  relation: 'magenta',
  own_application: 'purple',
  avoidance: 'orange',
  barred: 'red',
  quota: 'gold',
  unavailable: 'default',
};

/** Exclusions with their reasons, as the planner reads them. */
export function ExclusionTable({ rows, testId }: { rows: TExclusion[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table<TExclusion>
      size="small"
      rowKey={(r) => `${r.expertId}-${r.reason}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      data-testid={testId}
      locale={{ emptyText: t('review.panel.noExclusions') }}
      columns={[
        { title: t('review.panel.expert'), dataIndex: 'name', width: 120 },
        {
          title: t('review.panel.reason'),
          key: 'reason',
          width: 130,
          render: (_, r) => <Tag color={reasonColor[r.reason]}>{t(`review.reasons.${r.reason}`)}</Tag>,
        },
        { title: t('review.panel.detail'), dataIndex: 'detail' },
      ]}
    />
  );
}

/** A panel: its experts in draw order (seats, reserves), the per-subject exclusions and the log. */
export function PanelCard({ panel, onScore }: { panel: TPanel; onScore?: (assignmentId: number, name: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>
            #{panel.subjectId} {panel.subjectTitle}
          </span>
          <Tag color={panel.status === 'open' ? 'green' : panel.status === 'sealed' ? 'gold' : 'default'}>
            {t(`review.panelStatus.${panel.status}`)}
          </Tag>
        </Space>
      }
      data-testid="panel-card"
    >
      <Table<TPanel['members'][number]>
        size="small"
        rowKey="assignmentId"
        pagination={false}
        dataSource={panel.members}
        data-testid="panel-members"
        rowClassName={(m) => (m.seat ? '' : 'review-reserve-row')}
        columns={[
          { title: t('review.panel.position'), dataIndex: 'position', width: 70 },
          { title: t('review.panel.expert'), dataIndex: 'name', width: 110 },
          { title: t('review.panel.employer'), dataIndex: 'employer', render: (v: string | null) => v ?? '—' },
          {
            title: t('review.panel.role'),
            key: 'seat',
            width: 90,
            render: (_, m) => (m.seat ? t('review.panel.seat') : t('review.panel.reserve')),
          },
          {
            title: t('review.panel.status'),
            key: 'status',
            width: 120,
            render: (_, m) => (
              <Tag color={assignmentColor[m.status]} data-testid="member-status">
                {t(`review.assignmentStatus.${m.status}`)}
              </Tag>
            ),
          },
          {
            title: t('review.panel.total'),
            dataIndex: 'total',
            width: 80,
            render: (v: string | null, m) => (v ?? '—') + (m.veto ? ` ${t('review.panel.veto')}` : ''),
          },
          { title: t('review.panel.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ...(onScore
            ? [
                {
                  title: t('review.common.actions'),
                  key: 'act',
                  width: 110,
                  render: (_: unknown, m: TPanel['members'][number]) =>
                    m.seat && panel.status === 'open' && m.status !== 'conflict' && m.status !== 'declined' ? (
                      <Button size="small" type="link" onClick={() => onScore(m.assignmentId, m.name)} data-testid="secretary-score">
                        {t('review.panel.enter')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'x',
            label: t('review.panel.exclusions', { n: panel.exclusions.length }),
            children: <ExclusionTable rows={panel.exclusions} testId="panel-exclusions" />,
          },
          {
            key: 'log',
            label: t('review.panel.log', { n: panel.events.length }),
            children: (
              <Space direction="vertical" size={2}>
                {panel.events.map((e) => (
                  <Typography.Text key={`${e.at}-${e.kind}-${JSON.stringify(e.detail)}`}>
                    {formatDateTime(e.at)} · {e.actor ?? '—'} · {t(`review.events.${e.kind}`, { defaultValue: e.kind })}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
