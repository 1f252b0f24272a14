import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { TIndicator, TIndicatorValue, TIndicatorValueKind } from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/abilities.ts';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { useCatalog, useRecordValue, useValueHistory, useValues, type ValueKey } from './indicator-api.ts';
import { defaultYear, formatValue, kindColor, recorderLabel, sourceColor, valueKinds } from './indicator-format.ts';
import { RegistrySync } from './RegistrySync.tsx';
import { ValuesImport } from './ValuesImport.tsx';

const shownLimit = 5000;

/** 指标数据: current values with filters; corrections keep every earlier version. */
export function ValuesTab() {
  const { t } = useTranslation();
  const canWrite = useCan('indicatorWrite');
  const catalog = useCatalog();
  const byCode = useMemo(() => new Map((catalog.data ?? []).map((i) => [i.code, i])), [catalog.data]);
  const [region, setRegion] = useState<string>();
  const [indicator, setIndicator] = useState<string>();
  const [periodInput, setPeriodInput] = useState('');
  const [period, setPeriod] = useState<string>();
  const [kind, setKind] = useState<TIndicatorValueKind>();
  const [periodError, setPeriodError] = useState(false);
  const values = useValues({ region, indicator, period, kind });
  const [editing, setEditing] = useState<{ open: boolean; item: TIndicatorValue | null; key: number }>({ open: false, item: null, key: 0 });
  const [history, setHistory] = useState<ValueKey | null>(null);

  const applyPeriod = (v: string) => {
    const p = v.trim();
    const ok = p === '' || /^(19|20|21)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(p);
    setPeriodError(!ok);
    if (ok) setPeriod(p || undefined);
  };

  const columns: TableColumnsType<TIndicatorValue> = [
    {
      title: t('indicator.values.cols.indicator'),
      dataIndex: 'indicatorCode',
      sorter: (a, b) => a.indicatorCode.localeCompare(b.indicatorCode),
      // the zh-CN name; the code only in the tooltip (and in exports)
      render: (code: string) => (
        <Tooltip title={code}>
          <Typography.Text>{byCode.get(code)?.nameZh ?? code}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('indicator.values.cols.region'),
      dataIndex: 'regionName',
      width: 130,
      sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
      render: (name: string, v) => (
        <span title={v.regionCode}>
          {name}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
            {v.regionCode}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('indicator.values.cols.period'),
      dataIndex: 'period',
      width: 90,
      sorter: (a, b) => a.period.localeCompare(b.period),
      defaultSortOrder: 'descend',
    },
    {
      title: t('indicator.values.cols.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (k: TIndicatorValueKind) => <Tag color={kindColor[k]}>{t(`indicator.kind.${k}`)}</Tag>,
    },
    {
      title: t('indicator.values.cols.value'),
      dataIndex: 'value',
      width: 160,
      align: 'right',
      sorter: (a, b) => a.value - b.value,
      render: (v: number, row) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatValue(v, byCode.get(row.indicatorCode))}</span>
      ),
    },
    {
      title: t('indicator.values.cols.source'),
      dataIndex: 'source',
      width: 100,
      render: (s: TIndicatorValue['source'], row) => (
        <Tag color={sourceColor[s]} title={row.sourceRef ?? undefined}>
          {t(`indicator.source.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('indicator.values.cols.recorded'),
      key: 'recorded',
      width: 170,
      sorter: (a, b) => a.recordedAt.localeCompare(b.recordedAt),
      render: (_, v) => (
        <div style={{ fontSize: 12 }}>
          <div>{formatDateTime(v.recordedAt)}</div>
          <Typography.Text type="secondary">{recorderLabel(v.recordedBy, t) ?? t('common.none')}</Typography.Text>
        </div>
      ),
    },
    { title: t('indicator.values.cols.note'), dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '' },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: canWrite ? 150 : 80,
      fixed: 'right',
      render: (_, v) => (
        <Flex gap={0}>
          {canWrite ? (
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              onClick={() => setEditing((s) => ({ open: true, item: v, key: s.key + 1 }))}
            >
              {t('indicator.values.correct')}
            </Button>
          ) : null}
          <Button
            size="small"
            type="link"
            icon={<HistoryOutlined />}
            onClick={() => setHistory({ indicator: v.indicatorCode, region: v.regionCode, period: v.period, kind: v.kind })}
          >
            {t('indicator.values.history')}
          </Button>
        </Flex>
      ),
    },
  ];

  const rows = values.data ?? [];
  return (
    <Card styles={{ body: { padding: 0 } }} data-testid="indicator-values">
      <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
        <RegionPicker value={region ?? null} onChange={setRegion} placeholder={t('indicator.values.regionFilter')} style={{ width: 240 }} />
        <IndicatorSelect value={indicator} onChange={setIndicator} catalog={catalog.data} allowClear style={{ width: 260 }} />
        <Input
          value={periodInput}
          onChange={(e) => setPeriodInput(e.target.value)}
          onBlur={(e) => applyPeriod(e.target.value)}
          onPressEnter={(e) => applyPeriod(e.currentTarget.value)}
          status={periodError ? 'error' : ''}
          placeholder={t('indicator.values.periodFilter')}
          allowClear
          style={{ width: 150 }}
        />
        <Select<TIndicatorValueKind>
          value={kind}
          onChange={setKind}
          allowClear
          placeholder={t('indicator.values.cols.kind')}
          style={{ width: 110 }}
          options={valueKinds.map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))}
        />
        <span style={{ flex: 1 }} />
        {canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing((s) => ({ open: true, item: null, key: s.key + 1 }))}>
            {t('indicator.values.add')}
          </Button>
        ) : null}
        {canWrite ? <RegistrySync /> : null}
        <ValuesImport region={region} indicator={indicator} canImport={canWrite} />
      </Flex>
      {periodError ? <Alert type="warning" showIcon title={t('indicator.values.periodRule')} style={{ margin: '0 16px 12px' }} /> : null}
      {rows.length >= shownLimit ? (
        <Alert type="info" showIcon title={t('indicator.values.truncated', { count: shownLimit })} style={{ margin: '0 16px 12px' }} />
      ) : null}
      {values.isError ? <QueryError error={values.error} onRetry={() => values.refetch()} /> : null}
      {values.isPending ? (
        <TableSkeleton />
      ) : (
        <Table<TIndicatorValue>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={values.isFetching}
          scroll={{ x: 1200 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.table.total', { total }) }}
          locale={{ emptyText: t('indicator.values.empty') }}
          data-testid="values-table"
        />
      )}
      <ValueModal
        key={editing.key}
        open={editing.open}
        item={editing.item}
        catalog={catalog.data ?? []}
        onClose={() => setEditing((s) => ({ ...s, open: false }))}
      />
      <HistoryDrawer valueKey={history} indicator={history ? byCode.get(history.indicator) : undefined} onClose={() => setHistory(null)} />
    </Card>
  );
}

interface ValueForm {
  indicatorCode: string;
  regionCode: string;
  period: string;
  kind: TIndicatorValueKind;
  value: string;
  note: string;
}

/** 录入 a new value, or 更正 the current one (a reason is required; the old version stays in the history). */
function ValueModal({
  open,
  item,
  catalog,
  onClose,
}: {
  open: boolean;
  item: TIndicatorValue | null;
  catalog: TIndicator[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ValueForm>();
  const record = useRecordValue();
  const code = Form.useWatch('indicatorCode', form);
  const unit = catalog.find((i) => i.code === code)?.unit;

  const send = (v: ValueForm) =>
    record.mutate(
      {
        indicatorCode: v.indicatorCode,
        regionCode: v.regionCode,
        period: v.period.trim(),
        kind: v.kind,
        value: v.value.trim(),
        source: 'manual',
        note: v.note?.trim() ? v.note.trim() : null,
        replaces: item?.id ?? null,
      },
      {
        onSuccess: () => {
          message.success(item ? t('indicator.values.corrected') : t('common.saved'));
          onClose();
        },
        onError: (e) => message.error(errorText(e)),
      },
    );

  const submit = (v: ValueForm) => {
    if (!item) return send(v);
    modal.confirm({
      title: t('indicator.values.confirmTitle'),
      content: t('indicator.values.confirmText', { from: item.value, to: v.value.trim() }),
      okText: t('indicator.values.correct'),
      onOk: () => send(v),
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={item ? t('indicator.values.correctTitle') : t('indicator.values.add')}
      okText={t('common.actions.save')}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<ValueForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          item
            ? {
                indicatorCode: item.indicatorCode,
                regionCode: item.regionCode,
                period: item.period,
                kind: item.kind,
                value: String(item.value),
                note: '',
              }
            : { kind: 'actual', period: String(defaultYear()) }
        }
      >
        <Form.Item name="indicatorCode" label={t('indicator.values.cols.indicator')} rules={[{ required: true }]}>
          <IndicatorSelect catalog={catalog} disabled={item !== null} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('indicator.values.cols.region')} rules={[{ required: true }]}>
          <RegionPicker disabled={item !== null} style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="period"
            label={t('indicator.values.cols.period')}
            rules={[{ required: true, pattern: /^(19|20|21)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, message: t('indicator.values.periodRule') }]}
            style={{ flex: 1 }}
          >
            <Input disabled={item !== null} />
          </Form.Item>
          <Form.Item name="kind" label={t('indicator.values.cols.kind')} rules={[{ required: true }]} style={{ width: 140 }}>
            <Select disabled={item !== null} options={valueKinds.map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="value"
          label={unit ? `${t('indicator.values.cols.value')}（${unit}）` : t('indicator.values.cols.value')}
          rules={[{ required: true, pattern: /^-?\d{1,15}(\.\d{1,8})?$/, message: t('indicator.values.valueRule') }]}
        >
          <Input inputMode="decimal" data-testid="value-input" />
        </Form.Item>
        <Form.Item
          name="note"
          label={item ? t('indicator.values.reason') : t('indicator.values.cols.note')}
          rules={item ? [{ required: true, whitespace: true, message: t('indicator.values.reasonRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HistoryDrawer({
  valueKey,
  indicator,
  onClose,
}: {
  valueKey: ValueKey | null;
  indicator: TIndicator | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useValueHistory(valueKey);
  return (
    <Drawer
      open={valueKey !== null}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={
        valueKey
          ? t('indicator.values.historyTitle', {
              name: indicator?.nameZh ?? valueKey.indicator,
              period: valueKey.period,
              kind: t(`indicator.kind.${valueKey.kind}`),
            })
          : ''
      }
    >
      {history.isError ? <QueryError error={history.error} onRetry={() => history.refetch()} /> : null}
      {history.isPending ? (
        <TableSkeleton />
      ) : (
        <Timeline
          data-testid="value-history"
          items={(history.data?.versions ?? []).map((v) => ({
            color: v.supersededAt ? 'gray' : 'blue',
            content: (
              <div>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{formatValue(v.value, indicator)}</Typography.Text>
                  <Tag color={sourceColor[v.source]}>{t(`indicator.source.${v.source}`)}</Tag>
                  {v.supersededAt ? (
                    <Tag>{t('indicator.values.superseded')}</Tag>
                  ) : (
                    <Tag color="green">{t('indicator.values.current')}</Tag>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(v.recordedAt)} · {recorderLabel(v.recordedBy, t) ?? t('common.none')}
                  {v.sourceRef ? ` · ${v.sourceRef}` : ''}
                </Typography.Text>
                {v.note ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{v.note}</Typography.Paragraph> : null}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
