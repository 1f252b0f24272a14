import { PlusOutlined } from '@ant-design/icons';
import { quotaStatuses, type TVoucherMe, type TVoucherQuota } from '@kechuang/contracts';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { api } from '../../lib/api.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { usePublicProviders, useQuotas, useVoucherMutation, yuanText, yuanToFen } from './voucher-api.ts';

const statusColor: Record<string, string> = { applied: 'gold', granted: 'green', refused: 'default' };

/** Quotas: the bureau decides them; an enterprise applies for its own and uses it on a contract. */
export function QuotasTab({ me }: { me: TVoucherMe }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const year = Number(search.year) || bureauYear();
  const filters = { year, status: search.status, q: search.q };
  const list = useQuotas({ ...paging, ...filters });
  const [modal, setModal] = useState<{ kind: 'apply' } | { kind: 'grant' | 'refuse' | 'use'; quota: TVoucherQuota } | null>(null);
  const mutate = useVoucherMutation(async (run: () => Promise<unknown>) => run());
  const act = (run: () => Promise<unknown>, done: string) =>
    mutate.mutate(run, {
      onSuccess: () => {
        message.success(done);
        setModal(null);
      },
      onError: (e) => message.error(errorText(e)),
    });
  const columns: TableColumnsType<TVoucherQuota> = [
    {
      title: t('voucher.fields.holder'),
      dataIndex: 'holderName',
      render: (v, q) => (
        <Space>
          {v}
          {q.holderKind === 'team' ? <Tag>{t('voucher.kinds.team')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('voucher.fields.year'), dataIndex: 'year', width: 70 },
    { title: t('voucher.fields.requested'), dataIndex: 'requestedFen', width: 140, align: 'right', render: yuanText },
    { title: t('voucher.fields.granted'), dataIndex: 'grantedFen', width: 140, align: 'right', render: yuanText },
    { title: t('voucher.fields.remaining'), dataIndex: 'remainingFen', width: 140, align: 'right', render: yuanText },
    {
      title: t('voucher.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: TVoucherQuota['status']) => <Tag color={statusColor[s]}>{t(`voucher.status.${s}`)}</Tag>,
    },
    { title: t('voucher.fields.expires'), dataIndex: 'expiresOn', width: 110 },
    {
      title: '',
      key: 'actions',
      width: 180,
      render: (_, q) => (
        <Space>
          {me.bureauWrite && q.status === 'applied' ? (
            <>
              <Button size="small" type="primary" data-testid={`grant-${q.id}`} onClick={() => setModal({ kind: 'grant', quota: q })}>
                {t('voucher.actions.grant')}
              </Button>
              <Button size="small" onClick={() => setModal({ kind: 'refuse', quota: q })}>
                {t('voucher.actions.refuse')}
              </Button>
            </>
          ) : null}
          {me.enterpriseId !== null && q.status === 'granted' && q.remainingFen > 0 ? (
            <Button size="small" type="primary" data-testid={`use-${q.id}`} onClick={() => setModal({ kind: 'use', quota: q })}>
              {t('voucher.actions.use')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <ListCard<TVoucherQuota>
        title={t('voucher.tabs.quotas')}
        testId="voucher-quotas"
        extra={
          <Flex gap={8}>
            <ExportButton
              path="/api/vouchers/quotas/export"
              fallbackName="创新券额度.xlsx"
              query={filters}
              label={t('voucher.actions.export')}
            />
            {me.enterpriseId !== null ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'apply' })} data-testid="quota-apply">
                {t('voucher.actions.apply')}
              </Button>
            ) : null}
          </Flex>
        }
        filters={
          <FilterBar>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setSearch({ year: String(v) })} />
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('voucher.fields.status')}
              value={search.status}
              onChange={(v) => setSearch({ status: v })}
              options={quotaStatuses.map((s) => ({ value: s, label: t(`voucher.status.${s}`) }))}
            />
            {me.bureau ? (
              <Input.Search
                allowClear
                style={{ width: 220 }}
                placeholder={t('voucher.fields.search')}
                defaultValue={search.q}
                onSearch={(v) => setSearch({ q: v })}
              />
            ) : null}
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      {modal?.kind === 'apply' ? (
        <AmountModal
          title={t('voucher.actions.apply')}
          busy={mutate.isPending}
          onCancel={() => setModal(null)}
          onOk={(fen) =>
            act(
              () => api.post('/api/vouchers/quotas', { holderKind: 'enterprise', year, requestedFen: fen }),
              t('voucher.messages.applied'),
            )
          }
        />
      ) : null}
      {modal?.kind === 'grant' ? (
        <AmountModal
          title={`${t('voucher.actions.grant')}：${modal.quota.holderName}`}
          initialFen={modal.quota.requestedFen}
          busy={mutate.isPending}
          onCancel={() => setModal(null)}
          onOk={(fen) =>
            act(
              () => api.post(`/api/vouchers/quotas/${modal.quota.id}/grant`, { version: modal.quota.version, grantedFen: fen }),
              t('voucher.messages.saved'),
            )
          }
        />
      ) : null}
      {modal?.kind === 'refuse' ? (
        <ReasonModal
          title={`${t('voucher.actions.refuse')}：${modal.quota.holderName}`}
          busy={mutate.isPending}
          onCancel={() => setModal(null)}
          onOk={(reason) =>
            act(
              () => api.post(`/api/vouchers/quotas/${modal.quota.id}/refuse`, { version: modal.quota.version, reason }),
              t('voucher.messages.saved'),
            )
          }
        />
      ) : null}
      {modal?.kind === 'use' ? <UseModal quota={modal.quota} onClose={() => setModal(null)} /> : null}
    </>
  );
}

export function AmountModal(props: {
  title: string;
  initialFen?: number;
  busy: boolean;
  onCancel: () => void;
  onOk: (fen: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: string }>();
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onCancel}
      confirmLoading={props.busy}
      onOk={() => form.submit()}
      okText={t('common.actions.confirm')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: props.initialFen ? String(props.initialFen / 100) : '' }}
        onFinish={(v) => props.onOk(yuanToFen(v.amount) ?? 0)}
      >
        <Form.Item
          name="amount"
          label={t('voucher.fields.amountYuan')}
          rules={[
            {
              required: true,
              validator: async (_, v) => {
                if (!yuanToFen(v)) throw new Error(t('voucher.fields.amountYuan'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" data-testid="amount-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReasonModal(props: { title: string; busy: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={props.title} onCancel={props.onCancel} confirmLoading={props.busy} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => props.onOk(v.reason)}>
        <Form.Item name="reason" label={t('voucher.fields.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface UseForm {
  providerId: number;
  service: string;
  contractNo: string;
  contractAmount: string;
  signedOn: Dayjs;
  notRelated: boolean;
}

/** Use the quota on a contract with a listed provider; the server computes the amount under the rules. */
function UseModal({ quota, onClose }: { quota: TVoucherQuota; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const providers = usePublicProviders();
  const [form] = Form.useForm<UseForm>();
  const providerId = Form.useWatch('providerId', form);
  const provider = providers.data?.find((p) => p.id === providerId);
  const save = useVoucherMutation((v: UseForm) =>
    api.post<{ amountFen: number; cutToRemainder: boolean }>('/api/vouchers/uses', {
      quotaId: quota.id,
      providerId: v.providerId,
      service: v.service,
      contractNo: v.contractNo,
      contractAmountFen: yuanToFen(v.contractAmount),
      signedOn: v.signedOn.format('YYYY-MM-DD'),
      notRelated: v.notRelated === true,
    }),
  );
  return (
    <Modal
      open
      title={`${t('voucher.actions.use')}（${t('voucher.fields.remaining')} ${yuanText(quota.remainingFen)}）`}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: (r) => {
              message.success(
                `${t('voucher.hints.used', { amount: yuanText(r.amountFen) })}${r.cutToRemainder ? `（${t('voucher.hints.cut')}）` : ''}`,
              );
              onClose();
            },
            onError: (e) => message.error(errorText(e)),
          })
        }
      >
        <Form.Item name="providerId" label={t('voucher.fields.provider')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="use-provider"
            options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="service" label={t('voucher.fields.service')} rules={[{ required: true }]}>
          <Select
            data-testid="use-service"
            options={(provider?.services ?? []).map((s) => ({ value: s, label: t(`voucher.services.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="contractNo" label={t('voucher.fields.contractNo')} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="use-contract-no" />
        </Form.Item>
        <Form.Item
          name="contractAmount"
          label={t('voucher.fields.contractAmount')}
          rules={[
            {
              required: true,
              validator: async (_, v) => {
                if (!yuanToFen(v)) throw new Error(t('voucher.fields.contractAmount'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" data-testid="use-contract-amount" />
        </Form.Item>
        <Form.Item name="signedOn" label={t('voucher.fields.signedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="use-signed-on" />
        </Form.Item>
        <Form.Item
          name="notRelated"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, v) => {
                if (!v) throw new Error(t('voucher.hints.notRelated'));
              },
            },
          ]}
        >
          <Checkbox data-testid="use-not-related">{t('voucher.hints.notRelated')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
