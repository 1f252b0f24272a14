import { DeleteOutlined } from '@ant-design/icons';
import { type TDraftTargetKind, ZDraftTargetKind } from '@kechuang/contracts';
import { Button, Input, InputNumber, Popconfirm, Select, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorPicker } from './IndicatorBinding.tsx';
import { formatNormalized, markColors, scrollWithin, toneOf } from './plan-format.ts';
import type { ReviewTarget, TargetPatch } from './review-state.ts';

export interface TargetTableProps {
  targets: readonly ReviewTarget[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onChange: (id: string, patch: TargetPatch) => void;
  onRemove: (id: string) => void;
}

const kinds = ZDraftTargetKind.options;
const pageSize = 50;
/**
 * Cells re-render only when their own target changed (the reducer replaces just that object), so
 * typing in one row stays fast with hundreds of targets. The table is keyed by language instead.
 */
const sameRecord = (record: ReviewTarget, prev: ReviewTarget) => record !== prev;

/**
 * The review page's target table. Indicator, value, unit, kind and target year are always-on inputs
 * (the value is an InputNumber with data-testid="target-value"), so a correction is one click away.
 */
export function TargetTable({ targets, selectedId, onSelect, onChange, onRemove }: TargetTableProps) {
  const { t, i18n } = useTranslation();
  const wrap = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(1);
  // Read, not watched: only a new selection turns the page and scrolls, never an edit.
  const latest = useRef(targets);
  latest.current = targets;

  // A highlight clicked in the original text brings its row into view (turning the page if needed).
  useEffect(() => {
    if (!selectedId || !wrap.current) return;
    const index = latest.current.findIndex((x) => x.id === selectedId);
    if (index >= 0) setPage(Math.floor(index / pageSize) + 1);
    const root = wrap.current;
    // After layout: a row just added (or a table just shown) has no final position yet.
    const timer = setTimeout(() => {
      const row = root.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(selectedId)}"]`);
      const pane = root.closest<HTMLElement>('.kc-scroll-pane');
      if (row && pane) scrollWithin(pane, row);
    }, 50);
    return () => clearTimeout(timer);
  }, [selectedId]);

  const columns: TableColumnsType<ReviewTarget> = [
    {
      title: t('plan.targets.indicator'),
      key: 'indicator',
      width: 220,
      fixed: 'left',
      render: (_, r) => (
        <div>
          <Input.TextArea
            value={r.indicatorName}
            onChange={(e) => onChange(r.id, { indicatorName: e.target.value })}
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={100}
            variant="borderless"
            style={{ padding: '2px 4px' }}
            data-testid="target-indicator"
          />
          {r.baseline ? <Tag style={{ marginLeft: 4 }}>{t('plan.targets.baseline')}</Tag> : null}
        </div>
      ),
    },
    {
      title: t('plan.targets.value'),
      key: 'value',
      width: 100,
      render: (_, r) => (
        <InputNumber<number>
          value={r.value}
          onChange={(v) => {
            if (typeof v === 'number') onChange(r.id, { value: v });
          }}
          size="small"
          style={{ width: '100%' }}
          data-testid="target-value"
        />
      ),
    },
    {
      title: t('plan.targets.unit'),
      key: 'unit',
      width: 72,
      render: (_, r) => (
        <Input
          value={r.unit}
          onChange={(e) => onChange(r.id, { unit: e.target.value })}
          size="small"
          maxLength={20}
          data-testid="target-unit"
        />
      ),
    },
    {
      title: t('plan.targets.targetYear'),
      key: 'targetYear',
      width: 84,
      render: (_, r) => (
        <InputNumber<number>
          value={r.targetYear}
          onChange={(v) => onChange(r.id, { targetYear: typeof v === 'number' ? v : null })}
          min={1990}
          max={2100}
          precision={0}
          size="small"
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: t('plan.targets.kind'),
      key: 'kind',
      width: 104,
      render: (_, r) => (
        <Select<TDraftTargetKind>
          value={r.kind}
          onChange={(kind) => onChange(r.id, { kind })}
          options={kinds.map((k) => ({ value: k, label: <Tag color={markColors[k].tag}>{t(`plan.targets.kinds.${k}`)}</Tag> }))}
          size="small"
          variant="borderless"
          popupMatchSelectWidth={false}
        />
      ),
    },
    {
      title: t('plan.targets.normalized'),
      key: 'normalized',
      width: 120,
      render: (_, r) => <Typography.Text type="secondary">{formatNormalized(r)}</Typography.Text>,
    },
    {
      title: t('plan.targets.comparator'),
      key: 'comparator',
      width: 90,
      render: (_, r) => [r.comparator, r.qualifier].filter(Boolean).join(' … ') || t('common.none'),
    },
    {
      title: t('plan.binding.title'),
      key: 'indicatorCode',
      width: 200,
      // suggested by the importer; the actual of a bound target comes from the catalogue
      render: (_, r) => <IndicatorPicker value={r.indicatorCode} onChange={(indicatorCode) => onChange(r.id, { indicatorCode })} />,
    },
    {
      title: t('plan.targets.quote'),
      dataIndex: 'quote',
      width: 260,
      render: (quote: string) => (
        <Tooltip title={quote} placement="topLeft">
          <Typography.Text ellipsis style={{ maxWidth: 240 }}>
            {quote}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 64,
      fixed: 'right',
      render: (_, r) => (
        <Popconfirm title={t('plan.targets.removeConfirm')} onConfirm={() => onRemove(r.id)} okButtonProps={{ danger: true }}>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('plan.tree.remove')}
            data-testid="target-remove"
          />
        </Popconfirm>
      ),
    },
  ];

  return (
    <div ref={wrap} data-testid="plan-targets">
      <Table<ReviewTarget>
        rowKey="id"
        size="small"
        key={i18n.language}
        columns={columns.map((c) => ({ ...c, shouldCellUpdate: sameRecord }))}
        dataSource={[...targets]}
        pagination={{ current: page, pageSize, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        scroll={{ x: 1210 }}
        locale={{ emptyText: t('plan.targets.empty') }}
        rowClassName={(r) => (r.id === selectedId ? 'kc-row-selected' : '')}
        onRow={(r) => {
          const props: HTMLAttributes<HTMLElement> & { 'data-testid': string } = {
            'data-testid': 'target-row',
            onClick: () => onSelect(r.id),
            style: { boxShadow: r.id === selectedId ? `inset 3px 0 0 ${markColors[toneOf(r)].line}` : undefined },
          };
          return props;
        }}
      />
    </div>
  );
}
