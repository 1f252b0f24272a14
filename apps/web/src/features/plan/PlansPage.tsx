import { ImportOutlined } from '@ant-design/icons';
import type { TPlanSummary } from '@kechuang/contracts';
import { Button, Card, Empty, Flex, Input, Select, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { bureauYear } from '../../lib/bureau-date.ts';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCanImportPlans } from './plan-access.ts';
import { type PlanListParams, usePlans } from './plan-api.ts';

/** Years a bureau files plans for: from 2015 to next year, newest first. */
function yearOptions(): number[] {
  const last = bureauYear() + 1;
  return Array.from({ length: last - 2015 + 1 }, (_, i) => last - i);
}

export function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canImport = useCanImportPlans();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');

  const year = intParam(search.year, 0);
  const params: PlanListParams = {
    ...(search.q ? { q: search.q } : {}),
    ...(year ? { year } : {}),
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
  };
  const plans = usePlans(params);
  const filtered = Boolean(params.q || params.year);

  const columns: TableColumnsType<TPlanSummary> = [
    {
      title: t('plan.fields.title'),
      dataIndex: 'title',
      ellipsis: true,
      // one line with the whole title on hover: a long 工作要点 title must not push the row to three lines
      render: (title: string, plan) => (
        <Link to={`/plans/${plan.id}`} style={{ display: 'block', minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: title }} style={{ color: 'inherit', maxWidth: '100%' }} data-testid="plan-title">
            {title}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('plan.fields.docNumber'),
      dataIndex: 'docNumber',
      width: 190,
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('plan.fields.region'), dataIndex: 'regionName', width: 130 },
    {
      title: t('plan.fields.year'),
      key: 'year',
      width: 110,
      render: (_, p) => (p.periodTo ? t('plan.periodValue', { from: p.year, to: p.periodTo }) : t('plan.yearValue', { year: p.year })),
    },
    {
      title: t('plan.fields.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (kind: TPlanSummary['kind']) => <Tag color={kind === 'plan' ? 'blue' : 'gold'}>{t(`plan.kind.${kind}`)}</Tag>,
    },
    { title: t('plan.fields.tasks'), dataIndex: 'taskCount', width: 80, align: 'right' },
    { title: t('plan.fields.targets'), dataIndex: 'targetCount', width: 80, align: 'right' },
    { title: t('plan.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('planExec.fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: TPlanSummary['status'], plan) => (
        <Flex gap={4} wrap>
          <Tag color={status === 'published' ? 'green' : 'default'}>{t(`planExec.planStatus.${status}`)}</Tag>
          {plan.archived ? (
            <Tooltip title={t('plan.archivedHint')}>
              <Tag data-testid="plan-archived">{t('plan.archived')}</Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('common.table.actions'),
      key: 'links',
      width: 150,
      render: (_, plan) => (
        <Flex gap={12}>
          <Link to={`/plans/${plan.id}/execution`}>{t('planExec.nav.execution')}</Link>
          <Link to={`/plans/${plan.id}/dashboard`}>{t('planExec.nav.dashboard')}</Link>
        </Flex>
      ),
    },
  ];

  const importButton = (testId?: string) =>
    canImport ? (
      <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/plans/import')} data-testid={testId}>
        {t('plan.import')}
      </Button>
    ) : null;

  const emptyText = filtered ? (
    <Empty description={t('common.table.noMatch')}>
      <Button
        onClick={() => {
          setQ('');
          setSearch({ q: undefined, year: undefined });
        }}
      >
        {t('common.actions.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty description={<div style={{ maxWidth: 520, margin: '0 auto' }}>{t('plan.empty')}</div>} style={{ padding: '32px 0' }}>
      {importButton()}
    </Empty>
  );

  return (
    <div data-testid="page-plans">
      <PageHeader title={t('plan.title')} subtitle={t('plan.subtitle')} extra={importButton('plan-import-button')} />
      {plans.isError ? <QueryError error={plans.error} onRetry={() => plans.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setSearch({ q: value.trim() || undefined })}
            placeholder={t('plan.searchPlaceholder')}
            allowClear
            style={{ width: 280 }}
            data-testid="plan-search"
          />
          <Select<number>
            value={params.year}
            onChange={(y) => setSearch({ year: y ? String(y) : undefined })}
            options={yearOptions().map((y) => ({ value: y, label: t('plan.yearValue', { year: y }) }))}
            placeholder={t('plan.yearFilter')}
            allowClear
            style={{ width: 130 }}
            data-testid="plan-year-filter"
          />
        </Flex>
        {plans.isPending ? (
          <TableSkeleton />
        ) : (
          <Table<TPlanSummary>
            rowKey="id"
            columns={columns}
            dataSource={plans.data?.items ?? []}
            loading={plans.isFetching}
            locale={{ emptyText }}
            scroll={{ x: 1240 }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: plans.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.table.total', { total }),
            }}
            onChange={(pagination) => setSearch({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) })}
          />
        )}
      </Card>
    </div>
  );
}
