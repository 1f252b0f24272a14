import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPlanNodeInput } from '@kechuang/contracts';
import { Button, Flex, Form, Input, Popover, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodePatch } from './review-state.ts';

const cleanUnits = (list: string[]) => [...new Set(list.map((u) => u.trim()).filter(Boolean))].slice(0, 30);

/** A task's lead and co-operating units as tags; clicking opens a small editor. */
export function NodeUnits({ node, onChange }: { node: TPlanNodeInput; onChange: (patch: NodePatch) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const none = node.leadUnits.length === 0 && node.coUnits.length === 0;

  const editor = (
    <Form
      layout="vertical"
      style={{ width: 360 }}
      initialValues={{ leadUnits: node.leadUnits, coUnits: node.coUnits, deadline: node.deadline ?? '' }}
      onFinish={(v: { leadUnits: string[]; coUnits: string[]; deadline: string }) => {
        onChange({ leadUnits: cleanUnits(v.leadUnits), coUnits: cleanUnits(v.coUnits), deadline: v.deadline.trim() || null });
        setOpen(false);
      }}
    >
      <Form.Item name="leadUnits" label={t('plan.tree.leadUnits')}>
        <Select mode="tags" notFoundContent={null} placeholder={t('plan.tree.unitsPlaceholder')} tokenSeparators={['、', '，', ',']} />
      </Form.Item>
      <Form.Item name="coUnits" label={t('plan.tree.coUnits')}>
        <Select mode="tags" notFoundContent={null} placeholder={t('plan.tree.unitsPlaceholder')} tokenSeparators={['、', '，', ',']} />
      </Form.Item>
      <Form.Item name="deadline" label={t('plan.tree.deadline')}>
        <Input maxLength={50} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button size="small" onClick={() => setOpen(false)}>
          {t('common.actions.cancel')}
        </Button>
        <Button size="small" type="primary" htmlType="submit">
          {t('common.actions.save')}
        </Button>
      </Flex>
    </Form>
  );

  return (
    <Popover
      content={open ? editor : null}
      title={t('plan.tree.editUnits')}
      trigger="click"
      placement="bottomLeft"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
    >
      {/* Stops the click from also selecting or dragging the tree node. */}
      <button
        type="button"
        onClick={(e) => e.stopPropagation()}
        style={{ cursor: 'pointer', background: 'none', border: 'none', padding: 0, font: 'inherit', textAlign: 'start' }}
        data-testid="node-units"
      >
        {none ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <PlusOutlined /> {t('plan.tree.addUnits')}
          </Typography.Text>
        ) : (
          <Flex gap={4} wrap component="span">
            {node.leadUnits.map((u) => (
              <Tag key={`l-${u}`} color="blue" style={{ marginInlineEnd: 0 }}>
                {u}
              </Tag>
            ))}
            {node.coUnits.map((u) => (
              <Tag key={`c-${u}`} style={{ marginInlineEnd: 0 }}>
                {u}
              </Tag>
            ))}
            {node.deadline ? <Tag color="orange">{node.deadline}</Tag> : null}
            <EditOutlined style={{ color: '#8f959e', fontSize: 12 }} />
          </Flex>
        )}
      </button>
    </Popover>
  );
}
