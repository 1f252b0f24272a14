import type { TSeller, TStats, TStatsCube } from '@kechuang/contracts';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Card, Empty, Flex, Segmented, Select, Statistic, Table, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { fetchRegionPath } from '../../components/region-data.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { fenToWan } from '../enterprise/money.ts';
import { wanText } from '../project/wan.ts';
import { EChart, type EChartOption } from './chart.ts';
import type { ContractTypeKey } from './form-vocab.ts';
import { useStatsCube } from './market-api.ts';
import { useStats } from './techmarket-api.ts';

/** The cube (region × type × month) summed by region: each region of the counted side once. */
function regionRows(cube: TStatsCube): TStats {
  const by = new Map<string, TStats['rows'][number]>();
  for (const r of cube.rows) {
    const row = by.get(r.regionCode) ?? { key: r.regionCode, count: 0, contractAmountFen: 0, technicalAmountFen: 0 };
    row.count += r.count;
    row.contractAmountFen += r.contractAmountFen;
    row.technicalAmountFen += r.technicalAmountFen;
    by.set(r.regionCode, row);
  }
  const rows = [...by.values()].sort((a, b) => b.contractAmountFen - a.contractAmountFen);
  const total = { key: 'total', count: 0, contractAmountFen: 0, technicalAmountFen: 0 };
  for (const r of rows) {
    total.count += r.count;
    total.contractAmountFen += r.contractAmountFen;
    total.technicalAmountFen += r.technicalAmountFen;
  }
  return { region: cube.region, year: cube.year, direction: cube.direction, by: 'region', rows, total };
}

/** Region names for codes, from the same cache RegionName fills. */
function useRegionNames(codes: string[]): Map<string, string> {
  const qc = useQueryClient();
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['regions', 'path-label', code],
      queryFn: () => fetchRegionPath(qc, code),
      staleTime: 30 * 60_000,
    })),
  });
  const key = results.map((r) => r.data?.at(-1)?.name ?? '').join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names change only when `key` does
  return useMemo(() => new Map(codes.map((c, i) => [c, results[i]?.data?.at(-1)?.name ?? c])), [key, codes.join('|')]);
}

const bys = ['region', 'type', 'month', 'field', 'sellerKind'] as const;
const directions = ['output', 'absorption'] as const;

/**
 * 技术合同统计: registered contracts of a region and year as 输出 (sellers in it) or 吸纳 (buyers in it), by type,
 * month, field or seller kind, both amounts; the same figures feed the indicator 技术合同成交额.
 */
export function StatsTab() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchState();
  const thisYear = bureauYear();
  const year = Number(search.year) || thisYear;
  const direction = directions.find((d) => d === search.direction) ?? 'output';
  const by = bys.find((b) => b === search.by) ?? 'type';
  const region = search.region ?? user.regionCode;
  const byRegion = by === 'region';
  const plain = useStats({ region, year, direction, by: byRegion ? 'type' : by });
  const cube = useStatsCube({ region, year, direction }, byRegion);
  const names = useRegionNames(byRegion ? [...new Set((cube.data?.rows ?? []).map((r) => r.regionCode))] : []);
  const stats = byRegion ? { ...cube, data: cube.data ? regionRows(cube.data) : undefined } : plain;
  const keyLabel = useCallback(
    (key: string) => {
      if (by === 'type') return key ? t(`techmarket.types.${key as ContractTypeKey}`) : t('common.none');
      if (by === 'sellerKind') return t(`techmarket.sellerKinds.${key as TSeller['kind']}`);
      if (by === 'region') return names.get(key) ?? key;
      return key;
    },
    [by, t, names],
  );
  return (
    <div data-testid="techmarket-stats">
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <RegionPicker value={region} onChange={(v) => setSearch({ region: v })} allowClear={false} style={{ width: 220 }} />
          <Select
            value={year}
            onChange={(v) => setSearch({ year: String(v) })}
            style={{ width: 110 }}
            options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('techmarket.stats.year', { year: y }),
            }))}
          />
          <Segmented
            value={direction}
            onChange={(v) => setSearch({ direction: String(v) })}
            options={directions.map((d) => ({ value: d, label: t(`techmarket.stats.directions.${d}`) }))}
            data-testid="stats-direction"
          />
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              value={by}
              onChange={(v) => setSearch({ by: String(v) })}
              options={bys.map((b) => ({ value: b, label: t(`techmarket.stats.by.${b}`) }))}
              data-testid="stats-by"
            />
          </div>
          <ExportButton
            path="/api/techmarket/stats.xlsx"
            fallbackName="技术合同登记统计表.xlsx"
            query={{ region, year, direction }}
            label={t('techmarket.stats.export')}
            testId="stats-export"
          />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t(`techmarket.stats.caliber.${direction}`)}
        </Typography.Paragraph>
      </Card>
      {stats.isError ? <QueryError error={stats.error} onRetry={() => stats.refetch()} /> : null}
      {stats.data ? <StatsBody stats={stats.data} keyLabel={keyLabel} /> : null}
    </div>
  );
}

function StatsBody({ stats, keyLabel }: { stats: TStats; keyLabel: (k: string) => string }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: stats.rows.map((r) => keyLabel(r.key)) },
      yAxis: { type: 'value', name: t('techmarket.wanUnit') },
      series: [
        {
          name: t('techmarket.fields.contractAmount'),
          type: 'bar',
          barMaxWidth: 48,
          data: stats.rows.map((r) => Number(fenToWan(r.contractAmountFen))),
        },
        {
          name: t('techmarket.fields.technicalAmount'),
          type: 'bar',
          barMaxWidth: 48,
          data: stats.rows.map((r) => Number(fenToWan(r.technicalAmountFen))),
        },
      ],
    }),
    [stats, keyLabel, t],
  );
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={48} wrap>
          <Statistic title={<RegionName code={stats.region} />} value={t('techmarket.stats.count', { n: stats.total.count })} />
          <Statistic
            title={t(`techmarket.stats.turnover.${stats.direction}`)}
            value={wanText(stats.total.contractAmountFen)}
            data-testid="stats-total"
          />
          <Statistic title={t('techmarket.fields.technicalAmount')} value={wanText(stats.total.technicalAmountFen)} />
        </Flex>
      </Card>
      <Card>
        {stats.rows.length === 0 ? <Empty description={t('techmarket.stats.empty')} /> : null}
        {stats.rows.length === 0 ? null : <EChart option={option} style={{ height: 320 }} testId="stats-chart" />}
        {stats.rows.length === 0 ? null : (
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={stats.rows}
            data-testid="stats-table"
            columns={[
              { title: t(`techmarket.stats.by.${stats.by as (typeof bys)[number]}`), key: 'key', render: (_, r) => keyLabel(r.key) },
              { title: t('techmarket.stats.countCol'), dataIndex: 'count', width: 100 },
              { title: t('techmarket.fields.contractAmount'), key: 'a', width: 180, render: (_, r) => wanText(r.contractAmountFen) },
              { title: t('techmarket.fields.technicalAmount'), key: 'b', width: 180, render: (_, r) => wanText(r.technicalAmountFen) },
            ]}
            summary={() =>
              stats.rows.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('techmarket.stats.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{stats.total.count}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{wanText(stats.total.contractAmountFen)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{wanText(stats.total.technicalAmountFen)}</Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        )}
      </Card>
    </>
  );
}
