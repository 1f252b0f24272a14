import { PlusOutlined } from '@ant-design/icons';
import { integrityListKinds, integrityStatuses, type TIntegrityRecord } from '@kechuang/contracts';
import { Button, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { periodText, useRecords } from './integrity-api.ts';
import { listColor, statusColor } from './RecordView.tsx';

/** The register: every record of the region, filtered by list, status, subject kind and text; exported as filtered. */
export function RecordsTab(props: { canManage: boolean; onOpen: (r: TIntegrityRecord | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const filters = {
    listKind: integrityListKinds.find((k) => k === search.list),
    status: integrityStatuses.find((s) => s === search.status),
    subjectKind: (['person', 'org'] as const).find((k) => k === search.subject),
    q: search.q,
  };
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const list = useRecords({ ...filters, ...paging });
  const columns: TableColumnsType<TIntegrityRecord> = [
    {
      title: t('integrity.fields.subjectName'),
      key: 'name',
      render: (_, r) => (
        <div>
          <Typography.Link onClick={() => props.onOpen(r)} data-testid="integrity-open">
            <Typography.Text strong>{r.subjectName}</Typography.Text>
          </Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`integrity.subjectKinds.${r.subjectKind}`)}
              {r.subjectUnit ? ` · ${r.subjectUnit}` : ''}
              {r.idLast4 ? ` · ****${r.idLast4}` : ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('integrity.fields.listKind'),
      key: 'list',
      width: 120,
      render: (_, r) => (
        <Tag color={listColor[r.listKind]} variant={r.listKind === 'black' ? 'solid' : 'filled'}>
          {t(`integrity.listKinds.${r.listKind}`)}
        </Tag>
      ),
    },
    {
      title: t('integrity.fields.type'),
      key: 'type',
      width: 220,
      ellipsis: true,
      render: (_, r) => (r.misconductType ? t(`integrity.types.${r.misconductType}`) : t('integrity.page.none')),
    },
    {
      title: t('integrity.fields.banScope'),
      key: 'scope',
      width: 150,
      render: (_, r) => r.banScope.map((a) => t(`integrity.activities.${a}`)).join('、') || t('integrity.page.none'),
    },
    { title: t('integrity.fields.period'), key: 'period', width: 200, render: (_, r) => periodText(r, t) },
    { title: t('integrity.fields.docNo'), dataIndex: 'docNo', width: 170, render: (v: string | null) => v ?? t('integrity.page.none') },
    {
      title: t('integrity.fields.status'),
      key: 'status',
      width: 100,
      render: (_, r) => (
        <Tag color={statusColor[r.status]} data-testid="integrity-status">
          {t(`integrity.statuses.${r.status}`)}
        </Tag>
      ),
    },
  ];
  return (
    <ListCard<TIntegrityRecord>
      title={t('integrity.tabs.records')}
      testId="integrity-records"
      extra={
        <Space>
          <ExportButton
            path="/api/integrity/records/export"
            fallbackName="科研诚信记录.xlsx"
            query={filters}
            label={t('integrity.page.export')}
            testId="integrity-export"
          />
          {props.canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => props.onOpen(null)} data-testid="integrity-new">
              {t('integrity.page.new')}
            </Button>
          ) : null}
        </Space>
      }
      filters={
        <FilterBar>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setSearch({ q: v.trim() || undefined })}
            placeholder={t('integrity.page.search')}
            allowClear
            style={{ width: 220 }}
            data-testid="integrity-search"
          />
          <Select
            value={filters.listKind}
            onChange={(v) => setSearch({ list: v })}
            allowClear
            placeholder={t('integrity.fields.listKind')}
            style={{ width: 150 }}
            options={integrityListKinds.map((k) => ({ value: k, label: t(`integrity.listKinds.${k}`) }))}
            data-testid="integrity-filter-list"
          />
          <Select
            value={filters.status}
            onChange={(v) => setSearch({ status: v })}
            allowClear
            placeholder={t('integrity.fields.status')}
            style={{ width: 120 }}
            options={integrityStatuses.map((s) => ({ value: s, label: t(`integrity.statuses.${s}`) }))}
            data-testid="integrity-filter-status"
          />
          <Select
            value={filters.subjectKind}
            onChange={(v) => setSearch({ subject: v })}
            allowClear
            placeholder={t('integrity.fields.subjectKind')}
            style={{ width: 120 }}
            options={(['person', 'org'] as const).map((k) => ({ value: k, label: t(`integrity.subjectKinds.${k}`) }))}
          />
        </FilterBar>
      }
      query={list}
      columns={columns}
      rowKey="id"
      paging={paging}
      onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
    />
  );
}
