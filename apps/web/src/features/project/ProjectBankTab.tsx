import { programmeKinds, projectStatuses, type TProjectSummary } from '@kechuang/contracts';
import { Input, InputNumber, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useProjects } from './lifecycle-api.ts';
import { ProjectImport } from './ProjectImport.tsx';
import type { ProjectRoles } from './roles.ts';
import { wanText } from './wan.ts';

export const projectStatusColor: Record<string, string> = {
  contracting: 'gold',
  executing: 'blue',
  acceptance_requested: 'cyan',
  rectifying: 'orange',
  passed: 'green',
  passed_after_rectification: 'green',
  concluded: 'lime',
  failed: 'red',
  terminated: 'default',
  revoked: 'magenta',
};

const sorts = ['year', 'grantedFen', 'title', 'id'] as const;

/** 项目库: every project searchable by programme, year, region, field, status, leader and unit; sorted, paged, exported. */
export function ProjectBankTab({ roles }: { roles: ProjectRoles }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const [leader, setLeader] = useState(search.leader ?? '');
  const [org, setOrg] = useState(search.org ?? '');
  const filters = {
    programmeKind: programmeKinds.find((k) => k === search.kind),
    status: projectStatuses.find((s) => s === search.status),
    year: search.year ? intParam(search.year, 0) || undefined : undefined,
    region: search.region,
    fieldCode: search.field,
    leader: search.leader,
    org: search.org,
    q: search.q,
  };
  const paging = {
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
    sort: sorts.find((s) => s === search.sort) ?? 'id',
    order: search.order === 'asc' ? ('asc' as const) : ('desc' as const),
  };
  const list = useProjects({ ...filters, ...paging });
  const columns: TableColumnsType<TProjectSummary> = [
    {
      title: t('project.fields.title'),
      key: 'title',
      sorter: true,
      render: (_, p) => (
        <div>
          <Link to={`/projects/item/${p.id}`} data-testid="bank-open">
            <Typography.Text strong>{p.title}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
              {p.projectNo}
            </Typography.Text>{' '}
            <Tag>{t(`project.programmeKinds.${p.programmeKind}`)}</Tag>
          </div>
        </div>
      ),
    },
    { title: t('project.page.call.year'), dataIndex: 'year', key: 'year', width: 90, sorter: true },
    { title: t('project.page.app.unit'), dataIndex: 'orgName', width: 200 },
    { title: t('project.fields.leader'), dataIndex: 'leaderName', width: 100 },
    {
      title: t('project.page.bank.granted'),
      key: 'grantedFen',
      width: 130,
      sorter: true,
      render: (_, p) => `${wanText(p.grantedFen)}`,
    },
    { title: t('project.page.bank.paid'), key: 'paid', width: 120, render: (_, p) => `${wanText(p.paidFen)}` },
    {
      title: t('project.page.app.status'),
      key: 'status',
      width: 120,
      render: (_, p) => (
        <Tag color={projectStatusColor[p.status]} data-testid="bank-status">
          {t(`project.page.projectStatuses.${p.status}`)}
        </Tag>
      ),
    },
  ];
  return (
    <ListCard<TProjectSummary>
      title={t('project.page.tabs.bank')}
      testId="project-bank"
      extra={
        roles.reader ? (
          <Space>
            <ExportButton
              path="/api/projects/export"
              fallbackName="项目库.xlsx"
              query={filters}
              label={t('project.page.bank.export')}
              testId="bank-export"
            />
            {roles.manager ? <ProjectImport /> : null}
          </Space>
        ) : null
      }
      filters={
        <FilterBar>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setSearch({ q: v.trim() || undefined })}
            placeholder={t('project.page.bank.search')}
            allowClear
            style={{ width: 220 }}
            data-testid="bank-search"
          />
          <Select
            value={filters.programmeKind}
            onChange={(v) => setSearch({ kind: v })}
            allowClear
            placeholder={t('project.page.call.programme')}
            style={{ width: 140 }}
            options={programmeKinds.map((k) => ({ value: k, label: t(`project.programmeKinds.${k}`) }))}
          />
          <InputNumber<number>
            value={filters.year ?? null}
            onChange={(v) => setSearch({ year: v ? String(v) : undefined })}
            placeholder={t('project.page.call.year')}
            min={1990}
            max={2100}
            style={{ width: 100 }}
          />
          {roles.reader ? (
            <RegionPicker
              value={filters.region ?? null}
              onChange={(region) => setSearch({ region: region ?? undefined })}
              placeholder={t('project.page.bank.region')}
              style={{ width: 200 }}
            />
          ) : null}
          <Select
            value={filters.status}
            onChange={(v) => setSearch({ status: v })}
            allowClear
            placeholder={t('project.page.app.status')}
            style={{ width: 130 }}
            options={projectStatuses.map((s) => ({ value: s, label: t(`project.page.projectStatuses.${s}`) }))}
          />
          <Input.Search
            value={leader}
            onChange={(e) => setLeader(e.target.value)}
            onSearch={(v) => setSearch({ leader: v.trim() || undefined })}
            placeholder={t('project.fields.leader')}
            allowClear
            style={{ width: 140 }}
          />
          {roles.reader ? (
            <Input.Search
              value={org}
              onChange={(e) => setOrg(e.target.value)}
              onSearch={(v) => setSearch({ org: v.trim() || undefined })}
              placeholder={t('project.page.app.unit')}
              allowClear
              style={{ width: 180 }}
            />
          ) : null}
          <Input
            value={search.field ?? ''}
            onChange={(e) => setSearch({ field: e.target.value.trim() || undefined })}
            placeholder={t('project.page.app.fieldCode')}
            style={{ width: 120 }}
          />
        </FilterBar>
      }
      query={list}
      columns={columns}
      rowKey="id"
      paging={paging}
      onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize), sort: p.sort, order: p.order })}
    />
  );
}
