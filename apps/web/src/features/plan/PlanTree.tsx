import { MoreOutlined } from '@ant-design/icons';
import type { TPlanNodeInput } from '@kechuang/contracts';
import { App, Button, Dropdown, Empty, Flex, type MenuProps, Tag, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeUnits } from './NodeUnits.tsx';
import { type DropPosition, previousSibling, type ReviewAction } from './review-state.ts';

type TreeItem = TreeDataNode & { node: TPlanNodeInput; children: TreeItem[] };
type DropInfo = Parameters<NonNullable<TreeProps<TreeItem>['onDrop']>>[0];

export function buildTree(nodes: readonly TPlanNodeInput[]): TreeItem[] {
  const items = new Map(nodes.map((n) => [n.key, { key: n.key, node: n, children: [] as TreeItem[] }]));
  const roots: TreeItem[] = [];
  for (const n of nodes) {
    const item = items.get(n.key);
    if (!item) continue;
    const parent = n.parentKey ? items.get(n.parentKey) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  return roots;
}

/** antd reports drops as a position relative to the target node; turn it into before/after/inside. */
function dropPosition(info: DropInfo): DropPosition {
  if (!info.dropToGap) return 'inside';
  const pos = info.node.pos.split('-');
  const relative = info.dropPosition - Number(pos[pos.length - 1]);
  // Below an expanded node that has children, the gap is its first-child slot.
  if (relative === 1 && info.node.expanded && (info.node.children?.length ?? 0) > 0) return 'inside';
  return relative === -1 ? 'before' : 'after';
}

export interface PlanTreeProps {
  nodes: readonly TPlanNodeInput[];
  targetCounts: ReadonlyMap<string, number>;
  dispatch: (action: ReviewAction) => void;
  /** Show the node's place in the original text. */
  onLocate?: (offset: number) => void;
}

/** The section and task tree of the review page: drag to re-parent, context actions per node. */
export const PlanTree = memo(function PlanTree({ nodes, targetCounts, dispatch, onLocate }: PlanTreeProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = useMemo(() => buildTree(nodes), [nodes]);
  const expandedKeys = useMemo(() => nodes.filter((n) => !collapsed.has(n.key)).map((n) => n.key), [nodes, collapsed]);

  const menu = (node: TPlanNodeInput): MenuProps => ({
    items: [
      node.kind === 'section' ? { key: 'task', label: t('plan.tree.setTask') } : { key: 'section', label: t('plan.tree.setSection') },
      { key: 'merge', label: t('plan.tree.merge'), disabled: !previousSibling(nodes, node.key) },
      { type: 'divider' },
      { key: 'remove', label: t('plan.tree.remove'), danger: true },
    ],
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === 'task' || key === 'section') dispatch({ type: 'updateNode', key: node.key, patch: { kind: key } });
      else if (key === 'merge') dispatch({ type: 'mergeIntoPrevious', key: node.key });
      else if (key === 'remove') {
        modal.confirm({
          title: t('plan.tree.removeTitle', { title: node.title.slice(0, 40) }),
          content: t('plan.tree.removeContent'),
          okButtonProps: { danger: true },
          onOk: () => dispatch({ type: 'removeNode', key: node.key }),
        });
      }
    },
  });

  if (nodes.length === 0) return <Empty description={t('plan.tree.empty')} />;

  return (
    <div data-testid="plan-tree">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('plan.tree.hint')}
      </Typography.Paragraph>
      <Tree<TreeItem>
        treeData={tree}
        draggable={{ icon: false }}
        blockNode
        onSelect={(_keys, { node }) => onLocate?.(node.node.start)}
        expandedKeys={expandedKeys}
        onExpand={(_keys, { node, expanded }) => {
          setCollapsed((prev) => {
            const next = new Set(prev);
            if (expanded) next.delete(String(node.key));
            else next.add(String(node.key));
            return next;
          });
        }}
        onDrop={(info) =>
          dispatch({ type: 'moveNode', key: String(info.dragNode.key), to: String(info.node.key), position: dropPosition(info) })
        }
        titleRender={({ node }) => {
          const count = targetCounts.get(node.key) ?? 0;
          return (
            <Dropdown menu={menu(node)} trigger={['contextMenu']}>
              <Flex gap={8} align="flex-start" style={{ padding: '2px 0' }} data-testid="plan-node" data-kind={node.kind}>
                <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <span>
                    <Tag color={node.kind === 'task' ? 'processing' : 'default'} style={{ marginInlineEnd: 6 }}>
                      {node.kind === 'task' ? t('plan.tree.task') : t('plan.tree.section')}
                    </Tag>
                    <Typography.Text strong={node.kind === 'section'}>
                      {node.number ? `${node.number} ` : ''}
                      {node.title}
                    </Typography.Text>
                    {count > 0 ? (
                      <Tag color="blue" variant="outlined" style={{ marginInlineStart: 6 }}>
                        {t('plan.detail.targetCount', { count })}
                      </Tag>
                    ) : null}
                  </span>
                  {node.kind === 'task' ? (
                    <NodeUnits node={node} onChange={(patch) => dispatch({ type: 'updateNode', key: node.key, patch })} />
                  ) : null}
                </Flex>
                <Dropdown menu={menu(node)} trigger={['click']}>
                  <Button
                    type="text"
                    size="small"
                    icon={<MoreOutlined />}
                    aria-label={t('plan.tree.more')}
                    onClick={(e) => e.stopPropagation()}
                    data-testid="plan-node-more"
                  />
                </Dropdown>
              </Flex>
            </Dropdown>
          );
        }}
      />
    </div>
  );
});
