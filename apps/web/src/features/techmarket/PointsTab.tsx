import { PlusOutlined } from '@ant-design/icons';
import type { TPoint, TPointInput } from '@kechuang/contracts';
import { App, Button, Card, Flex, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionMultiSelect } from '../../components/RegionMultiSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { sellerApi, usePoints, useTechmarketMutation } from './techmarket-api.ts';

/** 登记机构: the points that register contracts, the organisation whose planners act as registrars, the regions served. */
export function PointsTab({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const points = usePoints();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('techmarket.points.title')}
      data-testid="techmarket-points"
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="point-new">
            {t('techmarket.points.new')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
    >
      {points.isError ? <QueryError error={points.error} onRetry={() => points.refetch()} /> : null}
      <Table<TPoint>
        rowKey="id"
        loading={points.isPending}
        dataSource={points.data ?? []}
        pagination={false}
        locale={{ emptyText: t('techmarket.points.empty') }}
        columns={[
          { title: t('techmarket.points.name'), dataIndex: 'name' },
          { title: t('techmarket.points.org'), dataIndex: 'orgName', width: 260 },
          {
            title: t('techmarket.points.regions'),
            key: 'regions',
            render: (_, p) => (
              <Flex gap={4} wrap>
                {p.regions.map((r) => (
                  <Tag key={r}>
                    <RegionName code={r} />
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      {open ? <PointModal onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

function PointModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<TPointInput>();
  const save = useTechmarketMutation(sellerApi.createPoint);
  return (
    <Modal
      open
      title={t('techmarket.points.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'point-save' } as Record<`data-${string}`, string>}
    >
      <Form<TPointInput>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => message.error(errorText(e)),
          })
        }
      >
        <Form.Item name="name" label={t('techmarket.points.name')} rules={[{ required: true, min: 2, max: 80 }]}>
          <Input placeholder={t('techmarket.points.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="orgId" label={t('techmarket.points.org')} rules={[{ required: true }]} extra={t('techmarket.points.orgHint')}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="regions" label={t('techmarket.points.regions')} rules={[{ required: true }]}>
          <RegionMultiSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
