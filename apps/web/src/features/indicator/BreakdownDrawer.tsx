import type { TEvaluationRun, TGroupScore, TIndicator, TIndicatorBreakdown } from '@kechuang/contracts';
import { Alert, Descriptions, Drawer, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, IndicatorChart } from './IndicatorChart.tsx';
import { formatNumber, formatValue } from './indicator-format.ts';
import { RankChange } from './RankChange.tsx';
import { groupPaths } from './scheme-model.ts';

/** 得分明细: how one region's score is made — per group and per indicator, with the method notes. */
export function BreakdownDrawer({
  run,
  code,
  catalog,
  onClose,
}: {
  run: TEvaluationRun | undefined;
  code: string | null;
  catalog: Map<string, TIndicator>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const region = code ? run?.result.results.find((r) => r.code === code) : undefined;
  const sens = code ? run?.sensitivity[code] : undefined;
  const paths = useMemo(() => (run ? groupPaths(run.definition) : new Map<string, string[]>()), [run]);
  const geometric = run?.result.method.aggregation === 'geometric';
  // display names: the catalog's, else the name stored in the run's scheme, else the code
  const names = useMemo(() => {
    const out = new Map<string, string>();
    const walk = (nodes: TEvaluationRun['definition']['groups'][number]['children']) => {
      for (const n of nodes) {
        if (n.kind === 'indicator') out.set(n.code, catalog.get(n.code)?.nameZh ?? n.name ?? n.code);
        else walk(n.children);
      }
    };
    if (run) walk(run.definition.groups);
    return out;
  }, [run, catalog]);
  const name = (c: string) => names.get(c) ?? catalog.get(c)?.nameZh ?? c;
  const indicators = useMemo(() => [...(region?.indicators ?? [])].sort((a, b) => b.contribution - a.contribution), [region]);

  const chart = useMemo<ChartOption | null>(() => {
    if (indicators.length === 0 || geometric) return null;
    const ordered = [...indicators].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 150, right: 50, top: 10, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ordered.map((i) => names.get(i.code) ?? i.code), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: ordered.map((i) => Math.round(i.contribution * 100) / 100),
          barMaxWidth: 18,
          itemStyle: { color: '#13a8a8' },
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [indicators, geometric, names]);

  const groupColumns: TableColumnsType<TGroupScore> = [
    {
      title: t('indicator.breakdown.group'),
      dataIndex: 'name',
      render: (n: string, g) => <span style={{ paddingLeft: (g.level - 1) * 16 }}>{n}</span>,
    },
    { title: t('indicator.breakdown.weight'), dataIndex: 'weight', width: 100, align: 'right', render: (w: number) => pct(w) },
    {
      title: t('indicator.breakdown.effectiveWeight'),
      dataIndex: 'effectiveWeight',
      width: 110,
      align: 'right',
      render: (w: number) => pct(w),
    },
    {
      title: t('indicator.breakdown.score'),
      dataIndex: 'score',
      width: 100,
      align: 'right',
      render: (s: number | null) => (s === null ? t('indicator.breakdown.dropped') : formatNumber(s, 2)),
    },
  ];

  const stats = run?.result.indicatorStats;
  const indicatorColumns: TableColumnsType<TIndicatorBreakdown> = [
    {
      title: t('indicator.breakdown.indicator'),
      dataIndex: 'code',
      render: (c: string) => (
        <div>
          <Typography.Text>{name(c)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(paths.get(c) ?? []).join(' / ')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('indicator.breakdown.raw'),
      dataIndex: 'raw',
      width: 150,
      align: 'right',
      render: (v: number | null, i) => {
        const s = stats?.[i.code];
        const text = v === null ? t('indicator.breakdown.missing') : formatValue(v, catalog.get(i.code));
        return s ? (
          <Tooltip
            title={t('indicator.breakdown.stats', {
              n: s.n,
              min: formatNumber(s.min, 4),
              max: formatNumber(s.max, 4),
              mean: formatNumber(s.mean, 4),
              sd: formatNumber(s.sd, 4),
            })}
          >
            <span style={{ borderBottom: '1px dotted #999' }}>{text}</span>
          </Tooltip>
        ) : (
          text
        );
      },
    },
    {
      title: t('indicator.breakdown.normalised'),
      dataIndex: 'normalised',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? t('indicator.breakdown.dropped') : formatNumber(v, 2)),
    },
    {
      title: t('indicator.breakdown.effectiveWeight'),
      dataIndex: 'effectiveWeight',
      width: 100,
      align: 'right',
      render: (w: number) => pct(w),
    },
    {
      title: geometric ? t('indicator.breakdown.factor') : t('indicator.breakdown.contribution'),
      dataIndex: 'contribution',
      width: 100,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{formatNumber(v, geometric ? 4 : 2)}</Typography.Text>,
    },
    {
      title: t('indicator.breakdown.flags'),
      key: 'flags',
      width: 160,
      render: (_, i) => (
        <Flex gap={4} wrap>
          {i.imputed ? <Tag color="orange">{t('indicator.breakdown.imputed')}</Tag> : null}
          {i.note ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.note}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      size={1000}
      destroyOnHidden
      title={region ? t('indicator.breakdown.title', { name: region.name, year: run?.year ?? '' }) : ''}
    >
      {region && run ? (
        <Flex vertical gap={16} data-testid="breakdown">
          <Descriptions
            bordered
            size="small"
            column={3}
            items={[
              {
                key: 'score',
                label: t('indicator.results.score'),
                children: <Typography.Text strong>{formatNumber(region.score, 2)}</Typography.Text>,
              },
              { key: 'rank', label: t('indicator.results.rank'), children: `${region.rank} / ${run.regionCount}` },
              {
                key: 'change',
                label: t('indicator.results.change'),
                children: <RankChange change={region.rankChange} previous={region.previousRank} />,
              },
              { key: 'tier', label: t('indicator.results.tier'), children: region.tier ?? t('common.none') },
              {
                key: 'sens',
                label: t('indicator.results.interval'),
                children: sens
                  ? t('indicator.results.intervalText', { p05: sens.p05Rank, p95: sens.p95Rank, min: sens.minRank, max: sens.maxRank })
                  : t('common.none'),
              },
              {
                key: 'agg',
                label: t('indicator.scheme.aggregation'),
                children: `${t(`indicator.scheme.aggregations.${run.result.method.aggregation}`)} · ${t(`indicator.scheme.missingRules.${run.result.method.missing}`)}`,
              },
            ]}
          />
          {region.missing.length > 0 ? (
            <Alert type="warning" showIcon title={t('indicator.breakdown.missingList', { names: region.missing.map(name).join('、') })} />
          ) : null}
          <div>
            <Typography.Title level={5}>{t('indicator.breakdown.groups')}</Typography.Title>
            <Table<TGroupScore> rowKey="key" size="small" columns={groupColumns} dataSource={region.groups} pagination={false} />
          </div>
          <div>
            <Typography.Title level={5}>{t('indicator.breakdown.indicators')}</Typography.Title>
            <Table<TIndicatorBreakdown>
              rowKey="code"
              size="small"
              columns={indicatorColumns}
              dataSource={indicators}
              pagination={false}
              scroll={{ x: 800 }}
              data-testid="breakdown-indicators"
              summary={() =>
                geometric ? null : (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={4}>
                      <Typography.Text strong>{t('indicator.breakdown.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <Typography.Text strong>
                        {formatNumber(
                          indicators.reduce((s, i) => s + i.contribution, 0),
                          2,
                        )}
                      </Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} />
                  </Table.Summary.Row>
                )
              }
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
              {geometric ? t('indicator.breakdown.geometricHint') : t('indicator.breakdown.arithmeticHint')}
            </Typography.Paragraph>
          </div>
          {chart ? (
            <IndicatorChart option={chart} style={{ height: Math.max(200, indicators.length * 28 + 40) }} testId="breakdown-chart" />
          ) : null}
          <div>
            <Typography.Title level={5}>{t('indicator.breakdown.method')}</Typography.Title>
            <ul style={{ paddingLeft: 20, margin: 0 }} data-testid="breakdown-notes">
              {run.result.method.notes.map((n) => (
                <li key={n}>
                  <Typography.Text>{n}</Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}

function pct(w: number): string {
  return `${formatNumber(w * 100, 2)}%`;
}
