import type { TPlanDetail } from '@kechuang/contracts';
import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetBindingCell } from './IndicatorBinding.tsx';
import { formatNormalized, formatValue, markColors, toneOf } from './plan-format.ts';

type PlanNode = TPlanDetail['nodes'][number];
type PlanTarget = TPlanDetail['targets'][number];
interface NodeRow {
  key: number;
  node: PlanNode;
  children?: NodeRow[];
}

/** Nodes by parent, siblings in `position` order; leaves get no `children` so no expand icon shows. */
function nodeRows(nodes: readonly PlanNode[]): NodeRow[] {
  const sorted = [...nodes].sort((a, b) => a.position - b.position || a.id - b.id);
  const rows = new Map<number, NodeRow>(sorted.map((n) => [n.id, { key: n.id, node: n }]));
  const roots: NodeRow[] = [];
  for (const n of sorted) {
    const row = rows.get(n.id);
    if (!row) continue;
    const parent = n.parentId !== null ? rows.get(n.parentId) : undefined;
    if (!parent) roots.push(row);
    else parent.children = [...(parent.children ?? []), row];
  }
  return roots;
}

const unitTags = (units: string[], color?: string) =>
  units.length === 0 ? null : (
    <Flex gap={4} wrap>
      {units.map((u) => (
        <Tag key={u} color={color} style={{ marginInlineEnd: 0 }}>
          {u}
        </Tag>
      ))}
    </Flex>
  );

export function PlanTasksTable({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  const rows = useMemo(() => nodeRows(plan.nodes), [plan.nodes]);
  const columns: TableColumnsType<NodeRow> = [
    {
      title: t('plan.fields.title'),
      key: 'title',
      render: (_, { node }) => (
        <span>
          {node.number ? <Typography.Text type="secondary">{node.number} </Typography.Text> : null}
          <Typography.Text strong={node.kind === 'section'}>{node.title}</Typography.Text>
          {node.kind === 'task' ? (
            <Tag color="processing" style={{ marginInlineStart: 6 }}>
              {t('plan.tree.task')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('plan.tree.leadUnits'), key: 'lead', width: 220, render: (_, { node }) => unitTags(node.leadUnits, 'blue') },
    { title: t('plan.tree.coUnits'), key: 'co', width: 220, render: (_, { node }) => unitTags(node.coUnits) },
    { title: t('plan.tree.deadline'), key: 'deadline', width: 120, render: (_, { node }) => node.deadline ?? '' },
  ];
  return (
    <Table<NodeRow>
      columns={columns}
      dataSource={rows}
      size="small"
      pagination={false}
      expandable={{ defaultExpandAllRows: true, indentSize: 20 }}
      locale={{ emptyText: t('plan.detail.noTasks') }}
      data-testid="plan-tasks"
    />
  );
}

export interface PlanTargetsTableProps {
  plan: TPlanDetail;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function PlanTargetsTable({ plan, selectedId, onSelect }: PlanTargetsTableProps) {
  const { t } = useTranslation();
  const nodeTitles = useMemo(() => new Map(plan.nodes.map((n) => [n.id, `${n.number} ${n.title}`.trim()])), [plan.nodes]);
  const targets = useMemo(() => [...plan.targets].sort((a, b) => a.start - b.start), [plan.targets]);
  const columns: TableColumnsType<PlanTarget> = [
    {
      title: t('plan.targets.indicator'),
      key: 'indicator',
      render: (_, x) => (
        <span>
          {x.indicatorName}
          {x.baseline ? <Tag style={{ marginInlineStart: 6 }}>{t('plan.targets.baseline')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('plan.binding.title'),
      key: 'binding',
      width: 220,
      render: (_, x) => (x.baseline ? null : <TargetBindingCell plan={plan} target={x} />),
    },
    {
      title: t('plan.targets.value'),
      key: 'value',
      width: 120,
      render: (_, x) => <Typography.Text strong>{formatValue(x)}</Typography.Text>,
    },
    { title: t('plan.targets.normalized'), key: 'normalized', width: 130, render: (_, x) => formatNormalized(x) },
    {
      title: t('plan.targets.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (_, x) => <Tag color={markColors[x.kind].tag}>{t(`plan.targets.kinds.${x.kind}`)}</Tag>,
    },
    { title: t('plan.targets.targetYear'), dataIndex: 'targetYear', width: 90, render: (y: number | null) => y ?? '' },
    {
      title: t('plan.targets.comparator'),
      key: 'comparator',
      width: 100,
      render: (_, x) => [x.comparator, x.qualifier].filter(Boolean).join(' … '),
    },
    {
      title: t('plan.targets.node'),
      key: 'node',
      width: 220,
      render: (_, x) => (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 200 }}>
          {x.nodeId !== null ? (nodeTitles.get(x.nodeId) ?? '') : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('plan.targets.quote'),
      dataIndex: 'quote',
      render: (q: string) => <Typography.Text type="secondary">{q}</Typography.Text>,
    },
  ];
  return (
    <Table<PlanTarget>
      rowKey="id"
      columns={columns}
      dataSource={targets}
      size="small"
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('plan.detail.noTargets') }}
      rowClassName={(x) => (String(x.id) === selectedId ? 'kc-row-selected' : '')}
      onRow={(x) => {
        const props: HTMLAttributes<HTMLElement> & { 'data-testid': string } = {
          'data-testid': 'target-row',
          onClick: () => onSelect(String(x.id)),
          style: { boxShadow: String(x.id) === selectedId ? `inset 3px 0 0 ${markColors[toneOf(x)].line}` : undefined },
        };
        return props;
      }}
      data-testid="plan-targets"
    />
  );
}
