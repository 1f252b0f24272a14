import { Card, Collapse, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { ReserveRulesCard } from './ReserveRulesCard.tsx';
import { useReserve } from './registry-api.ts';

type Entry = NonNullable<ReturnType<typeof useReserve>['data']>['items'][number];
type Excluded = NonNullable<ReturnType<typeof useReserve>['data']>['excluded'][number];

/** 高企后备库: enterprises closest to 高新技术企业, ranked, each with its gaps. */
export function ReservePool({ region }: { region: string | undefined }) {
  const { t } = useTranslation();
  const reserve = useReserve(region);
  const { user } = useCurrentUser();
  const canEdit = user.roles.some((r) => r === 'admin' || r === 'planner');
  const verdictTags = (list: Entry['verdicts']) => (
    <Flex gap={4} wrap>
      {list.map((v) => (
        <Tooltip key={v.rule} title={v.detail}>
          <Tag color={v.passed ? 'success' : 'error'}>{t(`enterprise.registry.rules.labels.${v.rule}`)}</Tag>
        </Tooltip>
      ))}
    </Flex>
  );
  const excludedColumns: TableColumnsType<Excluded> = [
    { title: t('enterprise.registry.cols.name'), key: 'name', width: 260, render: (_, e) => e.enterprise.name },
    {
      title: t('enterprise.registry.rules.failed'),
      key: 'failed',
      render: (_, e) => (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {e.failed.map((v) => (
            <li key={v.rule}>
              <Typography.Text type="danger">{t(`enterprise.registry.rules.labels.${v.rule}`)}</Typography.Text>：{v.detail}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  const columns: TableColumnsType<Entry> = [
    { title: t('enterprise.registry.reserve.rank'), key: 'rank', width: 48, render: (_, __, i) => i + 1 },
    {
      title: t('enterprise.registry.cols.name'),
      key: 'name',
      width: 260,
      render: (_, e) => (
        <div>
          <Typography.Text strong>{e.enterprise.name}</Typography.Text>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{e.enterprise.regionName}</div>
        </div>
      ),
    },
    {
      title: t('enterprise.registry.reserve.gapCount'),
      key: 'counts',
      width: 150,
      render: (_, e) => (
        <Flex gap={4} wrap>
          <Tag color={e.unmet > 0 ? 'error' : 'success'}>{t('enterprise.registry.reserve.unmet', { count: e.unmet })}</Tag>
          {e.unknown > 0 ? <Tag color="warning">{t('enterprise.registry.reserve.unknown', { count: e.unknown })}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('enterprise.result.score'),
      key: 'score',
      width: 130,
      render: (_, e) => t('enterprise.result.scoreRange', { min: e.scoreMin, max: e.scoreMax }),
    },
    {
      title: t('enterprise.registry.rules.verdicts'),
      key: 'verdicts',
      width: 180,
      render: (_, e) => verdictTags(e.verdicts),
    },
    {
      title: t('enterprise.registry.reserve.gaps'),
      key: 'gaps',
      render: (_, e) => (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {e.gaps
            .filter((g) => g.status === 'unmet')
            .map((g) => (
              <li key={g.id}>
                <Typography.Text type="danger">{g.hint ?? g.label}</Typography.Text>
              </li>
            ))}
          {e.gaps.some((g) => g.status === 'unknown') ? (
            <li>
              <Typography.Text type="secondary">
                {t('enterprise.registry.reserve.toFill', {
                  items: e.gaps
                    .filter((g) => g.status === 'unknown')
                    .map((g) => g.label)
                    .join('、'),
                })}
              </Typography.Text>
            </li>
          ) : null}
        </ul>
      ),
    },
  ];
  return (
    <Card title={t('enterprise.registry.reserve.title')} data-testid="enterprise-reserve" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('enterprise.registry.reserve.subtitle')}</Typography.Paragraph>
      <ReserveRulesCard region={region} canEdit={canEdit} />
      {reserve.isError ? <QueryError error={reserve.error} onRetry={() => reserve.refetch()} /> : null}
      <Table<Entry>
        rowKey={(e) => e.enterprise.id}
        size="small"
        columns={columns}
        dataSource={reserve.data?.items ?? []}
        loading={reserve.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
      />
      {(reserve.data?.excluded.length ?? 0) > 0 ? (
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'excluded',
              label: t('enterprise.registry.rules.excluded', { count: reserve.data?.excluded.length ?? 0 }),
              children: (
                <Table<Excluded>
                  rowKey={(e) => e.enterprise.id}
                  size="small"
                  columns={excludedColumns}
                  dataSource={reserve.data?.excluded ?? []}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  data-testid="reserve-excluded"
                />
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
