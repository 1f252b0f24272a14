import type { TPlanExec, TReviewQueue } from '@kechuang/contracts';
import { Button, Card, Empty, Flex, Progress, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useReviewQueue } from './exec-api.ts';
import { PlanFrame } from './PlanSubNav.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';

type Item = TReviewQueue['items'][number];

/** 报送审核: the plan's submitted reports waiting for the bureau, by unit. */
export function ReviewPage() {
  return (
    <PlanFrame active="review" testId="page-plan-review">
      {(plan) => <ReviewQueueView plan={plan} />}
    </PlanFrame>
  );
}

function ReviewQueueView({ plan }: { plan: TPlanExec }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const orgId = search.org ? Number(search.org) : undefined;
  const params = { orgId, page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const queue = useReviewQueue(plan.id, params);
  const [current, setCurrent] = useState<Item | null>(null);

  const units = useMemo(() => {
    const map = new Map<number, string>();
    for (const n of plan.nodes) for (const o of [...n.leadOrgs, ...n.coOrgs]) map.set(o.orgId, o.name);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [plan.nodes]);

  const columns: TableColumnsType<Item> = [
    {
      title: t('planExec.fields.task'),
      key: 'task',
      render: (_, i) => (
        <Link to={`/plans/${plan.id}/tasks/${i.nodeId}`}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: i.title }} style={{ margin: 0, color: 'inherit' }}>
            <Typography.Text type="secondary">{i.number} </Typography.Text>
            {i.title}
          </Typography.Paragraph>
        </Link>
      ),
    },
    { title: t('planExec.report.org'), dataIndex: 'orgName', width: 170 },
    { title: t('planExec.report.period'), dataIndex: 'period', width: 100 },
    {
      title: t('planExec.report.version'),
      dataIndex: 'version',
      width: 84,
      render: (v: number) => t('planExec.report.versionValue', { version: v }),
    },
    {
      title: t('planExec.fields.percent'),
      dataIndex: 'percent',
      width: 120,
      render: (v: number | null) => (v === null ? t('common.none') : <Progress percent={v} size="small" />),
    },
    {
      title: t('planExec.report.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      sorter: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, i) => (
        <Button size="small" type="primary" ghost onClick={() => setCurrent(i)} data-testid="review-open">
          {t('planExec.review.review')}
        </Button>
      ),
    },
  ];

  return (
    <Card styles={{ body: { padding: 0 } }}>
      {queue.isError ? <QueryError error={queue.error} onRetry={() => queue.refetch()} /> : null}
      <Flex gap={12} align="center" wrap style={{ padding: 16 }}>
        <Select<number>
          value={orgId}
          onChange={(v) => setSearch({ org: v ? String(v) : undefined })}
          options={units}
          placeholder={t('planExec.filters.unit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
        />
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
          {t('planExec.review.pending', { count: queue.data?.total ?? 0 })}
        </Typography.Text>
      </Flex>
      <Table<Item>
        rowKey="reportId"
        columns={columns}
        dataSource={queue.data?.items ?? []}
        loading={queue.isFetching}
        onRow={() => ({ 'data-testid': 'review-row' }) as object}
        locale={{ emptyText: <Empty description={t('planExec.review.empty')} /> }}
        scroll={{ x: 1000 }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: queue.data?.total ?? 0,
          showSizeChanger: true,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.table.total', { total }),
        }}
        onChange={(p) => setSearch({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
      />
      <ReviewDrawer
        planId={plan.id}
        reportId={current?.reportId ?? null}
        title={current ? `${current.number} ${current.orgName} · ${current.period}` : undefined}
        open={current !== null}
        onClose={() => setCurrent(null)}
      />
    </Card>
  );
}
