import { EditOutlined, PlusOutlined, SendOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import type { TExecNode, TPlanExec, TTaskProgress, TTaskStatus } from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDate } from '../../lib/format.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { BulkAssignModal } from './BulkAssignModal.tsx';
import { usePlanProgress, usePublishPlan, useSuggestions } from './exec-api.ts';
import { orgNames, StatusTag, statusOrder, useCycleText } from './exec-format.tsx';
import { MetaModal } from './MetaModal.tsx';
import { NodeModal, type NodeModalState, NodeTools } from './NodeEdit.tsx';
import { PlanFrame, useIsPlanManager } from './PlanSubNav.tsx';
import { PlanXlsx } from './PlanXlsx.tsx';
import { TaskEditDrawer } from './TaskEditDrawer.tsx';
import { sectionTicks, toggleRow } from './task-selection.ts';
import { childrenByParent } from './tree-edit.ts';

interface Row {
  key: number;
  node: TExecNode;
  progress: TTaskProgress | undefined;
  children?: Row[];
}

export function PlanExecutionPage() {
  return (
    <PlanFrame active="execution" testId="page-plan-execution" extra={(plan) => <PlanActions plan={plan} />}>
      {(plan) => <ExecutionView plan={plan} key={plan.id} />}
    </PlanFrame>
  );
}

function PlanActions({ plan }: { plan: TPlanExec }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const manager = useIsPlanManager();
  const publish = usePublishPlan(plan.id);
  const [metaOpen, setMetaOpen] = useState(false);
  if (!manager) return <PlanXlsx planId={plan.id} planTitle={plan.title} canImport={false} />;
  const published = plan.status === 'published';
  const toggle = () =>
    publish
      .mutateAsync({ publish: !published, version: plan.version, reason: '' })
      .then(() => message.success(t(published ? 'planExec.publish.unpublished' : 'planExec.publish.published')))
      .catch((e: unknown) => message.error(errorText(e)));
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setMetaOpen(true)} data-testid="plan-meta-edit">
        {t('planExec.meta.edit')}
      </Button>
      <PlanXlsx planId={plan.id} planTitle={plan.title} canImport />
      <Popconfirm
        title={t(published ? 'planExec.publish.confirmUnpublish' : 'planExec.publish.confirmPublish')}
        description={
          <div style={{ maxWidth: 320 }}>{t(published ? 'planExec.publish.unpublishHint' : 'planExec.publish.publishHint')}</div>
        }
        onConfirm={toggle}
        okText={t('common.actions.confirm')}
        cancelText={t('common.actions.cancel')}
      >
        <Button
          type={published ? 'default' : 'primary'}
          danger={published}
          icon={published ? <StopOutlined /> : <SendOutlined />}
          loading={publish.isPending}
          data-testid={published ? 'plan-unpublish' : 'plan-publish'}
        >
          {t(published ? 'planExec.publish.unpublish' : 'planExec.publish.publish')}
        </Button>
      </Popconfirm>
      <MetaModal plan={plan} open={metaOpen} onClose={() => setMetaOpen(false)} />
    </>
  );
}

