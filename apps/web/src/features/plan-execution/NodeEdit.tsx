import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { TExecNode, TPlanExec } from '@kechuang/contracts';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { useAddNode, usePatchNode, useRemoveNode, useReorderNodes } from './exec-api.ts';
import { movedOrder, nextTaskNumber, oneLine } from './tree-edit.ts';

export type NodeModalState = { mode: 'addSection' } | { mode: 'addTask'; node: TExecNode } | { mode: 'editSection'; node: TExecNode };

interface NodeValues {
  number: string;
  title: string;
  reason: string;
}

/** 新增章节 / 新增任务 (under a section) / 修改章节: number, title and the reason kept with the revision. */
export function NodeModal({
  plan,
  state,
  onClose,
  onAdded,
}: {
  plan: TPlanExec;
  state: NodeModalState;
  onClose: () => void;
  onAdded: (node: TExecNode) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<NodeValues>();
  const add = useAddNode(plan.id);
  const patch = usePatchNode(plan.id);
  const editing = state.mode === 'editSection' ? state.node : null;
  const title =
    state.mode === 'addSection'
      ? t('planExec.tree.addSection')
      : state.mode === 'addTask'
        ? t('planExec.tree.addTaskUnder', { section: `${state.node.number} ${state.node.title}`.trim() })
        : t('planExec.tree.editSection');

  const save = async (v: NodeValues) => {
    const fields = { number: (v.number ?? '').trim(), title: oneLine(v.title), reason: (v.reason ?? '').trim(), version: plan.version };
    try {
      if (editing) {
        await patch.mutateAsync({ nodeId: editing.id, ...fields });
        message.success(t('planExec.edit.saved'));
        onClose();
        return;
      }
      const before = new Set(plan.nodes.map((n) => n.id));
      const next = await add.mutateAsync({
        ...fields,
        parentId: state.mode === 'addTask' ? state.node.id : null,
        kind: state.mode === 'addTask' ? 'task' : 'section',
      });
      message.success(t('planExec.tree.added', { version: next.version }));
      const created = next.nodes.find((n) => !before.has(n.id));
      if (created) onAdded(created);
      else onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Modal
      open
      onCancel={onClose}
      title={
        <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 420 }}>
          {title}
        </Typography.Text>
      }
      destroyOnHidden
      okText={t('common.actions.save')}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || patch.isPending}
      okButtonProps={{ 'data-testid': 'node-modal-save' }}
    >
      <Form<NodeValues>
        form={form}
        layout="vertical"
        onFinish={save}
        requiredMark="optional"
        initialValues={{
          number: editing ? editing.number : state.mode === 'addTask' ? nextTaskNumber(plan.nodes) : '',
          title: editing?.title ?? '',
          reason: '',
        }}
      >
        <Flex gap={12}>
          <Form.Item
            name="number"
            label={t('planExec.tree.number')}
            tooltip={t('planExec.tree.numberHint')}
            rules={[{ max: 20 }]}
            style={{ width: 120 }}
          >
            <Input maxLength={20} data-testid="node-number" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('planExec.tree.title')}
            rules={[{ required: true, whitespace: true, message: t('planExec.tree.titleRequired') }, { max: 500 }]}
            style={{ flex: 1 }}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              onPressEnter={(e) => {
                e.preventDefault();
                form.submit();
              }}
              data-testid="node-title"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t('planExec.fields.reason')} extra={t('planExec.edit.reasonHint')}>
          <Input maxLength={500} data-testid="node-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 修改 (sections), 上移 / 下移 among the parent's children, and 删除 with the subtree, as compact icon buttons. */
export function NodeTools({
  plan,
  node,
  siblings,
  onEdit,
}: {
  plan: TPlanExec;
  node: TExecNode;
  siblings: number[];
  onEdit: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const reorder = useReorderNodes(plan.id);
  const remove = useRemoveNode(plan.id);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const label = `${node.number} ${node.title}`.trim();

  const move = (by: -1 | 1) => {
    const order = movedOrder(siblings, node.id, by);
    if (!order) return;
    reorder
      .mutateAsync({
        version: plan.version,
        reason: t(by < 0 ? 'planExec.tree.movedUpReason' : 'planExec.tree.movedDownReason', { title: label }),
        parentId: node.parentId,
        order,
      })
      .then(() => message.success(t('planExec.tree.moved')))
      .catch((e: unknown) => message.error(errorText(e)));
  };

  const confirmRemove = () =>
    remove
      .mutateAsync({ nodeId: node.id, version: plan.version, reason: reason.trim() })
      .then(() => message.success(t('planExec.tree.removed')))
      .catch((e: unknown) => message.error(errorText(e)));

  const busy = reorder.isPending || remove.isPending;
  const tool = (key: string, tip: string, icon: ReactNode, onClick: (() => void) | undefined, disabled = false) => (
    <Tooltip title={tip} key={key}>
      <Button size="small" type="text" icon={icon} onClick={onClick} disabled={disabled || busy} aria-label={tip} data-testid={key} />
    </Tooltip>
  );

  return (
    <Space size={0}>
      {onEdit ? tool('node-edit', t('planExec.tree.editSection'), <EditOutlined />, onEdit) : null}
      {tool('node-up', t('planExec.tree.moveUp'), <ArrowUpOutlined />, () => move(-1), !movedOrder(siblings, node.id, -1))}
      {tool('node-down', t('planExec.tree.moveDown'), <ArrowDownOutlined />, () => move(1), !movedOrder(siblings, node.id, 1))}
      <Popconfirm
        title={t('planExec.tree.removeConfirm', { title: label.length > 24 ? `${label.slice(0, 24)}…` : label })}
        description={
          <Flex vertical gap={8} style={{ maxWidth: 320 }} data-testid="node-remove-popup">
            <span>{t(node.kind === 'section' ? 'planExec.tree.removeSectionHint' : 'planExec.tree.removeTaskHint')}</span>
            <Input
              size="small"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              placeholder={t('planExec.tree.reasonPlaceholder')}
              data-testid="node-remove-reason"
            />
          </Flex>
        }
        onConfirm={confirmRemove}
        onOpenChange={(open) => {
          setConfirming(open);
          if (open) setReason('');
        }}
        okText={t('planExec.tree.remove')}
        okButtonProps={{ danger: true, 'data-testid': 'node-remove-confirm' }}
        cancelText={t('common.actions.cancel')}
      >
        <span>
          {/* the tip would cover the confirm button */}
          <Tooltip title={t('planExec.tree.remove')} {...(confirming ? { open: false } : {})}>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={busy}
              aria-label={t('planExec.tree.remove')}
              data-testid="node-remove"
            />
          </Tooltip>
        </span>
      </Popconfirm>
    </Space>
  );
}
