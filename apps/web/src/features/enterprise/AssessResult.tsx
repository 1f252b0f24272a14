import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import type { TAssessmentResult, TConditionResult, TConditionStatus, TOutcome, TPackAssessment, TScoreItem } from '@kechuang/contracts';
import { Alert, Card, Collapse, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { figureText } from './figures.ts';

const statusIcon: Record<TConditionStatus, ReactNode> = {
  met: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  unmet: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  unknown: <QuestionCircleFilled style={{ color: '#faad14' }} />,
};
const outcomeColor: Record<TOutcome, string> = { likely: 'success', unlikely: 'error', unknown: 'warning' };

function ConditionTable({ rows }: { rows: TConditionResult[] }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const columns: TableColumnsType<TConditionResult> = [
    {
      title: t('enterprise.result.col.status'),
      key: 'status',
      width: 88,
      render: (_, c) => (
        <Flex gap={6} align="center">
          {statusIcon[c.status]}
          <span>{t(`enterprise.result.status.${c.status}`)}</span>
        </Flex>
      ),
    },
    {
      title: t('enterprise.result.col.condition'),
      key: 'label',
      width: 190,
      render: (_, c) => (
        <div>
          <Typography.Text strong>{c.label}</Typography.Text>
          {c.needsReview ? (
            <div>
              <Tag variant="filled" color="default" style={{ marginTop: 4 }}>
                {t('enterprise.result.needsReview')}
              </Tag>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('enterprise.result.col.figures'),
      key: 'figures',
      width: 200,
      render: (_, c) => (
        <div style={{ fontSize: 12 }}>
          {Object.entries(c.figures).map(([key, value]) => {
            const f = figureText(t, exists, key, value);
            return (
              <div key={key}>
                <Typography.Text type="secondary">{t('enterprise.result.labelled', { label: f.label })}</Typography.Text>
                {f.value}
              </div>
            );
          })}
        </div>
      ),
    },
    { title: t('enterprise.result.col.threshold'), dataIndex: 'threshold', width: 150 },
    {
      title: t('enterprise.result.col.hint'),
      key: 'hint',
      render: (_, c) => (c.hint ? <Typography.Text type={c.status === 'unmet' ? 'danger' : undefined}>{c.hint}</Typography.Text> : null),
    },
    {
      title: t('enterprise.result.col.clause'),
      dataIndex: 'clause',
      width: 180,
      render: (clause: string) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {clause}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table<TConditionResult>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      onRow={(c) => ({ 'data-testid': 'condition-row', 'data-status': c.status, 'data-condition': c.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function ScoreTable({ items }: { items: TScoreItem[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TScoreItem> = [
    { title: t('enterprise.result.col.item'), dataIndex: 'label', width: 260 },
    {
      title: t('enterprise.result.col.range'),
      key: 'range',
      width: 140,
      render: (_, s) => `${t('enterprise.result.scoreRange', { min: s.min, max: s.max })} / ${s.cap}`,
    },
    { title: t('enterprise.result.col.basis'), dataIndex: 'basis' },
    { title: t('enterprise.result.col.hint'), dataIndex: 'hint' },
  ];
  return <Table<TScoreItem> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} />;
}

function PackCard({ pack }: { pack: TPackAssessment }) {
  const { t } = useTranslation();
  const count = (s: TConditionStatus) => pack.conditions.filter((c) => c.status === s).length;
  const extra = [
    pack.score
      ? {
          key: 'score',
          label: t('enterprise.result.scoreItems'),
          children: <ScoreTable items={pack.score.items} />,
        }
      : null,
    pack.notes.length > 0
      ? {
          key: 'notes',
          label: t('enterprise.result.notes'),
          children: (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {pack.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ),
        }
      : null,
  ].filter((x) => x !== null);
  return (
    <Card
      data-testid="assess-pack"
      data-outcome={pack.outcome}
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={12} align="center" wrap>
          <span>{pack.packName}</span>
          <Tag color={outcomeColor[pack.outcome]} data-testid="assess-outcome" style={{ fontSize: 14, padding: '2px 10px' }}>
            {t(`enterprise.result.outcome.${pack.outcome}`)}
          </Tag>
        </Flex>
      }
      extra={
        pack.score ? (
          <Typography.Text>
            {t('enterprise.result.labelled', {
              label: t(pack.program === 'hnte' ? 'enterprise.result.score' : 'enterprise.result.techSmeScore'),
            })}
            <Typography.Text strong data-testid="assess-score">
              {t('enterprise.result.scoreRange', { min: pack.score.min, max: pack.score.max })}
            </Typography.Text>
          </Typography.Text>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('enterprise.result.counts', { met: count('met'), unmet: count('unmet'), unknown: count('unknown') })}
      </Typography.Paragraph>
      <ConditionTable rows={pack.conditions} />
      {pack.directRoutes && pack.directRoutes.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('enterprise.result.directRoutes')}
          </Typography.Title>
          <ConditionTable rows={pack.directRoutes} />
        </>
      ) : null}
      {extra.length > 0 ? <Collapse ghost items={extra} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}

export function AssessResult({ result }: { result: TAssessmentResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return <Empty description={t('enterprise.result.empty')} style={{ padding: '32px 0' }} />;
  return (
    <div data-testid="assess-result">
      <Alert
        type="info"
        showIcon
        title={t('enterprise.assess.notice')}
        description={t('enterprise.result.at', { at: result.at })}
        style={{ marginBottom: 16 }}
      />
      {result.assessments.length === 0 ? <Empty description={t('enterprise.result.noPacks')} /> : null}
      {result.assessments.map((pack) => (
        <PackCard key={pack.packId} pack={pack} />
      ))}
    </div>
  );
}
