import type { TIndicator, TRegionProfile, TResolvedValue } from '@kechuang/contracts';
import { Card, Empty, Flex, Input, InputNumber, Progress, Select, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { type ChartOption, IndicatorChart, Sparkline } from './IndicatorChart.tsx';
import { useProfile } from './indicator-api.ts';
import { categories, defaultYear, formatNumber, formatResolved } from './indicator-format.ts';
import { OriginTag } from './ValueTag.tsx';

type ProfileRow = TRegionProfile['rows'][number];

interface Summary {
  indicator: TIndicator;
  row: ProfileRow;
  latest: { period: string; value: TResolvedValue } | null;
  target: { period: string; value: TResolvedValue } | null;
  attainment: number | null;
  trend: Array<number | null>;
}

function summarise(row: ProfileRow): Summary {
  let latest: Summary['latest'] = null;
  let attainment: number | null = null;
  for (const c of row.cells) {
    if (c.actual) {
      latest = { period: c.period, value: c.actual };
      attainment = c.attainment;
    }
  }
  // the target of the latest actual's period, else the latest target set
  let target: Summary['target'] = null;
  const same = latest ? row.cells.find((c) => c.period === latest.period && c.target) : undefined;
  if (same?.target) target = { period: same.period, value: same.target };
  else
    for (const c of row.cells) {
      if (c.target) target = { period: c.period, value: c.target };
    }
  return { indicator: row.indicator, row, latest, target, attainment, trend: row.cells.map((c) => c.actual?.value ?? null) };
}

/** 地区画像: every indicator of one region — latest actual, target, attainment, where it came from, and its trend. */
export function ProfileTab() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [region, setRegion] = useState<string | undefined>(user.regionCode);
  const [fromYear, setFromYear] = useState(defaultYear() - 5);
  const [toYear, setToYear] = useState(defaultYear() + 5);
  const [category, setCategory] = useState<string>();
  const [q, setQ] = useState('');
  const [withData, setWithData] = useState(true);
  const [selected, setSelected] = useState<string>();
  const profile = useProfile(region, fromYear, toYear);

  const all = useMemo(() => (profile.data?.rows ?? []).map(summarise), [profile.data]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return all.filter(
      (s) =>
        (!category || s.indicator.category === category) &&
        (!withData || s.latest !== null || s.target !== null) &&
        (!needle || s.indicator.nameZh.includes(needle) || s.indicator.code.includes(needle)),
    );
  }, [all, category, withData, q]);
  const focus =
    rows.find((s) => s.indicator.code === selected) ??
    rows.find((s) => s.latest !== null && s.target !== null) ??
    rows.find((s) => s.latest !== null) ??
    rows[0];

  const columns: TableColumnsType<Summary> = [
    {
      title: t('indicator.profile.cols.indicator'),
      key: 'indicator',
      render: (_, s) => (
        <div>
          <Typography.Link onClick={() => setSelected(s.indicator.code)}>{s.indicator.nameZh}</Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`indicator.category.${s.indicator.category}`)} · {s.indicator.unit}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('indicator.profile.cols.actual'),
      key: 'actual',
      width: 200,
      align: 'right',
      render: (_, s) =>
        s.latest ? (
          <div>
            <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatResolved(s.latest.value, s.indicator)}
            </Typography.Text>
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">{s.latest.period} </Typography.Text>
              <OriginTag value={s.latest.value} />
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('indicator.profile.noActual')}</Typography.Text>
        ),
    },
    {
      title: t('indicator.profile.cols.target'),
      key: 'target',
      width: 170,
      align: 'right',
      render: (_, s) =>
        s.target ? (
          <div>
            <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{formatResolved(s.target.value, s.indicator)}</Typography.Text>
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">{s.target.period}</Typography.Text>
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('indicator.profile.cols.attainment'),
      key: 'attainment',
      width: 160,
      sorter: (a, b) => (a.attainment ?? -1) - (b.attainment ?? -1),
      render: (_, s) =>
        s.attainment === null ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Progress
            percent={Math.min(100, Math.round(s.attainment))}
            format={() => `${formatNumber(s.attainment, 1)}%`}
            status={s.attainment >= 100 ? 'success' : 'normal'}
            size="small"
          />
        ),
    },
    {
      title: t('indicator.profile.cols.trend'),
      key: 'trend',
      width: 140,
      render: (_, s) => <Sparkline values={s.trend} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="indicator-profile">
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <RegionPicker
            value={region ?? null}
            onChange={setRegion}
            allowClear={false}
            style={{ width: 260 }}
            data-testid="profile-region"
          />
          <Flex gap={4} align="center">
            <InputNumber value={fromYear} min={1990} max={toYear} onChange={(v) => v && setFromYear(v)} style={{ width: 90 }} />
            <span>—</span>
            <InputNumber value={toYear} min={fromYear} max={2100} onChange={(v) => v && setToYear(v)} style={{ width: 90 }} />
          </Flex>
          <Select
            value={category}
            onChange={setCategory}
            allowClear
            placeholder={t('indicator.catalog.cols.category')}
            style={{ width: 150 }}
            options={categories.map((c) => ({ value: c, label: t(`indicator.category.${c}`) }))}
          />
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            allowClear
            placeholder={t('indicator.catalog.search')}
            style={{ width: 220 }}
          />
          <Flex gap={6} align="center">
            <Switch size="small" checked={withData} onChange={setWithData} />
            <span>{t('indicator.profile.withData')}</span>
          </Flex>
        </Flex>
      </Card>
      {profile.isError ? <QueryError error={profile.error} onRetry={() => profile.refetch()} /> : null}
      {focus ? <TrendCard summary={focus} periods={profile.data?.periods ?? []} regionName={profile.data?.regionName ?? ''} /> : null}
      <Card
        styles={{ body: { padding: 0 } }}
        title={profile.data ? t('indicator.profile.title', { name: profile.data.regionName }) : undefined}
      >
        {profile.isPending && region ? (
          <TableSkeleton />
        ) : (
          <Table<Summary>
            rowKey={(s) => s.indicator.code}
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={profile.isFetching}
            scroll={{ x: 900 }}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.table.total', { total }) }}
            onRow={(s) => ({ onClick: () => setSelected(s.indicator.code), style: { cursor: 'pointer' } })}
            rowClassName={(s) => (s.indicator.code === focus?.indicator.code ? 'ant-table-row-selected' : '')}
            locale={{ emptyText: <Empty description={t('indicator.profile.empty')} /> }}
            data-testid="profile-table"
          />
        )}
      </Card>
    </Flex>
  );
}

