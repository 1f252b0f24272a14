import type { TInboxItem, TSlotState } from '@kechuang/contracts';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { type InboxParams, useInbox } from './exec-api.ts';
import { SlotTag } from './exec-format.tsx';
import { ReportDrawer } from './ReportDrawer.tsx';

const cards: { state: TSlotState; count: 'returned' | 'overdue' | 'dueSoon' | 'drafts' | 'awaitingReview'; color: string }[] = [
  { state: 'returned', count: 'returned', color: '#f54a45' },
  { state: 'overdue', count: 'overdue', color: '#b2248b' },
  { state: 'due_soon', count: 'dueSoon', color: '#f77b00' },
  { state: 'draft', count: 'drafts', color: '#646a73' },
  { state: 'submitted', count: 'awaitingReview', color: '#3370ff' },
];

/** 我的任务: what the unit owes — returned, overdue, due soon, drafts — and the report form behind each. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const state = search.state as TSlotState | undefined;
  const params: InboxParams = {
    ...(search.planFilter ? { planId: Number(search.planFilter) } : {}),
    ...(state ? { state } : {}),
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
  };
  const inbox = useInbox(params);
  const openPlan = intParam(search.plan, 0);
  const openNode = intParam(search.node, 0);
  const openPeriod = search.period;

  const open = (item: TInboxItem) =>
    setSearch({ plan: String(item.planId), node: String(item.nodeId), period: item.slots[0]?.period, page: String(params.page) });
  const close = () => setSearch({ plan: undefined, node: undefined, period: undefined, page: String(params.page) });

  const columns: TableColumnsType<TInboxItem> = [
    {
      title: t('planExec.fields.task'),
      key: 'task',
      render: (_, item) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Link onClick={() => open(item)} data-testid="inbox-open">
            <Typography.Text type="secondary">{item.number} </Typography.Text>
            {item.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {[item.planTitle, item.sectionTitle].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('planExec.inbox.unit'),
      key: 'org',
      width: 170,
      render: (_, item) => (
        <Space size={4} wrap>
          <span>{item.orgName}</span>
          <Tag color={item.role === 'lead' ? 'blue' : 'default'}>{t(`planExec.role.${item.role}`)}</Tag>
        </Space>
      ),
    },
    { title: t('planExec.inbox.urgency'), key: 'urgency', width: 100, render: (_, item) => <SlotTag state={item.urgency} /> },
    {
      title: t('planExec.inbox.slots'),
      key: 'slots',
      width: 300,
      render: (_, item) => (
        <Flex wrap gap={4}>
          {item.slots.slice(0, 4).map((s) => (
            <Tooltip
              key={s.period}
              title={t(s.daysLeft < 0 ? 'planExec.inbox.overdueDays' : 'planExec.inbox.daysLeft', {
                date: s.dueDate,
                days: Math.abs(s.daysLeft),
              })}
            >
              <Tag
                style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                onClick={() =>
                  setSearch({ plan: String(item.planId), node: String(item.nodeId), period: s.period, page: String(params.page) })
                }
              >
                {s.period} · {t(`planExec.slot.${s.state}`)}
              </Tag>
            </Tooltip>
          ))}
          {item.slots.length > 4 ? <Tag>+{item.slots.length - 4}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('planExec.fields.dueDate'),
      dataIndex: 'dueDate',
      width: 110,
      render: (v: string | null) => formatDate(v) || t('planExec.exec.yearEnd'),
    },
    {
      title: t('planExec.fields.percent'),
      dataIndex: 'percent',
      width: 120,
      render: (v: number | null) => (v === null ? t('common.none') : <Progress percent={v} size="small" />),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, item) => (
        <Button size="small" type="primary" ghost onClick={() => open(item)} data-testid="inbox-report">
          {item.urgency === 'submitted' || item.urgency === 'accepted' || item.urgency === 'upcoming'
            ? t('planExec.inbox.view')
            : t('planExec.inbox.report')}
        </Button>
      ),
    },
  ];

  const counts = inbox.data?.counts;
  // plans seen in the inbox, remembered while filtering so the choice can be changed
  const [plans, setPlans] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    const items = inbox.data?.items ?? [];
    if (items.some((i) => !plans.has(i.planId)))
      setPlans((prev) => new Map([...prev, ...items.map((i) => [i.planId, i.planTitle] as const)]));
  }, [inbox.data, plans]);
  return (
    <div data-testid="page-my-tasks">
      <PageHeader
        title={t('planExec.inbox.title')}
        subtitle={
          counts ? t('planExec.inbox.subtitle', { tasks: counts.tasks, asOf: inbox.data?.asOf }) : t('planExec.inbox.subtitleEmpty')
        }
      />
      {inbox.isError ? <QueryError error={inbox.error} onRetry={() => inbox.refetch()} /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {cards.map((c) => {
          const active = state === c.state;
          return (
            <Col key={c.state} xs={12} md={8} xl={{ flex: '1 1 0' }}>
              <Card
                size="small"
                hoverable
                onClick={() => setSearch({ state: active ? undefined : c.state })}
                style={{ borderColor: active ? c.color : undefined, boxShadow: active ? `0 0 0 1px ${c.color}` : undefined }}
                data-testid={`inbox-card-${c.state}`}
              >
                <Statistic
                  title={t(`planExec.inbox.cards.${c.count}`)}
                  value={counts?.[c.count] ?? 0}
                  styles={{ content: { color: (counts?.[c.count] ?? 0) > 0 ? c.color : undefined } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card styles={{ body: { padding: 0 } }}>
        <Flex align="center" gap={8} wrap style={{ padding: 16 }}>
          <Select<number>
            value={params.planId}
            onChange={(v) => setSearch({ planFilter: v ? String(v) : undefined })}
            options={[...plans].map(([value, label]) => ({ value, label }))}
            placeholder={t('planExec.inbox.planFilter')}
            allowClear
            style={{ width: 320 }}
            data-testid="inbox-plan-filter"
          />
          {state ? (
            <>
              <Typography.Text type="secondary">{t('planExec.inbox.filtered')}</Typography.Text>
              <Tag closable onClose={() => setSearch({ state: undefined })}>
                {t(`planExec.slot.${state}`)}
              </Tag>
            </>
          ) : null}
        </Flex>
        {inbox.isPending ? (
          <TableSkeleton />
        ) : (
          <Table<TInboxItem>
            rowKey={(i) => `${i.planId}:${i.nodeId}:${i.orgId}`}
            columns={columns}
            dataSource={inbox.data?.items ?? []}
            loading={inbox.isFetching}
            onRow={() => ({ 'data-testid': 'inbox-row' }) as object}
            locale={{ emptyText: <Empty description={state ? t('common.table.noMatch') : t('planExec.inbox.empty')} /> }}
            scroll={{ x: 1100 }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: inbox.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.table.total', { total }),
            }}
            onChange={(p) => setSearch({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          />
        )}
      </Card>
      {openPlan && openNode ? (
        <ReportDrawer
          key={`${openPlan}:${openNode}:${openPeriod ?? ''}`}
          planId={openPlan}
          nodeId={openNode}
          period={openPeriod}
          open
          onClose={close}
        />
      ) : null}
    </div>
  );
}
