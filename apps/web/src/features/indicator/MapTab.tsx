import { DeleteOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { regionBoundaryLimits, type TBoundaryReport, type TIndicatorValueKind } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/abilities.ts';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { isApiError, type RowProblem } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { deleteBoundary, uploadBoundaryFile, useBoundary } from './boundary-api.ts';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { useCatalog, useRanking } from './indicator-api.ts';
import { defaultYear, formatNumber, valueKinds } from './indicator-format.ts';
import { type MapOption, RegionMapChart } from './MapChart.tsx';
import { TileGrid } from './TileGrid.tsx';

type Outcome = { step: 'saved'; report: TBoundaryReport } | { step: 'rejected'; name: string; errors: RowProblem[] } | null;

/** 地图: the child regions of a province or city, coloured by one indicator's values (boundaries uploaded by an admin). */
export function MapTab() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const isAdmin = useCan('catalogAdmin');
  const catalog = useCatalog();
  const [indicator, setIndicator] = useState<string | undefined>('rd_intensity');
  const [year, setYear] = useState(defaultYear());
  const [region, setRegion] = useState<string | undefined>(user.regionCode);
  const [kind, setKind] = useState<TIndicatorValueKind>('actual');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const boundary = useBoundary(region);
  const ranking = useRanking({ indicator, region, period: String(year), kind });
  const data = ranking.data;
  const geo = boundary.data;

  const option = useMemo<MapOption | null>(() => {
    if (!geo || !data) return null;
    const ind = data.indicator;
    const values = data.rows.map((r) => r.value?.value).filter((v): v is number => typeof v === 'number');
    const min = values.length > 0 ? Math.min(...values) : 0;
    const max = values.length > 0 ? Math.max(...values) : 1;
    const rows = new Map(data.rows.map((r) => [r.regionName, r]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const r = rows.get(p.name);
          const v = r?.value ? `${formatNumber(r.value.value, ind.decimals)} ${ind.unit}` : t('indicator.map.noValue');
          const rank = r?.rank ? ` · ${t('indicator.map.rank', { rank: r.rank })}` : '';
          return `${p.name}<br/>${v}${rank}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min,
        max: max === min ? min + 1 : max,
        left: 10,
        bottom: 10,
        calculable: true,
        text: [t('indicator.map.high'), t('indicator.map.low')],
        inRange: { color: ind.polarity === 'negative' ? ['#1d4ed8', '#93c5fd', '#eff6ff'] : ['#eff6ff', '#93c5fd', '#1d4ed8'] },
        formatter: (v: number) => formatNumber(v, ind.decimals),
      },
      series: [
        {
          type: 'map',
          map: `boundary-${geo.regionCode}`,
          roam: true,
          label: { show: true, fontSize: 11, color: '#1f1f1f', textBorderColor: '#fff', textBorderWidth: 2 },
          emphasis: { label: { show: true } },
          itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#f0f0f0' },
          data: data.rows.map((r) => ({ name: r.regionName, value: r.value?.value ?? Number.NaN })),
        },
      ],
    };
  }, [geo, data, t]);

  const onUploaded = (report: TBoundaryReport | null, name: string, errors?: RowProblem[]) =>
    setOutcome(report ? { step: 'saved', report } : { step: 'rejected', name, errors: errors ?? [] });

  return (
    <Flex vertical gap={16} data-testid="indicator-map">
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
          <RegionPicker
            value={region ?? null}
            onChange={(v) => {
              setRegion(v);
              setOutcome(null);
            }}
            maxLevel={2}
            allowClear={false}
            style={{ width: 240 }}
          />
          <Segmented<TIndicatorValueKind>
            value={kind}
            onChange={setKind}
            options={valueKinds.map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))}
          />
        </Flex>
      </Card>
      {boundary.isError ? <QueryError error={boundary.error} onRetry={() => boundary.refetch()} /> : null}
      {ranking.isError ? <QueryError error={ranking.error} onRetry={() => ranking.refetch()} /> : null}
      {outcome ? <UploadOutcome outcome={outcome} onClose={() => setOutcome(null)} /> : null}
      {!indicator || !region ? (
        <Card>
          <Empty description={t('indicator.ranking.pick')} />
        </Card>
      ) : boundary.isPending ? (
        <Card>
          <TableSkeleton />
        </Card>
      ) : geo ? (
        <Card
          title={data ? t('indicator.map.title', { region: geo.regionName, name: data.indicator.nameZh, year }) : geo.regionName}
          extra={
            isAdmin ? (
              <Space>
                <BoundaryUpload region={geo.regionCode} onDone={onUploaded} compact />
                <DeleteBoundary region={geo.regionCode} />
              </Space>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="map-source">
            {t('indicator.map.source', {
              note: geo.sourceNote || t('indicator.map.noNote'),
              user: geo.uploadedBy ?? t('common.none'),
              at: geo.uploadedAt.slice(0, 10),
            })}
          </Typography.Paragraph>
          {option ? (
            <RegionMapChart mapName={`boundary-${geo.regionCode}`} geojson={geo.geojson} option={option} testId="indicator-map-chart" />
          ) : (
            <TableSkeleton />
          )}
          {data?.rows.every((r) => r.value === null) ? <Alert type="info" showIcon message={t('indicator.ranking.noValues')} /> : null}
        </Card>
      ) : (
        <Card data-testid="map-empty" title={data ? t('indicator.map.tileTitle', { name: data.indicator.nameZh, year }) : undefined}>
          {/* without a boundary file: a tile grid of the child regions, never an empty tab */}
          {data ? <TileGrid data={data} /> : <TableSkeleton />}
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={t('indicator.map.empty.title')}
            description={
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{t('indicator.map.empty.why')}</Typography.Text>
                <Typography.Text type="secondary">
                  {isAdmin ? t('indicator.map.empty.admin') : t('indicator.map.empty.others')}
                </Typography.Text>
              </Flex>
            }
          />
          {isAdmin ? (
            <div style={{ marginTop: 12 }}>
              <BoundaryUpload region={region} onDone={onUploaded} />
            </div>
          ) : null}
        </Card>
      )}
    </Flex>
  );
}

/** An admin's upload of a GeoJSON file (with its 审图号 note); the server checks it against the region's children. */
function BoundaryUpload({
  region,
  onDone,
  compact,
}: {
  region: string;
  onDone: (report: TBoundaryReport | null, name: string, errors?: RowProblem[]) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const send = (file: File) => {
    if (file.size > regionBoundaryLimits.uploadBytes) {
      message.warning(t('indicator.map.upload.tooLarge', { name: file.name }));
      return false;
    }
    setBusy(true);
    uploadBoundaryFile(region, file, note)
      .then((report) => {
        onDone(report, file.name);
        message.success(t('indicator.map.upload.done', { matched: report.matched.length }));
        return queryClient.invalidateQueries({ queryKey: ['indicators', 'boundary', region] });
      })
      .catch((e: unknown) => {
        if (isApiError(e) && e.rowErrors.length > 0) onDone(null, file.name, e.rowErrors);
        else message.error(errorText(e));
      })
      .finally(() => setBusy(false));
    return false;
  };

  if (compact)
    return (
      <Upload accept=".json,.geojson,application/geo+json,application/json" showUploadList={false} beforeUpload={send}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="map-replace">
          {t('indicator.map.upload.replace')}
        </Button>
      </Upload>
    );
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }}>
      <Input
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        placeholder={t('indicator.map.upload.notePlaceholder')}
        addonBefore={t('indicator.map.upload.note')}
        data-testid="map-note"
      />
      <Upload.Dragger
        accept=".json,.geojson,application/geo+json,application/json"
        showUploadList={false}
        beforeUpload={send}
        disabled={busy}
        data-testid="map-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('indicator.map.upload.drop')}</p>
        <p className="ant-upload-hint">{t('indicator.map.upload.hint')}</p>
      </Upload.Dragger>
    </Flex>
  );
}

function DeleteBoundary({ region }: { region: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  return (
    <Popconfirm
      title={t('indicator.map.delete.confirm')}
      onConfirm={() =>
        deleteBoundary(region)
          .then(() => queryClient.invalidateQueries({ queryKey: ['indicators', 'boundary', region] }))
          .catch((e: unknown) => message.error(errorText(e)))
      }
    >
      <Button danger icon={<DeleteOutlined />} data-testid="map-delete">
        {t('indicator.map.delete.button')}
      </Button>
    </Popconfirm>
  );
}

/** The match report of an upload: stored (with children the file does not draw) or refused (its row errors). */
function UploadOutcome({ outcome, onClose }: { outcome: NonNullable<Outcome>; onClose: () => void }) {
  const { t } = useTranslation();
  if (outcome.step === 'rejected') {
    const columns: TableColumnsType<RowProblem> = [
      { title: t('indicator.map.report.feature'), dataIndex: 'row', width: 90 },
      { title: t('indicator.values.import.cols.message'), dataIndex: 'message' },
    ];
    return (
      <Card size="small" data-testid="map-report">
        <Alert type="error" showIcon closable onClose={onClose} message={t('indicator.map.report.rejected', { name: outcome.name })} />
        <Table<RowProblem>
          rowKey={(r) => `${r.row}-${r.message}`}
          size="small"
          columns={columns}
          dataSource={outcome.errors}
          pagination={false}
          style={{ marginTop: 8 }}
        />
      </Card>
    );
  }
  const { report } = outcome;
  return (
    <Card size="small" data-testid="map-report">
      <Alert
        type={report.missing.length > 0 ? 'warning' : 'success'}
        showIcon
        closable
        onClose={onClose}
        message={t('indicator.map.report.saved', {
          region: report.regionName,
          features: report.featureCount,
          matched: report.matched.length,
        })}
        description={
          <Flex vertical gap={8}>
            <div>
              {report.matched.map((m) => (
                <Tag key={m.code} color="blue">
                  {m.name}
                </Tag>
              ))}
            </div>
            {report.missing.length > 0 ? (
              <List
                size="small"
                header={<Typography.Text strong>{t('indicator.map.report.missing', { count: report.missing.length })}</Typography.Text>}
                dataSource={report.missing}
                renderItem={(m) => <List.Item>{m.message}</List.Item>}
                data-testid="map-report-missing"
              />
            ) : null}
          </Flex>
        }
      />
    </Card>
  );
}
