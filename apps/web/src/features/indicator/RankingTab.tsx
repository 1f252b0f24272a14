import type { TIndicatorValueKind, TRanking } from '@kechuang/contracts';
import { Card, Col, Empty, Flex, InputNumber, Row, Segmented, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { type ChartOption, IndicatorChart } from './IndicatorChart.tsx';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { useCatalog, useRanking } from './indicator-api.ts';
import { defaultYear, formatNumber, formatResolved, valueKinds } from './indicator-format.ts';
import { OriginTag } from './ValueTag.tsx';

type RankRow = TRanking['rows'][number];

/** 排名: one indicator, one year, the child regions of a region, best first. */
export function RankingTab() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const catalog = useCatalog();
  const [indicator, setIndicator] = useState<string | undefined>('rd_intensity');
  const [year, setYear] = useState(defaultYear());
  const [region, setRegion] = useState<string | undefined>(user.regionCode);
  const [kind, setKind] = useState<TIndicatorValueKind>('actual');
  const ranking = useRanking({ indicator, region, period: String(year), kind });
  const data = ranking.data;
  const ind = data?.indicator;

  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const ranked = data.rows.filter((r) => r.value !== null);
    if (ranked.length === 0) return null;
    const ordered = [...ranked].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 90, right: 60, top: 10, bottom: 24 },
      xAxis: { type: 'value', name: data.indicator.unit, scale: false },
      yAxis: { type: 'category', data: ordered.map((r) => r.regionName) },
      series: [
        {
          type: 'bar',
          data: ordered.map((r) => r.value?.value ?? null),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => formatNumber(Number(p.value), data.indicator.decimals),
          },
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 22,
        },
      ],
    };
  }, [data]);

  const columns: TableColumnsType<RankRow> = [
    {
      title: t('indicator.ranking.cols.rank'),
      dataIndex: 'rank',
      width: 70,
      align: 'center',
      render: (r: number | null) => (r === null ? t('common.none') : <Typography.Text strong>{r}</Typography.Text>),
    },
    {
      title: t('indicator.ranking.cols.region'),
      dataIndex: 'regionName',
      sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
      render: (n: string, r) => (
        <span>
          {n}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            {r.regionCode}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('indicator.ranking.cols.value'),
      key: 'value',
      align: 'right',
      width: 180,
      sorter: (a, b) => (a.value?.value ?? Number.NEGATIVE_INFINITY) - (b.value?.value ?? Number.NEGATIVE_INFINITY),
      render: (_, r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatResolved(r.value, ind)}</span>,
    },
    { title: t('indicator.ranking.cols.origin'), key: 'origin', width: 110, render: (_, r) => <OriginTag value={r.value} /> },
  ];

  return (
    <Flex vertical gap={16} data-testid="indicator-ranking">
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <IndicatorSelect catalog={catalog.data} value={indicator} onChange={setIndicator} style={{ width: 280 }} />
          <InputNumber
            value={year}
            min={1990}
            max={2100}
            onChange={(v) => v && setYear(v)}
            addonAfter={t('indicator.year')}
            style={{ width: 130 }}
          />
          <RegionPicker value={region ?? null} onChange={setRegion} maxLevel={2} allowClear={false} style={{ width: 240 }} />
          <Segmented<TIndicatorValueKind>
            value={kind}
            onChange={setKind}
            options={valueKinds.map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))}
          />
        </Flex>
      </Card>
      {ranking.isError ? <QueryError error={ranking.error} onRetry={() => ranking.refetch()} /> : null}
      {!indicator || !region ? (
        <Card>
          <Empty description={t('indicator.ranking.pick')} />
        </Card>
      ) : ranking.isPending ? (
        <Card>
          <TableSkeleton />
        </Card>
      ) : data ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card
              title={t('indicator.ranking.title', { name: data.indicator.nameZh, year })}
              extra={
                data.parent ? (
                  <Statistic
                    title={t('indicator.ranking.parent')}
                    value={formatResolved(data.parent, data.indicator)}
                    styles={{ content: { fontSize: 16 } }}
                  />
                ) : null
              }
              styles={{ body: { padding: 0 } }}
            >
              <Table<RankRow>
                rowKey="regionCode"
                size="small"
                columns={columns}
                dataSource={data.rows}
                loading={ranking.isFetching}
                pagination={{ defaultPageSize: 30, hideOnSinglePage: true }}
                locale={{ emptyText: t('indicator.ranking.empty') }}
                data-testid="ranking-table"
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('indicator.ranking.chart')}>
              {option ? (
                <IndicatorChart option={option} style={{ height: Math.max(260, data.rows.length * 30) }} testId="ranking-chart" />
              ) : (
                <Empty description={t('indicator.ranking.noValues')} />
              )}
            </Card>
          </Col>
        </Row>
      ) : null}
    </Flex>
  );
}
