import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { type TVoucherMe, type TVoucherUse, voucherFileKinds, voucherUseStatuses } from '@kechuang/contracts';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  List,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { api, uploadBytes } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { ReasonModal } from './QuotasTab.tsx';
import { useUses, useVoucherMutation, yuanText } from './voucher-api.ts';

const statusColor: Record<string, string> = {
  reserved: 'blue',
  redemption_requested: 'gold',
  approved: 'cyan',
  redeemed: 'green',
  refused: 'red',
  cancelled: 'default',
};

/**
 * Vouchers used on contracts. The holder sees its own and may cancel one not yet sent; the provider uploads
 * the contract, invoice and payment proof and applies; the bureau approves or refuses.
 */
export function UsesTab({ me, as }: { me: TVoucherMe; as?: 'holder' | 'provider' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const list = useUses({ ...paging, status: search.status, as });
  const [open, setOpen] = useState<number | null>(null);
  const [refusing, setRefusing] = useState<TVoucherUse | null>(null);
  const mutate = useVoucherMutation(async (run: () => Promise<unknown>) => run());
  const act = (run: () => Promise<unknown>) =>
    mutate.mutate(run, { onSuccess: () => message.success(t('voucher.messages.saved')), onError: (e) => message.error(errorText(e)) });
  const columns: TableColumnsType<TVoucherUse> = [
    { title: t('voucher.fields.holder'), dataIndex: 'holderName' },
    { title: t('voucher.fields.provider'), dataIndex: 'providerName' },
    {
      title: t('voucher.fields.service'),
      dataIndex: 'service',
      width: 120,
      render: (s: TVoucherUse['service']) => t(`voucher.services.${s}`),
    },
    { title: t('voucher.fields.contractNo'), dataIndex: 'contractNo', width: 130 },
    { title: t('voucher.fields.contractAmount'), dataIndex: 'contractAmountFen', width: 140, align: 'right', render: yuanText },
    { title: t('voucher.fields.amount'), dataIndex: 'amountFen', width: 130, align: 'right', render: yuanText },
    {
      title: t('voucher.fields.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: TVoucherUse['status']) => <Tag color={statusColor[s]}>{t(`voucher.status.${s}`)}</Tag>,
    },
    {
      title: '',
      key: 'actions',
      width: 200,
      render: (_, u) => (
        <Space>
          <Button size="small" type="link" onClick={() => setOpen(u.id)} data-testid={`use-open-${u.id}`}>
            {t('voucher.fields.files')}
          </Button>
          {as === 'holder' && u.status === 'reserved' ? (
            <Popconfirm
              title={t('voucher.confirm.cancel')}
              onConfirm={() => act(() => api.post(`/api/vouchers/uses/${u.id}/cancel`, { version: u.version }))}
            >
              <Button size="small">{t('voucher.actions.cancel')}</Button>
            </Popconfirm>
          ) : null}
          {me.bureauWrite && u.status === 'redemption_requested' ? (
            <>
              <Popconfirm
                title={t('voucher.confirm.approve')}
                onConfirm={() => act(() => api.post(`/api/vouchers/uses/${u.id}/approve`, { version: u.version }))}
              >
                <Button size="small" type="primary" data-testid={`approve-${u.id}`}>
                  {t('voucher.actions.approve')}
                </Button>
              </Popconfirm>
              <Button size="small" onClick={() => setRefusing(u)}>
                {t('voucher.actions.refuseRedemption')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];
  const current = list.data?.items.find((u) => u.id === open) ?? null;
  return (
    <>
      <ListCard<TVoucherUse>
        title={as === 'provider' ? t('voucher.tabs.redeem') : t('voucher.tabs.uses')}
        testId={as === 'provider' ? 'voucher-redeem' : 'voucher-uses'}
        filters={
          <FilterBar>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('voucher.fields.status')}
              value={search.status}
              onChange={(v) => setSearch({ status: v })}
              options={voucherUseStatuses.map((s) => ({ value: s, label: t(`voucher.status.${s}`) }))}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      <Drawer open={current !== null} onClose={() => setOpen(null)} title={current?.contractNo} size="large">
        {current ? <UseDetail use={current} provider={as === 'provider'} /> : null}
      </Drawer>
      {refusing ? (
        <ReasonModal
          title={t('voucher.actions.refuseRedemption')}
          busy={mutate.isPending}
          onCancel={() => setRefusing(null)}
          onOk={(reason) => {
            act(() => api.post(`/api/vouchers/uses/${refusing.id}/refuse`, { version: refusing.version, reason }));
            setRefusing(null);
          }}
        />
      ) : null}
    </>
  );
}

function UseDetail({ use, provider }: { use: TVoucherUse; provider: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useVoucherMutation((v: { kind: string; file: File }) =>
    uploadBytes(`/api/vouchers/uses/${use.id}/files`, v.file, { query: { kind: v.kind, filename: v.file.name } }),
  );
  const redeem = useVoucherMutation(() => api.post(`/api/vouchers/uses/${use.id}/redemption`, { version: use.version }));
  const has = (kind: string) => use.files.some((f) => f.kind === kind);
  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('voucher.fields.holder')}>{use.holderName}</Descriptions.Item>
        <Descriptions.Item label={t('voucher.fields.provider')}>{use.providerName}</Descriptions.Item>
        <Descriptions.Item label={t('voucher.fields.signedOn')}>{use.signedOn}</Descriptions.Item>
        <Descriptions.Item label={t('voucher.fields.contractAmount')}>{yuanText(use.contractAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('voucher.fields.amount')}>{yuanText(use.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('voucher.fields.status')}>{t(`voucher.status.${use.status}`)}</Descriptions.Item>
        {use.refusalReason ? <Descriptions.Item label={t('voucher.fields.reason')}>{use.refusalReason}</Descriptions.Item> : null}
      </Descriptions>
      {provider && use.status === 'reserved' ? <Typography.Text type="secondary">{t('voucher.hints.filesNeeded')}</Typography.Text> : null}
      <List
        size="small"
        bordered
        dataSource={[...voucherFileKinds]}
        renderItem={(kind) => (
          <List.Item
            actions={
              provider && use.status === 'reserved'
                ? [
                    <Upload
                      key="u"
                      accept=".pdf,.jpg,.jpeg,.png"
                      showUploadList={false}
                      beforeUpload={(file) => {
                        upload.mutate({ kind, file }, { onError: (e) => message.error(errorText(e)) });
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={`upload-${kind}`}>
                        {t('voucher.actions.upload', { kind: t(`voucher.files.${kind}`) })}
                      </Button>
                    </Upload>,
                  ]
                : []
            }
          >
            <Space>
              {has(kind) ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : null}
              {t(`voucher.files.${kind}`)}
              <Typography.Text type="secondary">
                {use.files
                  .filter((f) => f.kind === kind)
                  .map((f) => f.filename)
                  .join('、')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {provider && use.status === 'reserved' ? (
        <Popconfirm
          title={t('voucher.confirm.redeem')}
          onConfirm={() =>
            redeem.mutate(undefined, {
              onSuccess: () => message.success(t('voucher.messages.redeemed')),
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          <Button type="primary" disabled={!voucherFileKinds.every(has)} loading={redeem.isPending} data-testid="redeem-submit">
            {t('voucher.actions.redeem')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
