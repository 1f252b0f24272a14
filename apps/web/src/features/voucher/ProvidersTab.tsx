import { PlusOutlined } from '@ant-design/icons';
import { type TVoucherMe, type TVoucherProvider, voucherServiceCodes } from '@kechuang/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { api } from '../../lib/api.ts';
import { bureauDay } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useProviders, useVoucherMutation } from './voucher-api.ts';

/** 服务机构名录: the bureau lists and removes providers; the listed ones are published. */
export function ProvidersTab({ me }: { me: TVoucherMe }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const list = useProviders({ ...paging, status: search.status, q: search.q });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ orgId: number; services: string[]; registeredOn: Dayjs }>();
  const save = useVoucherMutation((v: { orgId: number; services: string[]; registeredOn: Dayjs }) =>
    api.post('/api/vouchers/providers', { orgId: v.orgId, services: v.services, registeredOn: v.registeredOn.format('YYYY-MM-DD') }),
  );
  const remove = useVoucherMutation((p: TVoucherProvider) => api.post(`/api/vouchers/providers/${p.id}/remove`, { version: p.version }));
  const columns: TableColumnsType<TVoucherProvider> = [
    { title: t('voucher.fields.org'), dataIndex: 'name' },
    { title: t('voucher.fields.region'), dataIndex: 'regionCode', width: 140, render: (c: string) => <RegionName code={c} /> },
    {
      title: t('voucher.fields.services'),
      dataIndex: 'services',
      render: (s: TVoucherProvider['services']) => s.map((x) => <Tag key={x}>{t(`voucher.services.${x}`)}</Tag>),
    },
    { title: t('voucher.fields.registeredOn'), dataIndex: 'registeredOn', width: 110 },
    {
      title: t('voucher.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: TVoucherProvider['status']) => <Tag color={s === 'listed' ? 'green' : 'default'}>{t(`voucher.status.${s}`)}</Tag>,
    },
    {
      title: '',
      key: 'a',
      width: 110,
      render: (_, p) =>
        me.bureauWrite && p.status === 'listed' ? (
          <Popconfirm
            title={t('voucher.confirm.remove')}
            onConfirm={() => remove.mutate(p, { onError: (e) => message.error(errorText(e)) })}
          >
            <Button size="small" danger>
              {t('voucher.actions.remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      <ListCard<TVoucherProvider>
        title={t('voucher.tabs.providers')}
        testId="voucher-providers"
        extra={
          me.bureauWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('voucher.actions.register')}
            </Button>
          ) : null
        }
        filters={
          <FilterBar>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('voucher.fields.status')}
              value={search.status}
              onChange={(v) => setSearch({ status: v })}
              options={(['listed', 'removed'] as const).map((s) => ({ value: s, label: t(`voucher.status.${s}`) }))}
            />
            <Input.Search
              allowClear
              style={{ width: 220 }}
              placeholder={t('voucher.fields.search')}
              defaultValue={search.q}
              onSearch={(v) => setSearch({ q: v })}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      <Modal
        open={adding}
        title={t('voucher.actions.register')}
        onCancel={() => setAdding(false)}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ registeredOn: bureauDay(), services: ['testing'] }}
          onFinish={(v) =>
            save.mutate(v, {
              onSuccess: () => {
                setAdding(false);
                form.resetFields();
              },
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          <Form.Item name="orgId" label={t('voucher.fields.org')} rules={[{ required: true }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="services" label={t('voucher.fields.services')} rules={[{ required: true }]}>
            <Select mode="multiple" options={voucherServiceCodes.map((s) => ({ value: s, label: t(`voucher.services.${s}`) }))} />
          </Form.Item>
          <Form.Item name="registeredOn" label={t('voucher.fields.registeredOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
