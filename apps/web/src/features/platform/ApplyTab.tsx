import type { TPlatformApplication } from '@kechuang/contracts';
import { App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { AvoidanceCard } from '../review/AvoidanceCard.tsx';
import { Conditions } from './CallsTab.tsx';
import { usePlatformApplications, usePlatformCalls, usePlatformMutation, usePlatformTypes } from './platform-api.ts';

/** A 依托单位's applications: fill in the type's figures, see the conditions, submit. */
export function ApplyTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const calls = usePlatformCalls();
  const types = usePlatformTypes();
  const apps = usePlatformApplications();
  const [form] = Form.useForm<{ callId: number; typeCode: string; name: string; fields: Record<string, number | null> }>();
  const callId = Form.useWatch('callId', form);
  const typeCode = Form.useWatch('typeCode', form);
  const open = (calls.data ?? []).filter((c) => c.status === 'open');
  const call = open.find((c) => c.id === callId);
  const type = types.data?.find((x) => x.code === typeCode);
  const create = usePlatformMutation((v: object) => api.post<TPlatformApplication>('/api/platform-applications', v));
  const submit = usePlatformMutation((id: number) => api.post<TPlatformApplication>(`/api/platform-applications/${id}/submit`));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('platform.apply.title')} data-testid="platform-apply">
        {open.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.apply.noOpen')} />
        ) : (
          <Form form={form} layout="vertical">
            <Space wrap size={[16, 0]}>
              <Form.Item name="callId" label={t('platform.apply.call')} rules={[{ required: true }]}>
                <Select style={{ width: 320 }} options={open.map((c) => ({ value: c.id, label: c.title }))} />
              </Form.Item>
              <Form.Item name="typeCode" label={t('platform.fields.type')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 200 }}
                  options={(call?.typeCodes ?? []).map((c) => ({ value: c, label: types.data?.find((x) => x.code === c)?.name ?? c }))}
                />
              </Form.Item>
              <Form.Item name="name" label={t('platform.fields.name')} rules={[{ required: true, min: 2 }]}>
                <Input style={{ width: 320 }} />
              </Form.Item>
            </Space>
            {type ? (
              <>
                <Typography.Paragraph type="secondary">{type.conditions.map((c) => c.text).join('；')}</Typography.Paragraph>
                <Space wrap size={[16, 0]}>
                  {type.fields.map((f) => (
                    <Form.Item key={f.key} name={['fields', f.key]} label={`${f.label}（${f.unit}）`}>
                      <InputNumber min={0} style={{ width: 180 }} />
                    </Form.Item>
                  ))}
                </Space>
              </>
            ) : null}
            <Button
              type="primary"
              loading={create.isPending}
              onClick={async () => {
                const v = await form.validateFields();
                const fields: Record<string, number> = {};
                for (const [k, x] of Object.entries(v.fields ?? {})) if (x !== null && x !== undefined) fields[k] = x;
                try {
                  await create.mutateAsync({ ...v, fields });
                  message.success(t('platform.apply.created'));
                  form.resetFields();
                } catch (e) {
                  message.error(errorText(e));
                }
              }}
            >
              {t('platform.apply.create')}
            </Button>
          </Form>
        )}
      </Card>
      <Card title={t('platform.tabs.apply')} styles={{ body: { padding: 0 } }}>
        <Table<TPlatformApplication>
          rowKey="id"
          pagination={false}
          dataSource={apps.data ?? []}
          locale={{ emptyText: t('platform.apply.empty') }}
          scroll={{ x: 900 }}
          expandable={{
            // 回避申请 on a submitted application, until its panel is drawn
            rowExpandable: (a) => a.status === 'submitted',
            expandedRowRender: (a) => <AvoidanceCard subjectKind="platform_application" subjectId={a.id} />,
          }}
          columns={[
            { title: t('platform.fields.name'), dataIndex: 'name', width: 240 },
            { title: t('platform.fields.callTitle'), dataIndex: 'callTitle', width: 220 },
            { title: t('platform.fields.conditions'), key: 'c', width: 280, render: (_, a) => <Conditions app={a} /> },
            { title: t('platform.fields.status'), key: 's', width: 100, render: (_, a) => t(`platform.appStatus.${a.status}`) },
            {
              title: '',
              key: 'a',
              width: 110,
              render: (_, a) =>
                a.status === 'draft' ? (
                  <Button
                    size="small"
                    type="primary"
                    disabled={a.conditions.some((c) => !c.met)}
                    onClick={() =>
                      submit.mutateAsync(a.id).then(
                        () => message.success(t('platform.apply.submitted')),
                        (e) => message.error(errorText(e)),
                      )
                    }
                  >
                    {t('platform.apply.submit')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
