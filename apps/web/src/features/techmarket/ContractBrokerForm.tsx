import type { TTechContract } from '@kechuang/contracts';
import { Alert, App, Button, Divider, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { isWanText, wanToFen } from '../enterprise/money.ts';
import { wanText } from '../project/wan.ts';
import { contractBrokerApi, useAgencies, useBrokers } from './market-api.ts';
import { useTechmarketMutation } from './techmarket-api.ts';

/** 技术中介: the agency and broker that brought the parties together, credited with the contract in their figures. */
export function ContractBrokerForm({ contract }: { contract: TTechContract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const agencies = useAgencies();
  const [agencyId, setAgencyId] = useState<number | undefined>();
  const brokers = useBrokers({ page: 1, pageSize: 100, agencyId });
  const [brokerId, setBrokerId] = useState<number | undefined>();
  const [fee, setFee] = useState('');
  const [saved, setSaved] = useState<{ agencyName: string | null; brokerName: string | null; feeFen: number | null } | null>(null);
  const save = useTechmarketMutation(() =>
    contractBrokerApi.set(contract.id, {
      agencyId: agencyId ?? null,
      brokerId: brokerId ?? null,
      feeFen: fee ? (wanToFen(fee) ?? null) : null,
    }),
  );
  return (
    <div data-testid="contract-broker">
      <Divider titlePlacement="start">{t('techmarket.contractBroker.title')}</Divider>
      <Typography.Paragraph type="secondary">{t('techmarket.contractBroker.hint')}</Typography.Paragraph>
      {saved ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('techmarket.contractBroker.saved', {
            agency: saved.agencyName ?? t('common.none'),
            broker: saved.brokerName ?? t('common.none'),
            fee: saved.feeFen === null ? t('common.none') : wanText(saved.feeFen),
          })}
        />
      ) : null}
      <Flex gap={8} wrap>
        <Select
          value={agencyId}
          onChange={(v) => {
            setAgencyId(v);
            setBrokerId(undefined);
          }}
          allowClear
          style={{ width: 240 }}
          placeholder={t('techmarket.broker.agency')}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          value={brokerId}
          onChange={setBrokerId}
          allowClear
          style={{ width: 200 }}
          placeholder={t('techmarket.broker.title')}
          options={(brokers.data?.items ?? []).map((b) => ({ value: b.id, label: b.person.name }))}
        />
        <Input
          value={fee}
          onChange={(e) => setFee(e.target.value)}
          suffix={t('techmarket.wanUnit')}
          status={fee === '' || isWanText(fee) ? undefined : 'error'}
          placeholder={t('techmarket.contractBroker.fee')}
          style={{ width: 160 }}
        />
        <Button
          disabled={(!agencyId && !brokerId) || (fee !== '' && !isWanText(fee))}
          loading={save.isPending}
          onClick={() =>
            save.mutate(undefined, {
              onSuccess: (r) => {
                setSaved(r);
                message.success(t('common.saved'));
              },
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          {t('common.actions.save')}
        </Button>
      </Flex>
    </div>
  );
}
