import type { TVoucherBatch, TVoucherMe } from '@kechuang/contracts';
import { App, Button, Card, Flex, InputNumber, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { api } from '../../lib/api.ts';
import { bureauToday, bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { useBatches, useVoucherMutation, yuanText } from './voucher-api.ts';

/** Quarterly redemption batches with their totals; paid in one step, exported for the finance office. */
export function BatchesTab({ me }: { me: TVoucherMe }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const [year, setYear] = useState(bureauYear());
  const [quarter, setQuarter] = useState(Math.floor((Number(bureauToday().slice(5, 7)) - 1) / 3) + 1);
  const list = useBatches({ year });
  const create = useVoucherMutation(() => api.post('/api/vouchers/batches', { regionCode: user.regionCode, year, quarter }));
  const pay = useVoucherMutation((b: TVoucherBatch) =>
    api.post(`/api/vouchers/batches/${b.id}/pay`, { version: b.version, paidOn: bureauToday() }),
  );
  return (
    <Card
      title={t('voucher.tabs.batches')}
      data-testid="voucher-batches"
      extra={
        me.bureauWrite ? (
          <Flex gap={8}>
            <Select
              value={quarter}
              onChange={setQuarter}
              style={{ width: 100 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
            />
            <Popconfirm
              title={t('voucher.confirm.batch', { year, quarter })}
              onConfirm={() => create.mutate(undefined, { onError: (e) => message.error(errorText(e)) })}
            >
              <Button type="primary" loading={create.isPending} data-testid="batch-create">
                {t('voucher.actions.batch')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null
      }
    >
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
      </Flex>
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<TVoucherBatch>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: t('voucher.fields.year'), dataIndex: 'year', width: 80 },
          { title: t('voucher.fields.quarter'), dataIndex: 'quarter', width: 80, render: (q: number) => `Q${q}` },
          { title: t('voucher.fields.count'), dataIndex: 'count', width: 80 },
          { title: t('voucher.fields.total'), dataIndex: 'totalFen', align: 'right', render: yuanText },
          {
            title: t('voucher.fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: TVoucherBatch['status']) => <Tag color={s === 'paid' ? 'green' : 'gold'}>{t(`voucher.status.${s}`)}</Tag>,
          },
          { title: t('voucher.fields.paidOn'), dataIndex: 'paidOn', width: 110 },
          {
            title: '',
            key: 'a',
            width: 240,
            render: (_, b) => (
              <Flex gap={8}>
                <ExportButton
                  type="link"
                  path={`/api/vouchers/batches/${b.id}/export`}
                  fallbackName="创新券兑付批次.xlsx"
                  label={t('voucher.actions.exportBatch')}
                />
                {me.bureauWrite && b.status === 'open' ? (
                  <Popconfirm
                    title={t('voucher.confirm.pay')}
                    onConfirm={() => pay.mutate(b, { onError: (e) => message.error(errorText(e)) })}
                  >
                    <Button size="small" data-testid={`pay-${b.id}`}>
                      {t('voucher.actions.pay')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
