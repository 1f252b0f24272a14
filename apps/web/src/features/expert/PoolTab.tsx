import { PlusOutlined } from '@ant-design/icons';
import { expertStatuses, type TExpert, type TExpertSummary } from '@kechuang/contracts';
import { Button, Input, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useDrawer } from '../../lib/use-drawer.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { CodePicker, CodeTags } from './CodeTags.tsx';
import { StatusTag } from './ExpertDetails.tsx';
import { ExpertDrawer } from './ExpertDrawer.tsx';
import { ExpertFormDrawer } from './ExpertFormDrawer.tsx';
import { ExpertImport } from './ExpertImport.tsx';
import { type ExpertRoles, useExperts } from './expert-api.ts';

const sorts = ['id', 'name', 'updatedAt'] as const;

/** 专家库: the bureau's experts, searchable by status, 学科, 行业, region and text; an entry opens in a drawer. */
export function PoolTab({ roles }: { roles: ExpertRoles }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const form = useDrawer<TExpert>();
  const filters = {
    status: expertStatuses.find((s) => s === search.status),
    discipline: search.discipline,
    industry: search.industry,
    region: search.region,
    q: search.q,
  };
  const paging = {
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
    sort: sorts.find((s) => s === search.sort) ?? 'id',
    order: search.order === 'asc' ? ('asc' as const) : ('desc' as const),
  };
  const list = useExperts({ ...filters, ...paging });
  const open = search.open ? intParam(search.open, 0) || undefined : undefined;
  const columns: TableColumnsType<TExpertSummary> = [
    {
      title: t('expert.fields.name'),
      key: 'name',
      sorter: true,
      width: 130,
      render: (_, e) => (
        <div>
          <Typography.Link onClick={() => setSearch({ open: String(e.id), page: String(paging.page) })} data-testid="expert-open">
            <Typography.Text strong>{e.name}</Typography.Text>
          </Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.title ?? ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('expert.fields.employer'), dataIndex: 'employer', width: 190, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('expert.fields.disciplines'),
      key: 'disciplines',
      width: 220,
      render: (_, e) => <CodeTags kind="discipline" codes={e.disciplineCodes} max={3} />,
    },
    {
      title: t('expert.fields.industries'),
      key: 'industries',
      width: 170,
      render: (_, e) => (e.industryCodes.length > 0 ? <CodeTags kind="industry" codes={e.industryCodes} max={2} /> : t('common.none')),
    },
    {
      title: t('expert.fields.specialty'),
      dataIndex: 'specialty',
      ellipsis: true,
    },
    { title: t('expert.fields.region'), dataIndex: 'regionName', width: 100 },
    { title: t('expert.fields.status'), key: 'status', width: 80, render: (_, e) => <StatusTag status={e.status} /> },
    { title: t('expert.fields.quotaShort'), dataIndex: 'yearlyQuota', width: 100, align: 'right' },
  ];
  return (
    <>
      <ListCard<TExpertSummary>
        title={t('expert.tabs.pool')}
        testId="expert-pool"
        scrollX={1150}
        extra={
          <Space wrap>
            {roles.manager ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => form.openWith(null)} data-testid="expert-create">
                {t('expert.create')}
              </Button>
            ) : null}
            {roles.manager ? <ExpertImport /> : null}
            <ExportButton
              path="/api/experts/export"
              fallbackName="专家库.xlsx"
              query={filters}
              label={t('expert.export')}
              testId="expert-export"
            />
          </Space>
        }
        filters={
          <FilterBar>
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch({ q: v.trim() || undefined })}
              placeholder={t('expert.searchHint')}
              allowClear
              style={{ width: 240 }}
              data-testid="expert-search"
            />
            <Select
              value={filters.status}
              onChange={(v) => setSearch({ status: v })}
              allowClear
              placeholder={t('expert.fields.status')}
              style={{ width: 120 }}
              options={expertStatuses.map((s) => ({ value: s, label: t(`expert.statuses.${s}`) }))}
              data-testid="expert-status-filter"
            />
            <CodePicker
              kind="discipline"
              value={filters.discipline ?? null}
              onChange={(v) => setSearch({ discipline: typeof v === 'string' ? v : undefined })}
              placeholder={t('expert.fields.disciplines')}
              style={{ width: 220 }}
              data-testid="expert-discipline-filter"
            />
            <CodePicker
              kind="industry"
              value={filters.industry ?? null}
              onChange={(v) => setSearch({ industry: typeof v === 'string' ? v : undefined })}
              placeholder={t('expert.fields.industries')}
              style={{ width: 220 }}
            />
            <RegionPicker
              value={filters.region ?? null}
              onChange={(region) => setSearch({ region: region ?? undefined })}
              placeholder={t('expert.fields.region')}
              style={{ width: 200 }}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize), sort: p.sort, order: p.order })}
      />
      <ExpertDrawer
        id={open}
        roles={roles}
        onClose={() => setSearch({ open: undefined, page: String(paging.page) })}
        onEdit={(e) => form.openWith(e)}
      />
      <ExpertFormDrawer
        key={form.key}
        open={form.open}
        editing={form.item}
        onClose={form.close}
        onSaved={(e) => {
          form.close();
          setSearch({ open: String(e.id), page: String(paging.page) });
        }}
      />
    </>
  );
}