function ExecutionView({ plan }: { plan: TPlanExec }) {
  const { t } = useTranslation();
  const manager = useIsPlanManager();
  const cycleText = useCycleText();
  const progress = usePlanProgress(plan.id);
  const suggestions = useSuggestions(plan.id, manager);
  const drawer = useDrawer<TExecNode>();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');

  const sectionFilter = search.section ? Number(search.section) : undefined;
  const orgFilter = search.org ? Number(search.org) : undefined;
  const statusFilter = search.status as TTaskStatus | undefined;

  const [nodeModal, setNodeModal] = useState<NodeModalState | null>(null);
  // ticked rows for 批量分工 (a ticked section ticks its tasks)
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const selectedTasks = selected.filter((id) => plan.nodes.some((n) => n.id === id && n.kind === 'task')).length;
  const ticks = useMemo(() => sectionTicks(plan.nodes, new Set(selected)), [plan.nodes, selected]);
  /** each parent's children in plan order (the whole tree, whatever the filters show) */
  const siblingsOf = useMemo(() => childrenByParent(plan.nodes), [plan.nodes]);

  const byNode = useMemo(() => new Map((progress.data?.tasks ?? []).map((p) => [p.nodeId, p])), [progress.data]);
  const sections = plan.nodes.filter((n) => n.kind === 'section');
  const units = useMemo(() => {
    const map = new Map<number, string>();
    for (const n of plan.nodes) for (const o of [...n.leadOrgs, ...n.coOrgs]) map.set(o.orgId, o.name);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [plan.nodes]);

  const { rows, matched, expandedKeys } = useMemo(() => {
    const keyword = (search.q ?? '').trim().toLowerCase();
    const sectionOf = new Map<number, number | null>();
    const children = new Map<number | null, TExecNode[]>();
    for (const n of plan.nodes) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    }
    const walk = (parent: number | null, section: number | null) => {
      for (const n of children.get(parent) ?? []) {
        const s = n.kind === 'section' ? n.id : section;
        sectionOf.set(n.id, s);
        walk(n.id, s);
      }
    };
    walk(null, null);
    const matches = (n: TExecNode) => {
      if (n.kind !== 'task') return false;
      const p = byNode.get(n.id);
      if (sectionFilter && sectionOf.get(n.id) !== sectionFilter) return false;
      if (orgFilter && ![...n.leadOrgs, ...n.coOrgs].some((o) => o.orgId === orgFilter)) return false;
      if (statusFilter && p?.status !== statusFilter) return false;
      if (keyword && !`${n.number} ${n.title} ${n.leader ?? ''}`.toLowerCase().includes(keyword)) return false;
      return true;
    };
    let count = 0;
    const expanded: number[] = [];
    const build = (parent: number | null): Row[] => {
      const out: Row[] = [];
      for (const n of [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position)) {
        const kids = build(n.id);
        const self = matches(n);
        if (self) count++;
        // an empty section still shows when nothing is filtered (or it is the one filtered on): tasks can be added to it
        const emptySection = n.kind === 'section' && (n.id === sectionFilter || !(keyword || sectionFilter || orgFilter || statusFilter));
        if (!self && kids.length === 0 && !emptySection) continue;
        const row: Row = { key: n.id, node: n, progress: byNode.get(n.id) };
        if (kids.length) {
          row.children = kids;
          expanded.push(n.id);
        }
        out.push(row);
      }
      return out;
    };
    return { rows: build(null), matched: count, expandedKeys: expanded };
  }, [plan.nodes, byNode, search.q, sectionFilter, orgFilter, statusFilter]);

  const filtered = Boolean(search.q || sectionFilter || orgFilter || statusFilter);
  const taskCount = plan.nodes.filter((n) => n.kind === 'task').length;

  const columns: TableColumnsType<Row> = [
    {
      title: t('planExec.fields.task'),
      key: 'title',
      width: 340,
      render: (_, { node }) =>
        node.kind === 'section' ? (
          <Typography.Text strong>
            {node.number} {node.title}
          </Typography.Text>
        ) : (
          <Link to={`/plans/${plan.id}/tasks/${node.id}`} data-testid="task-link">
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: node.title }} style={{ margin: 0, color: 'inherit' }}>
              <Typography.Text type="secondary">{node.number} </Typography.Text>
              {node.title}
            </Typography.Paragraph>
          </Link>
        ),
    },
    {
      title: t('planExec.fields.status'),
      key: 'status',
      width: 100,
      render: (_, r) =>
        r.node.kind === 'task' && r.progress ? <StatusTag status={r.progress.status} reason={r.progress.statusReason} /> : null,
    },
    {
      title: t('planExec.fields.percent'),
      key: 'percent',
      width: 110,
      render: (_, r) =>
        r.node.kind === 'task' && r.progress?.percent != null ? <Progress percent={r.progress.percent} size="small" /> : null,
    },
    {
      title: t('planExec.exec.units'),
      key: 'units',
      width: 200,
      render: (_, { node }) =>
        node.kind !== 'task' ? null : (
          <Flex vertical gap={2}>
            {node.leadOrgs.length ? (
              <Typography.Text>{orgNames(node.leadOrgs)}</Typography.Text>
            ) : node.leadUnits.length ? (
              <Tooltip title={t('planExec.exec.unassignedHint')}>
                <Typography.Text type="warning">
                  {t('planExec.exec.unassigned')}：{node.leadUnits.join('、')}
                </Typography.Text>
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">{t('planExec.exec.unassigned')}</Typography.Text>
            )}
            {node.coOrgs.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('planExec.exec.coPrefix')}
                {orgNames(node.coOrgs)}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    // 责任领导 only when the plan names any
    ...(plan.nodes.some((n) => n.leader)
      ? [{ title: t('planExec.fields.leader'), key: 'leader', width: 80, render: (_: unknown, { node }: Row) => node.leader ?? '' }]
      : []),
    {
      title: t('planExec.fields.dueDate'),
      key: 'due',
      width: 110,
      render: (_, { node }) => (node.kind === 'task' ? formatDate(node.dueDate) || node.deadline || t('planExec.exec.yearEnd') : null),
    },
    {
      title: t('planExec.fields.cycle'),
      key: 'cycle',
      width: 130,
      render: (_, { node }) => (node.kind === 'task' ? cycleText(node) : null),
    },
    {
      title: t('planExec.fields.weight'),
      key: 'weight',
      width: 64,
      align: 'right',
      render: (_, { node }) => (node.kind === 'task' ? node.weight : null),
    },
    {
      title: t('planExec.fields.latestReport'),
      key: 'latest',
      width: 180,
      render: (_, r) =>
        r.progress?.latestReport ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.progress.latestReport.narrative }} style={{ margin: 0, fontSize: 12 }}>
            <Typography.Text type="secondary">{r.progress.latestReport.period}：</Typography.Text>
            {r.progress.latestReport.narrative || t('common.none')}
          </Typography.Paragraph>
        ) : null,
    },
    ...(manager
      ? [
          {
            title: t('common.table.actions'),
            key: 'actions',
            width: 204,
            fixed: 'right' as const,
            render: (_: unknown, { node }: Row) => (
              <Flex justify="space-between" align="center" gap={4}>
                {node.kind === 'task' ? (
                  <Button size="small" type="link" onClick={() => drawer.openWith(node)} data-testid="task-assign">
                    {t('planExec.exec.assign')}
                  </Button>
                ) : (
                  <Button size="small" type="link" onClick={() => setNodeModal({ mode: 'addTask', node })} data-testid="node-add-task">
                    {t('planExec.tree.addTask')}
                  </Button>
                )}
                <NodeTools
                  plan={plan}
                  node={node}
                  siblings={siblingsOf.get(node.parentId) ?? []}
                  onEdit={node.kind === 'section' ? () => setNodeModal({ mode: 'editSection', node }) : undefined}
                />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const unassigned = plan.nodes.filter((n) => n.kind === 'task' && n.leadOrgs.length === 0).length;

  return (
    <Card styles={{ body: { padding: 0 } }}>
      {progress.isError ? <QueryError error={progress.error} onRetry={() => progress.refetch()} /> : null}
      <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => setSearch({ q: value.trim() || undefined })}
          placeholder={t('planExec.exec.searchPlaceholder')}
          allowClear
          style={{ width: 240 }}
          data-testid="exec-search"
        />
        <Select<number>
          value={sectionFilter}
          onChange={(v) => setSearch({ section: v ? String(v) : undefined })}
          options={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}` }))}
          placeholder={t('planExec.filters.section')}
          aria-label={t('planExec.filters.section')}
          allowClear
          style={{ width: 220 }}
          popupMatchSelectWidth={360}
        />
        <Select<number>
          value={orgFilter}
          onChange={(v) => setSearch({ org: v ? String(v) : undefined })}
          options={units}
          placeholder={t('planExec.filters.unit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
        />
        <Select<TTaskStatus>
          value={statusFilter}
          onChange={(v) => setSearch({ status: v })}
          options={statusOrder.map((s) => ({ value: s, label: t(`planExec.status.${s}`) }))}
          placeholder={t('planExec.filters.status')}
          allowClear
          style={{ width: 140 }}
          data-testid="exec-status-filter"
        />
        <Space style={{ marginLeft: 'auto' }} size={16}>
          <Typography.Text type="secondary">
            {filtered
              ? t('planExec.exec.matched', { count: matched, total: taskCount })
              : t('planExec.exec.taskTotal', { count: taskCount })}
          </Typography.Text>
          {unassigned > 0 && manager ? (
            <Typography.Text type="warning">{t('planExec.exec.unassignedCount', { count: unassigned })}</Typography.Text>
          ) : null}
          {manager ? (
            <Tooltip title={selectedTasks === 0 ? t('planExec.bulk.selectHint') : undefined}>
              <Button
                icon={<TeamOutlined />}
                disabled={selectedTasks === 0}
                onClick={() => setBulkOpen(true)}
                data-testid="bulk-assign-open"
              >
                {selectedTasks > 0 ? t('planExec.bulk.openCount', { n: selectedTasks }) : t('planExec.bulk.open')}
              </Button>
            </Tooltip>
          ) : null}
          {manager ? (
            <Button icon={<PlusOutlined />} onClick={() => setNodeModal({ mode: 'addSection' })} data-testid="add-section">
              {t('planExec.tree.addSection')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<Row>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={progress.isPending}
        expandable={{ expandedRowKeys: expandedKeys, showExpandColumn: false }}
        {...(manager
          ? {
              // ticks are ours, over the whole tree: a section is half-ticked while some of its tasks are
              rowSelection: {
                selectedRowKeys: [...selected, ...ticks.checked],
                onSelect: (r: Row, on: boolean) => setSelected((s) => toggleRow(plan.nodes, s, r.node, on)),
                onSelectAll: (on: boolean) => setSelected(on ? plan.nodes.filter((n) => n.kind === 'task').map((n) => n.id) : []),
                // antd draws no half tick for tree rows under checkStrictly: draw it for a partly ticked section
                renderCell: (_: boolean, r: Row, __: number, origin: ReactNode) =>
                  ticks.partial.includes(r.node.id) ? (
                    <Checkbox
                      indeterminate
                      checked={false}
                      onChange={(e) => setSelected((s) => toggleRow(plan.nodes, s, r.node, e.target.checked))}
                    />
                  ) : (
                    origin
                  ),
                columnWidth: 40,
                checkStrictly: true,
              },
            }
          : {})}
        rowClassName={(r) => (r.node.kind === 'section' ? 'kc-section-row' : '')}
        onRow={(r) =>
          ({
            'data-testid': r.node.kind === 'task' ? 'exec-task-row' : 'exec-section-row',
            'data-node': r.node.id,
            'data-title': r.node.title,
          }) as object
        }
        locale={{
          emptyText: filtered ? (
            <Empty description={t('common.table.noMatch')}>
              <Button
                onClick={() => {
                  setQ('');
                  setSearch({ q: undefined, section: undefined, org: undefined, status: undefined });
                }}
              >
                {t('common.actions.clearFilters')}
              </Button>
            </Empty>
          ) : (
            <Empty description={t('planExec.exec.empty')} />
          ),
        }}
        scroll={{ x: 1400 }}
        pagination={false}
      />
      <style>{'.kc-section-row > td { background: #f7f8fa !important; }'}</style>
      <TaskEditDrawer
        key={drawer.key}
        plan={plan}
        node={drawer.item}
        suggestions={suggestions.data}
        open={drawer.open}
        onClose={drawer.close}
      />
      <BulkAssignModal
        plan={plan}
        nodeIds={[...selected, ...ticks.checked]}
        open={bulkOpen}
        onClose={(done) => {
          setBulkOpen(false);
          if (done) setSelected([]);
        }}
      />
      {nodeModal ? (
        <NodeModal
          plan={plan}
          state={nodeModal}
          onClose={() => setNodeModal(null)}
          onAdded={(node) => {
            setNodeModal(null);
            // a new task goes on to its units and schedule
            if (node.kind === 'task') drawer.openWith(node);
          }}
        />
      ) : null}
    </Card>
  );
}
