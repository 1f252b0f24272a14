import { PlusOutlined } from '@ant-design/icons';
import { callStatuses, type TCall, type TCallInput } from '@kechuang/contracts';
import { App, Button, Flex, InputNumber, Popconfirm, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { ApplicationFormDrawer } from './ApplicationFormDrawer.tsx';
import { CallFormModal } from './CallFormModal.tsx';
import { callApi, useCalls, useProjectMutation } from './project-api.ts';
import type { ProjectRoles } from './roles.ts';
import { wanText } from './wan.ts';

const windowColor = { upcoming: 'default', open: 'green', ended: 'orange' } as const;
const statusColor = { draft: 'default', published: 'blue', closed: 'red' } as const;

/** 申报指南: the bureau drafts, publishes and closes calls; an applicant opens an application from an open one. */
export function CallsTab({ roles }: { roles: ProjectRoles }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const status = callStatuses.find((s) => s === search.status);
  const year = search.year ? intParam(search.year, 0) || undefined : undefined;
  const list = useCalls({ ...paging, status, year });
  const [editing, setEditing] = useState<TCall | 'new' | null>(null);
  const [applying, setApplying] = useState<TCall | null>(null);
  const step = useProjectMutation((f: () => Promise<TCall>) => f());
  const run = (f: () => Promise<TCall>) =>
    step.mutate(f, { onSuccess: () => message.success(t('common.done')), onError: (e) => message.error(errorText(e)) });
  const columns: TableColumnsType<TCall> = [
    {
      title: t('project.page.call.title'),
      key: 'title',
      render: (_, c) => (
        <div>
          <Typography.Text strong>{c.title}</Typography.Text>
          <div>
            <Tag>{t(`project.programmeKinds.${c.programmeKind}`)}</Tag>
            <Typography.Text type="secondary">{c.programmeName}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('project.page.call.year'), dataIndex: 'year', width: 80 },
    {
      title: t('project.page.call.status'),
      key: 'status',
      width: 170,
      render: (_, c) => (
        <Flex gap={4} wrap>
          <Tag color={statusColor[c.status]} data-testid="call-status">
            {t(`project.callStatuses.${c.status}`)}
          </Tag>
          {c.status === 'published' ? <Tag color={windowColor[c.window]}>{t(`project.callWindows.${c.window}`)}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('project.fields.maxGrant'), key: 'maxGrant', width: 120, render: (_, c) => `${wanText(c.maxGrantFen)}` },
    {
      title: t('project.page.call.window'),
      key: 'window',
      width: 200,
      render: (_, c) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {formatDateTime(c.opensAt)}
          <br />~ {formatDateTime(c.closesAt)}
        </Typography.Text>
      ),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 260,
      render: (_, c) => (
        <Flex gap={4} wrap>
          {roles.manager && c.status === 'draft' ? (
            <>
              <Button size="small" onClick={() => setEditing(c)}>
                {t('common.actions.edit')}
              </Button>
              <Popconfirm title={t('project.page.call.publishConfirm')} onConfirm={() => run(() => callApi.publish(c))}>
                <Button size="small" type="primary" data-testid="call-publish">
                  {t('project.page.call.publish')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {roles.manager && c.status === 'published' ? (
            <Popconfirm title={t('project.page.call.closeConfirm')} onConfirm={() => run(() => callApi.close(c))}>
              <Button size="small" danger>
                {t('project.page.call.close')}
              </Button>
            </Popconfirm>
          ) : null}
          {roles.reader && c.status !== 'draft' ? (
            <>
              <ExportButton
                type="link"
                path={`/api/project-calls/${c.id}/approval-list/docx`}
                fallbackName="立项公示.docx"
                label={t('project.page.call.noticeDocx')}
                testId="approval-docx"
              />
              <ExportButton
                type="link"
                path={`/api/project-calls/${c.id}/approval-list/xlsx`}
                fallbackName="立项公示名单.xlsx"
                label={t('project.page.call.noticeXlsx')}
                testId="approval-xlsx"
              />
            </>
          ) : null}
          {roles.applicant && c.status === 'published' && c.window === 'open' ? (
            <Button size="small" type="primary" onClick={() => setApplying(c)} data-testid="call-apply">
              {t('project.page.call.apply')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <ListCard<TCall>
        title={t('project.page.tabs.calls')}
        testId="project-calls"
        extra={
          <Flex gap={8}>
            <ExportButton
              path="/api/project-calls/export"
              fallbackName="申报指南.xlsx"
              query={{ status, year }}
              label={t('project.page.bank.export')}
              testId="calls-export"
            />
            {roles.manager ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="call-create">
                {t('project.page.call.create')}
              </Button>
            ) : null}
          </Flex>
        }
        filters={
          <FilterBar>
            <Select
              value={status}
              onChange={(v) => setSearch({ status: v })}
              allowClear
              placeholder={t('project.page.call.status')}
              style={{ width: 140 }}
              options={callStatuses.map((s) => ({ value: s, label: t(`project.callStatuses.${s}`) }))}
            />
            <InputNumber<number>
              value={year ?? null}
              onChange={(v) => setSearch({ year: v ? String(v) : undefined })}
              placeholder={t('project.page.call.year')}
              min={2000}
              max={2100}
              style={{ width: 120 }}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      {/* the form (and the programme list it loads) exists only for those who manage calls */}
      {roles.manager ? (
        <CallFormModal
          editing={editing}
          onClose={() => setEditing(null)}
          save={(input: TCallInput) =>
            editing && editing !== 'new' ? callApi.update(editing.id, { ...input, version: editing.version }) : callApi.create(input)
          }
        />
      ) : null}
      <ApplicationFormDrawer key={applying?.id ?? 'none'} call={applying} applicationId={undefined} onClose={() => setApplying(null)} />
    </>
  );
}
