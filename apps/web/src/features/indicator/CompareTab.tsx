import type { TComparison, TIndicator, TIndicatorValueKind } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Form, InputNumber, Row, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionMultiSelect } from '../../components/RegionMultiSelect.tsx';
import { fetchRegionChildren } from '../../components/region-data.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { type ChartOption, IndicatorChart } from './IndicatorChart.tsx';
import { IndicatorMultiSelect } from './IndicatorSelect.tsx';
import { useCatalog, useComparison } from './indicator-api.ts';
import { defaultYear, formatResolved, valueKinds } from './indicator-format.ts';
import { OriginTag } from './ValueTag.tsx';

const defaultIndicators = [
  'rd_intensity',
  'hnte_count',
  'tech_sme_count',
  'hitech_value_added_share',
  'tech_contract_turnover',
  'fiscal_st_share',
  'invention_patents_per_10k',
];
const maxRegions = 6;

interface CompareRow {
  indicator: TIndicator;
  cells: Map<string, TComparison['cells'][number]>;
}

/** 对比: 2–6 regions side by side on chosen indicators, and a radar chart of their polarity-aware scores. */
export function CompareTab() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const { user } = useCurrentUser();
  const qc = useQueryClient();
  const [regions, setRegions] = useState<string[]>([]);
  // start with the first child regions of the user's own region
  useEffect(() => {
    let cancelled = false;
    fetchRegionChildren(qc, user.regionCode)
      .then((children) => {
        if (!cancelled) setRegions((prev) => (prev.length > 0 ? prev : children.slice(0, 4).map((r) => r.code)));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [qc, user.regionCode]);
  const [indicators, setIndicators] = useState<string[]>(defaultIndicators);
  const [year, setYear] = useState(defaultYear());
  const [kind, setKind] = useState<TIndicatorValueKind>('actual');
  const comparison = useComparison({ regions, indicators, period: String(year), kind });
  const data = regions.length >= 2 ? comparison.data : undefined;

  const rows = useMemo<CompareRow[]>(
    () =>
      (data?.indicators ?? []).map((indicator) => ({
        indicator,
        cells: new Map(data?.cells.filter((c) => c.indicatorCode === indicator.code).map((c) => [c.regionCode, c])),
      })),
    [data],
  );

  const radar = useMemo<ChartOption | null>(() => {
    if (!data || data.indicators.length < 3) return null;
    const score = (r: string, i: string) => data.cells.find((c) => c.regionCode === r && c.indicatorCode === i)?.radar ?? 0;
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      radar: {
        indicator: data.indicators.map((i) => ({ name: i.nameZh, max: 100 })),
        radius: '68%',
        center: ['50%', '52%'],
        axisName: { color: '#555', fontSize: 12 },
      },
      series: [
        {
          type: 'radar',
          data: data.regions.map((r) => ({ name: r.name, value: data.indicators.map((i) => Math.round(score(r.code, i.code) * 10) / 10) })),
          areaStyle: { opacity: 0.08 },
        },
      ],
    };
  }, [data]);

  const columns: TableColumnsType<CompareRow> = [
    {
      title: t('indicator.compare.indicator'),
      key: 'indicator',
      fixed: 'left',
      width: 220,
      render: (_, r) => (
        <div>
          <Typography.Text>{r.indicator.nameZh}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.indicator.unit} · {t(`indicator.polarity.${r.indicator.polarity}`)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(data?.regions ?? []).map((region) => ({
      title: region.name,
      key: region.code,
      align: 'right' as const,
      render: (_: unknown, r: CompareRow) => {
        const cell = r.cells.get(region.code);
        const best = cell?.radar === 100;
        return cell?.value ? (
          <div>
            <Typography.Text strong={best} type={best ? 'success' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatResolved(cell.value, r.indicator)}
            </Typography.Text>
            <div>
              <OriginTag value={cell.value} />
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        );
      },
    })),
  ];

  return (
    <Flex vertical gap={16} data-testid="indicator-compare">
      <Card size="small">
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Form.Item label={t('indicator.compare.regions', { max: maxRegions })} style={{ marginBottom: 8 }}>
                <RegionMultiSelect
                  value={regions}
                  onChange={(codes) => setRegions(codes.slice(0, maxRegions))}
                  placeholder={t('indicator.compare.regionsPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item label={t('indicator.compare.indicators')} style={{ marginBottom: 8 }}>
                <IndicatorMultiSelect
                  catalog={catalog.data}
                  value={indicators}
                  onChange={setIndicators}
                  max={12}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={6}>
              <Form.Item label={t('indicator.year')} style={{ marginBottom: 8 }}>
                <Flex gap={8} wrap>
                  <InputNumber value={year} min={1990} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 90 }} />
                  <Segmented<TIndicatorValueKind>
                    value={kind}
                    onChange={setKind}
                    options={valueKinds.map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))}
                  />
                </Flex>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {regions.length < 2 ? (
        <Card>
          <Empty description={t('indicator.compare.pick')} />
        </Card>
      ) : (
        <>
          {comparison.isError ? <QueryError error={comparison.error} onRetry={() => comparison.refetch()} /> : null}
          {comparison.isPending ? (
            <Card>
              <TableSkeleton />
            </Card>
          ) : (
            <Flex vertical gap={16}>
              <Card title={t('indicator.compare.table', { year })} styles={{ body: { padding: 0 } }}>
                <Table<CompareRow>
                  rowKey={(r) => r.indicator.code}
                  size="small"
                  columns={columns}
                  dataSource={rows}
                  loading={comparison.isFetching}
                  pagination={false}
                  scroll={{ x: 220 + regions.length * 140 }}
                  data-testid="compare-table"
                />
              </Card>
              <Card title={t('indicator.compare.radar')}>
                {radar ? (
                  <>
                    <IndicatorChart option={radar} style={{ height: 440 }} testId="compare-radar" />
                    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', textAlign: 'center' }}>
                      {t('indicator.compare.radarHint')}
                    </Typography.Paragraph>
                  </>
                ) : (
                  <Empty description={t('indicator.compare.radarNeeds')} />
                )}
              </Card>
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
}
