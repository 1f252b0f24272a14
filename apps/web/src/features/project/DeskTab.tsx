import { applicationStatuses, type TApplicationSummary } from '@kechuang/contracts';
import { Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { CallChecksCard } from './CallChecksCard.tsx';
import { DeskDrawer } from './DeskDrawer.tsx';
import { appStatusColor } from './MyApplicationsTab.tsx';
import { useApplications, useCalls } from './project-api.ts';
import type { ProjectRoles } from './roles.ts';
import { wanText } from './wan.ts';

/** 形式审查 and 立项: the applications of the region's calls, the automatic checks of a call, the desk steps of each. */
export function DeskTab({ roles }: { roles: ProjectRoles }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const status = applicationStatuses.find((s) => s === search.status);
  const callId = search.call ? intParam(search.call, 0) || undefined : undefined;
  const [q, setQ] = useState(search.q ?? '');
  const calls = useCalls({ page: 1, pageSize: 200 });
  const list = useApplications({ ...paging, status, callId, q: search.q });
  const [open, setOpen] = useState<number | undefined>();
  const columns: TableColumnsType<TApplicationSummary> = [
    {
      title: t('project.fields.title'),
      key: 'title',
      render: (_, a) => (
        <div>
          <Typography.Link strong onClick={() => setOpen(a.id)} data-testid="desk-open">
            {a.title}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">{a.callTitle}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('project.page.app.unit'), dataIndex: 'orgName', width: 200 },
    { title: t('project.fields.leader'), dataIndex: 'leaderName', width: 100 },
    { title: t('project.fields.fiscalFen'), key: 'fiscal', width: 130, render: (_, a) => `${wanText(a.fiscalFen)}` },
    {
      title: t('project.page.app.status'),
      key: 'status',
      width: 100,
      render: (_, a) => (
        <Tag color={appStatusColor[a.status]} data-testid="desk-status">
          {t(`project.applicationStatuses.${a.status}`)}
        </Tag>
      ),
    },
    { title: t('project.page.app.submittedAt'), key: 'at', width: 150, render: (_, a) => formatDateTime(a.submittedAt) },
  ];
  return (
    <>
      {callId !== undefined ? <CallChecksCard callId={callId} onOpen={setOpen} /> : null}
      <ListCard<TApplicationSummary>
        title={t('project.page.tabs.desk')}
        testId="desk-applications"
        extra={
          <ExportButton
            path="/api/project-applications/export"
            fallbackName="申报书列表.xlsx"
            query={{ callId, status, q: search.q }}
            label={t('project.page.bank.export')}
            testId="desk-export"
          />
        }
        filters={
          <FilterBar>
            <Select
              value={callId}
              onChange={(v) => setSearch({ call: v ? String(v) : undefined })}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('project.page.desk.callFilter')}
              style={{ width: 320 }}
              options={(calls.data?.items ?? []).filter((c) => c.status !== 'draft').map((c) => ({ value: c.id, label: c.title }))}
              data-testid="desk-call-filter"
            />
            <Select
              value={status}
              onChange={(v) => setSearch({ status: v })}
              allowClear
              placeholder={t('project.page.app.status')}
              style={{ width: 140 }}
              options={applicationStatuses
                .filter((s) => s !== 'draft')
                .map((s) => ({ value: s, label: t(`project.applicationStatuses.${s}`) }))}
            />
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch({ q: v.trim() || undefined })}
              placeholder={t('project.page.desk.search')}
              allowClear
              style={{ width: 240 }}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      <DeskDrawer id={open} roles={roles} onClose={() => setOpen(undefined)} />
    </>
  );
}
