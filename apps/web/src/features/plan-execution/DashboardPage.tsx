import type { TDashboardQuery, TPlanDashboard, TPlanExec, TTargetProgress, TTaskProgress, TUnitScore } from '@kechuang/contracts';
import { Card, Col, DatePicker, Empty, Flex, Progress, Row, Select, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { EChart, type EChartOption } from './charts.ts';
import { useDashboard } from './exec-api.ts';
import { formatNumber, formatPercent, orgNames, StatusTag, statusColors, statusOrder, TargetStatusTag } from './exec-format.tsx';
import { PlanFrame } from './PlanSubNav.tsx';

/** 进度看板: status counts, targets against their goals, the monthly trend, lagging units and tasks. */
export function DashboardPage() {
  return (
    <PlanFrame active="dashboard" testId="page-plan-dashboard">
      {(plan) => <DashboardView plan={plan} />}
    </PlanFrame>
  );
}

function DashboardView({ plan }: { plan: TPlanExec }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const query: TDashboardQuery = {
    ...(search.section ? { sectionId: Number(search.section) } : {}),
    ...(search.org ? { orgId: Number(search.org) } : {}),
    ...(search.asOf ? { asOf: search.asOf } : {}),
  };
  const dashboard = useDashboard(plan.id, query);
  const sections = plan.nodes.filter((n) => n.kind === 'section');
  const units = useMemo(() => {
    const map = new Map<number, string>();
    for (const n of plan.nodes) for (const o of [...n.leadOrgs, ...n.coOrgs]) map.set(o.orgId, o.name);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [plan.nodes]);

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<number>
          value={query.sectionId}
          onChange={(v) => setSearch({ section: v ? String(v) : undefined })}
          options={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}` }))}
          placeholder={t('planExec.filters.section')}
          allowClear
          style={{ width: 260 }}
          popupMatchSelectWidth={360}
          data-testid="dashboard-section"
        />
        <Select<number>
          value={query.orgId}
          onChange={(v) => setSearch({ org: v ? String(v) : undefined })}
          options={units}
          placeholder={t('planExec.filters.unit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          data-testid="dashboard-unit"
        />
        <DatePicker
          value={query.asOf ? dayjs(query.asOf) : null}
          onChange={(d) => setSearch({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
          placeholder={t('planExec.filters.asOf')}
          allowClear
        />
        {dashboard.data ? (
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            {t('planExec.dashboard.asOf', { date: dashboard.data.asOf })}
          </Typography.Text>
        ) : null}
      </Flex>
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} /> : null}
      {dashboard.data ? <DashboardBody d={dashboard.data} planId={plan.id} /> : dashboard.isPending ? <Card loading /> : null}
    </>
  );
}

function DashboardBody({ d, planId }: { d: TPlanDashboard; planId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const total = statusOrder.reduce((s, k) => s + d.counts[k], 0);

  const pie = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
      legend: { bottom: 0, icon: 'circle', itemWidth: 8 },
      series: [
        {
          type: 'pie',
          radius: ['42%', '68%'],
          center: ['50%', '44%'],
          label: { formatter: '{b}\n{c}' },
          data: statusOrder
            .filter((k) => d.counts[k] > 0)
            .map((k) => ({ name: t(`planExec.status.${k}`), value: d.counts[k], itemStyle: { color: statusColors[k] } })),
        },
      ],
    }),
    [d.counts, t],
  );

  const sectionBars = useMemo<EChartOption>(() => {
    const list = [...d.sections].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: list.map((s) => `${s.number} ${s.title}`),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: list.map((s) => ({ value: Math.round(s.completion * 10) / 10, itemStyle: { color: statusColors[s.status] } })),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    };
  }, [d.sections]);

  const trend = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 24, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: d.trend.map((p) => p.period) },
      yAxis: [
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('planExec.dashboard.trendReports'),
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 18,
          itemStyle: { color: '#c9d8ff' },
          data: d.trend.map((p) => p.reportsSubmitted),
        },
        {
          name: t('planExec.dashboard.trendActual'),
          type: 'line',
          connectNulls: true,
          itemStyle: { color: '#3370ff' },
          data: d.trend.map((p) => (p.avgPercent === null ? null : Math.round(p.avgPercent * 10) / 10)),
        },
        {
          name: t('planExec.dashboard.trendExpected'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#8f959e' },
          data: d.trend.map((p) => Math.round(p.expectedPercent * 10) / 10),
        },
      ],
    }),
    [d.trend, t],
  );

  const targetColumns: TableColumnsType<TTargetProgress> = [
    { title: t('planExec.dashboard.indicator'), dataIndex: 'indicatorName', ellipsis: true },
    { title: t('planExec.dashboard.target'), key: 'target', width: 120, render: (_, x) => formatNumber(x.target, x.unit) },
    { title: t('planExec.dashboard.actual'), key: 'actual', width: 120, render: (_, x) => formatNumber(x.actual, x.unit) },
    {
      title: t('planExec.dashboard.attainment'),
      key: 'attainment',
      width: 180,
      sorter: (a, b) => (a.attainment ?? -1) - (b.attainment ?? -1),
      render: (_, x) =>
        x.attainment === null ? (
          <Typography.Text type="secondary">{t('planExec.dashboard.noData')}</Typography.Text>
        ) : (
          <Progress
            percent={Math.min(100, Math.round(x.attainment * 100))}
            format={() => `${Math.round(x.attainment! * 100)}%`}
            size="small"
            status={x.status === 'severely_lagging' ? 'exception' : x.status === 'met' ? 'success' : 'normal'}
            strokeColor={x.status === 'lagging' ? '#f77b00' : undefined}
          />
        ),
    },
    {
      title: t('planExec.fields.status'),
      key: 'status',
      width: 100,
      render: (_, x) => <TargetStatusTag status={x.status} reason={x.statusReason} />,
    },
    {
      title: t('planExec.dashboard.source'),
      key: 'source',
      width: 280,
      // where the actual comes from (and when it was recorded), or exactly why there is none
      render: (_, x) => (
        <Typography.Paragraph
          type={x.actualSourceLabel ? undefined : 'secondary'}
          ellipsis={{ rows: 2, tooltip: true }}
          style={{ margin: 0 }}
          data-testid="target-source"
        >
          {x.actualSourceLabel ?? x.statusReason.replace(/\s*→\s*\S+\s*$/, '')}
        </Typography.Paragraph>
      ),
    },
  ];

  const unitColumns: TableColumnsType<TUnitScore> = [
    { title: t('planExec.dashboard.unit'), dataIndex: 'name', ellipsis: true },
    { title: t('planExec.dashboard.tasks'), dataIndex: 'tasks', width: 70, align: 'right', sorter: (a, b) => a.tasks - b.tasks },
    {
      title: t('planExec.dashboard.laggingTasks'),
      dataIndex: 'lagging',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.lagging - b.lagging,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: t('planExec.dashboard.onTimeRate'),
      key: 'rate',
      width: 170,
      sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
      render: (_, u) =>
        u.onTimeRate === null ? (
          <Typography.Text type="secondary">{t('planExec.dashboard.noneDue')}</Typography.Text>
        ) : (
          <Progress
            percent={Math.round(u.onTimeRate * 100)}
            size="small"
            format={(p) => `${p}%（${u.slotsOnTime}/${u.slotsDue}）`}
            status={u.onTimeRate < 0.6 ? 'exception' : 'normal'}
          />
        ),
    },
  ];

  const laggingColumns: TableColumnsType<TTaskProgress> = [
    {
      title: t('planExec.fields.task'),
      key: 'task',
      render: (_, x) => (
        <Link to={`/plans/${planId}/tasks/${x.nodeId}`}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: x.title }} style={{ margin: 0, color: 'inherit' }}>
            <Typography.Text type="secondary">{x.number} </Typography.Text>
            {x.title}
          </Typography.Paragraph>
        </Link>
      ),
    },
    { title: t('planExec.fields.lead'), key: 'lead', width: 160, render: (_, x) => orgNames(x.leadOrgs) || t('common.none') },
    { title: t('planExec.fields.status'), key: 'status', width: 100, render: (_, x) => <StatusTag status={x.status} /> },
    { title: t('planExec.fields.statusReason'), dataIndex: 'statusReason', width: 300, ellipsis: { showTitle: true } },
    {
      title: t('planExec.fields.dueDate'),
      dataIndex: 'dueDate',
      width: 110,
      render: (v: string | null) => formatDate(v) || t('planExec.exec.yearEnd'),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="dashboard-body">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Flex align="center" gap={16}>
              <Progress type="circle" percent={Math.round(d.overall.completion)} size={84} strokeColor={statusColors[d.overall.status]} />
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{t('planExec.dashboard.overall')}</Typography.Text>
                <StatusTag status={d.overall.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('planExec.dashboard.elapsed', { value: formatPercent(d.overall.elapsed) })}
                </Typography.Text>
                {d.counts.unassigned > 0 ? (
                  <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="dashboard-unassigned">
                    {t('planExec.dashboard.assignedOnly', { assigned: total - d.counts.unassigned, unassigned: d.counts.unassigned })}
                  </Typography.Text>
                ) : null}
                {d.reviewPending > 0 ? (
                  <Link to={`/plans/${planId}/review`} style={{ fontSize: 12 }}>
                    {t('planExec.dashboard.reviewPending', { count: d.reviewPending })}
                  </Link>
                ) : null}
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Row gutter={[12, 12]} style={{ height: '100%' }}>
            {statusOrder.map((k) => (
              <Col key={k} xs={12} md={8} lg={{ flex: '1 1 0' }}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => navigate(`/plans/${planId}/execution?status=${k}`)}
                  style={{ height: '100%', borderTop: `3px solid ${statusColors[k]}` }}
                  data-testid={`dashboard-count-${k}`}
                >
                  <Statistic
                    title={t(`planExec.status.${k}`)}
                    value={d.counts[k]}
                    styles={{ content: { color: statusColors[k] } }}
                    suffix={<span style={{ fontSize: 13 }}>{t('planExec.dashboard.items')}</span>}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('planExec.dashboard.statusChart')} style={{ height: '100%' }}>
            {total > 0 ? <EChart option={pie} style={{ height: 300 }} /> : <Empty description={t('planExec.dashboard.noTasks')} />}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('planExec.dashboard.sectionChart')} style={{ height: '100%' }}>
            {d.sections.length > 0 ? (
              <EChart option={sectionBars} style={{ height: Math.max(300, d.sections.length * 34) }} />
            ) : (
              <Empty description={t('planExec.dashboard.noSections')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('planExec.dashboard.targets', { count: d.targets.length })} styles={{ body: { padding: 0 } }}>
        <Table<TTargetProgress>
          rowKey="targetId"
          size="small"
          columns={targetColumns}
          dataSource={d.targets}
          onRow={() => ({ 'data-testid': 'dashboard-target-row' }) as object}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (n) => t('common.table.total', { total: n }) }}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('planExec.dashboard.noTargets')} /> }}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('planExec.dashboard.trend')} style={{ height: '100%' }}>
            {d.trend.length > 0 ? (
              <EChart option={trend} style={{ height: 300 }} />
            ) : (
              <Empty description={t('planExec.dashboard.noTrend')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('planExec.dashboard.scorecard')} style={{ height: '100%' }} styles={{ body: { padding: 0 } }}>
            <Table<TUnitScore>
              rowKey="orgId"
              size="small"
              columns={unitColumns}
              dataSource={d.units}
              onRow={() => ({ 'data-testid': 'dashboard-unit-row' }) as object}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description={t('planExec.dashboard.noUnits')} /> }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('planExec.dashboard.lagging', { count: d.laggingTasks.length })} styles={{ body: { padding: 0 } }}>
        <Table<TTaskProgress>
          rowKey="nodeId"
          size="small"
          columns={laggingColumns}
          dataSource={d.laggingTasks}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('planExec.dashboard.noLagging')} /> }}
        />
      </Card>
    </Flex>
  );
}
