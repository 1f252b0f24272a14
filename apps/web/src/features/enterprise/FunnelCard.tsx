import { ladderRungs, type TFunnel } from '@kechuang/contracts';
import { Card, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { EChart, type EChartOption } from './EChart.tsx';
import { useFunnel } from './registry-api.ts';

type FunnelRow = TFunnel['rungs'][number];
const colors = ['#91caff', '#69b1ff', '#1677ff', '#0958d9', '#003eb3', '#002c8c'];

/** The ladder per region and year: enterprises per rung on 31 December, net additions, expiring statuses. */
export function FunnelCard({ region, year, onYear }: { region: string | undefined; year: number; onYear: (y: number) => void }) {
  const { t } = useTranslation();
  const funnel = useFunnel(region, year);
  const thisYear = new Date().getFullYear();
  const rows = useMemo(() => funnel.data?.rungs ?? [], [funnel.data]);
  const label = (r: FunnelRow['rung']) => t(`enterprise.rungs.${r}`);
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
      xAxis: { type: 'value' as const, minInterval: 1 },
      yAxis: { type: 'category' as const, inverse: true, data: ladderRungs.map((r) => t(`enterprise.rungs.${r}`)) },
      series: [
        {
          type: 'bar' as const,
          name: t('enterprise.registry.funnel.count'),
          data: ladderRungs.map((r, i) => ({ value: rows.find((x) => x.rung === r)?.count ?? 0, itemStyle: { color: colors[i] } })),
          label: { show: true, position: 'right' as const },
          barMaxWidth: 22,
        },
      ],
    }),
    [rows, t],
  );
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const columns: TableColumnsType<FunnelRow> = [
    { title: t('enterprise.registry.funnel.rung'), dataIndex: 'rung', render: label },
    { title: t('enterprise.registry.funnel.count'), dataIndex: 'count', align: 'right' },
    {
      title: t('enterprise.registry.funnel.net'),
      dataIndex: 'netAdditions',
      align: 'right',
      render: (n: number) => <Typography.Text type={n < 0 ? 'danger' : n > 0 ? 'success' : undefined}>{signed(n)}</Typography.Text>,
    },
    { title: t('enterprise.registry.funnel.expiring90'), dataIndex: 'expiring90', align: 'right' },
    { title: t('enterprise.registry.funnel.expiring180'), dataIndex: 'expiring180', align: 'right' },
  ];
  return (
    <Card
      title={t('enterprise.registry.funnel.title')}
      data-testid="enterprise-funnel"
      style={{ marginBottom: 16 }}
      extra={
        <Select<number>
          value={year}
          onChange={onYear}
          style={{ width: 110 }}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('enterprise.assess.year.column', { year: y }),
          }))}
        />
      }
    >
      {funnel.isError ? <QueryError error={funnel.error} onRetry={() => funnel.refetch()} /> : null}
      <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 380px', minWidth: 320 }}>
          <EChart option={option} style={{ height: 240 }} />
        </div>
        <div style={{ flex: '1 1 440px' }}>
          <Table<FunnelRow> rowKey="rung" size="small" columns={columns} dataSource={rows} pagination={false} loading={funnel.isFetching} />
          {funnel.data ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('enterprise.registry.funnel.asOf', { asOf: funnel.data.asOf })}
            </Typography.Text>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