function TrendCard({ summary, periods, regionName }: { summary: Summary; periods: string[]; regionName: string }) {
  const { t } = useTranslation();
  const { indicator, row } = summary;
  const option = useMemo<ChartOption>(() => {
    const pick = (k: 'actual' | 'target' | 'baseline') => periods.map((p) => row.cells.find((c) => c.period === p)?.[k]?.value ?? null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 24, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', name: indicator.unit, scale: true },
      series: [
        { name: t('indicator.kind.actual'), type: 'line', data: pick('actual'), connectNulls: true, symbolSize: 7 },
        {
          name: t('indicator.kind.target'),
          type: 'line',
          data: pick('target'),
          connectNulls: true,
          lineStyle: { type: 'dashed' },
          symbol: 'diamond',
          symbolSize: 8,
        },
        { name: t('indicator.kind.baseline'), type: 'line', data: pick('baseline'), connectNulls: true, lineStyle: { type: 'dotted' } },
      ],
    };
  }, [periods, row, indicator.unit, t]);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{t('indicator.profile.trendTitle', { region: regionName, name: indicator.nameZh })}</span>
          <Tag>{indicator.unit}</Tag>
        </Flex>
      }
    >
      <IndicatorChart option={option} style={{ height: 260 }} testId="profile-chart" />
    </Card>
  );
}
