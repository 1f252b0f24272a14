import { PlusOutlined } from '@ant-design/icons';
import type { TPoint, TPointInput } from '@kechuang/contracts';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionMultiSelect } from '../../components/RegionMultiSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { packApi, type RulePackSwitch, useRulePacks } from './market-api.ts';
import { sellerApi, usePoints, useTechmarketMutation } from './techmarket-api.ts';

/** 登记机构: the points that register contracts, the organisation whose planners act as registrars, the regions served. */
export function PointsTab({ canCreate, canSwitch }: { canCreate: boolean; canSwitch: boolean }) {
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
      <RulePacks canSwitch={canSwitch} />
    </Card>
  );
}

/** The recognition rule packs and whether each is in force here; an admin switches the 2024 draft on or off. */
function RulePacks({ canSwitch }: { canSwitch: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const packs = useRulePacks();
  const toggle = useTechmarketMutation((v: { id: string; enabled: boolean }) => packApi.switch(v.id, v.enabled));
  return (
    <div style={{ padding: 16 }} data-testid="rule-packs">
      <Typography.Title level={5}>{t('techmarket.packs.title')}</Typography.Title>
      {packs.isError ? <QueryError error={packs.error} onRetry={() => packs.refetch()} /> : null}
      <Table<RulePackSwitch>
        rowKey="id"
        size="small"
        loading={packs.isPending}
        dataSource={packs.data ?? []}
        pagination={false}
        columns={[
          { title: t('techmarket.packs.name'), key: 'name', render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
          { title: t('techmarket.packs.source'), dataIndex: 'source' },
          {
            title: t('techmarket.packs.effective'),
            key: 'effective',
            width: 200,
            render: (_, p) => `${p.effectiveFrom} ~ ${p.effectiveTo ?? t('techmarket.packs.open')}`,
          },
          {
            title: t('techmarket.packs.enabled'),
            key: 'enabled',
            width: 150,
            render: (_, p) =>
              p.enabledByDefault ? (
                <Tag color="green">{t('techmarket.packs.byDefault')}</Tag>
              ) : canSwitch ? (
                <Popconfirm
                  title={t(p.enabled ? 'techmarket.packs.offConfirm' : 'techmarket.packs.onConfirm')}
                  onConfirm={() =>
                    toggle.mutate(
                      { id: p.id, enabled: !p.enabled },
                      { onSuccess: () => message.success(t('common.done')), onError: (e) => message.error(errorText(e)) },
                    )
                  }
                >
                  <Switch checked={p.enabled} loading={toggle.isPending} />
                </Popconfirm>
              ) : (
                <Tag color={p.enabled ? 'green' : 'default'}>{t(p.enabled ? 'techmarket.packs.on' : 'techmarket.packs.off')}</Tag>
              ),
          },
        ]}
      />
    </div>
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
