import type { TPlanTargetComparison } from '@kechuang/contracts';
import { Card, Col, Empty, Flex, Row, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type ChartOption, IndicatorChart } from './IndicatorChart.tsx';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { useCatalog, usePlanTargets } from './indicator-api.ts';
import { formatNumber } from './indicator-format.ts';

type Item = TPlanTargetComparison['items'][number];

/** 各地目标对比: what each imported plan set as its target for one indicator. */
export function TargetsTab() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [indicator, setIndicator] = useState<string | undefined>('rd_intensity');
  const [withBaseline, setWithBaseline] = useState(false);
  const targets = usePlanTargets(indicator);
  const ind = catalog.data?.find((i) => i.code === indicator);
  const items = useMemo(
    () => (targets.data?.items ?? []).filter((i) => withBaseline || !i.baseline).sort((a, b) => b.normalizedValue - a.normalizedValue),
    [targets.data, withBaseline],
  );

  const option = useMemo<ChartOption | null>(() => {
    const goals = items.filter((i) => !i.baseline);
    if (goals.length === 0) return null;
    const unit = goals[0]?.normalizedUnit ?? '';
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 50, right: 20, top: 30, bottom: 50 },
      xAxis: { type: 'category', data: goals.map((g) => `${g.regionName}${g.targetYear ? `\n${g.targetYear}` : ''}`) },
      yAxis: { type: 'value', name: unit },
      series: [
        {
          type: 'bar',
          data: goals.map((g) => g.normalizedValue),
          barMaxWidth: 36,
          itemStyle: { color: '#722ed1' },
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => `${formatNumber(Number(p.value), 2)}${unit}` },
        },
      ],
    };
  }, [items]);

  const columns: TableColumnsType<Item> = [
    { title: t('indicator.targets.cols.region'), dataIndex: 'regionName', width: 110 },
    {
      title: t('indicator.targets.cols.plan'),
      key: 'plan',
      render: (_, i) => (
        <div>
          <Link to={`/plans/${i.planId}`}>{i.planTitle}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.planYear} · {i.planStatus}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('indicator.targets.cols.targetYear'),
      dataIndex: 'targetYear',
      width: 90,
      render: (y: number | null) => y ?? t('common.none'),
    },
    {
      title: t('indicator.targets.cols.value'),
      key: 'value',
      width: 150,
      align: 'right',
      sorter: (a, b) => a.normalizedValue - b.normalizedValue,
      render: (_, i) => (
        <div>
          <Typography.Text strong>
            {i.comparator ?? ''}
            {formatNumber(i.value, 4)}
            {i.valueMax !== null ? `–${formatNumber(i.valueMax, 4)}` : ''}
            {i.unit}
          </Typography.Text>
          {i.baseline ? (
            <div>
              <Tag>{t('indicator.targets.baseline')}</Tag>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('indicator.targets.cols.quote'),
      dataIndex: 'quote',
      render: (q: string) => <Typography.Text type="secondary">{q}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="indicator-targets">
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <IndicatorSelect catalog={catalog.data} value={indicator} onChange={setIndicator} style={{ width: 300 }} />
          <Flex gap={6} align="center">
            <Switch size="small" checked={withBaseline} onChange={setWithBaseline} />
            <span>{t('indicator.targets.withBaseline')}</span>
          </Flex>
        </Flex>
      </Card>
      {targets.isError ? <QueryError error={targets.error} onRetry={() => targets.refetch()} /> : null}
      {targets.isPending && indicator ? (
        <Card>
          <TableSkeleton />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('indicator.targets.empty', { name: ind?.nameZh ?? indicator ?? '' })}>
            <Link to="/plans/import">{t('indicator.targets.importPlan')}</Link>
          </Empty>
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={9}>
            <Card title={t('indicator.targets.chart', { name: ind?.nameZh ?? indicator ?? '' })}>
              {option ? <IndicatorChart option={option} testId="targets-chart" /> : <Empty />}
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card styles={{ body: { padding: 0 } }} title={t('indicator.targets.table')}>
              <Table<Item>
                rowKey={(i) => `${i.planId}|${i.targetYear}|${i.value}|${i.kind}|${i.quote}`}
                size="small"
                columns={columns}
                dataSource={items}
                pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 800 }}
                data-testid="targets-table"
              />
            </Card>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
