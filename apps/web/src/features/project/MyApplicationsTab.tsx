import { applicationStatuses, type TApplicationSummary } from '@kechuang/contracts';
import { Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { ApplicationFormDrawer } from './ApplicationFormDrawer.tsx';
import { useApplications } from './project-api.ts';
import { wanText } from './wan.ts';

export const appStatusColor: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  recommended: 'cyan',
  returned: 'orange',
  under_review: 'purple',
  selected: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** 我的申报: the unit's own applications; a draft or a returned one opens for editing, the others to read. */
export function MyApplicationsTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const status = applicationStatuses.find((s) => s === search.status);
  const list = useApplications({ ...paging, status });
  const [open, setOpen] = useState<number | undefined>();
  const columns: TableColumnsType<TApplicationSummary> = [
    {
      title: t('project.fields.title'),
      key: 'title',
      render: (_, a) => (
        <div>
          <Typography.Link strong onClick={() => setOpen(a.id)} data-testid="app-open">
            {a.title}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">{a.callTitle}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('project.fields.leader'), dataIndex: 'leaderName', width: 110 },
    { title: t('project.fields.fiscalFen'), key: 'fiscal', width: 140, render: (_, a) => `${wanText(a.fiscalFen)}` },
    {
      title: t('project.page.app.status'),
      key: 'status',
      width: 110,
      render: (_, a) => (
        <Tag color={appStatusColor[a.status]} data-testid="app-status">
          {t(`project.applicationStatuses.${a.status}`)}
        </Tag>
      ),
    },
    { title: t('project.page.app.submittedAt'), key: 'at', width: 160, render: (_, a) => formatDateTime(a.submittedAt) },
  ];
  return (
    <>
      <ListCard<TApplicationSummary>
        title={t('project.page.tabs.mine')}
        testId="my-applications"
        filters={
          <FilterBar>
            <Select
              value={status}
              onChange={(v) => setSearch({ status: v })}
              allowClear
              placeholder={t('project.page.app.status')}
              style={{ width: 140 }}
              options={applicationStatuses.map((s) => ({ value: s, label: t(`project.applicationStatuses.${s}`) }))}
            />
            <Typography.Text type="secondary">{t('project.page.app.startHint')}</Typography.Text>
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      <ApplicationFormDrawer key={open ?? 'none'} call={null} applicationId={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
