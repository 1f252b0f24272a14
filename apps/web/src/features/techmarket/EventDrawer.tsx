import { marketParticipantRoles, type TMarketPair } from '@kechuang/contracts';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Input,
  Popconfirm,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { isWanText, wanToFen } from '../enterprise/money.ts';
import { wanText } from '../project/wan.ts';
import { FunnelView } from './FunnelCard.tsx';
import { eventApi, type MarketEventDetail, useEvent, useListings } from './market-api.ts';
import type { MarketRoles } from './roles.ts';
import { useContracts, useTechmarketMutation } from './techmarket-api.ts';

const pairColor: Record<TMarketPair['status'], string> = { introduced: 'blue', intention: 'gold', contracted: 'green', dropped: 'default' };

/** One 对接会: its funnel, who took part, the pairs introduced and how far each went — to a registered contract. */
export function EventDrawer({ id, roles, onClose }: { id: number | undefined; roles: MarketRoles; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useEvent(id);
  const d = detail.data;
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={1040} title={d?.event.name} destroyOnHidden>
      {detail.isError ? <QueryError error={detail.error} onRetry={() => detail.refetch()} /> : null}
      {detail.isPending && id !== undefined ? <PageSkeleton /> : null}
      {d ? (
        <div data-testid="event-drawer">
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('techmarket.event.heldOn')}>{d.event.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('techmarket.event.venue')}>{d.event.venue || t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('techmarket.event.organiser')}>{d.event.organiserName}</Descriptions.Item>
            {d.event.theme ? (
              <Descriptions.Item label={t('techmarket.event.theme')} span={3}>
                {d.event.theme}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <FunnelView funnel={d.event.funnel} testId="funnel-event" />
          <Participants detail={d} canEdit={roles.manager} />
          <Pairs detail={d} canEdit={roles.manager} />
        </div>
      ) : null}
    </Drawer>
  );
}

function useRun() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const m = useTechmarketMutation((f: () => Promise<unknown>) => f());
  return {
    busy: m.isPending,
    run: (f: () => Promise<unknown>, after?: () => void) =>
      m.mutate(f, {
        onSuccess: () => {
          message.success(t('common.done'));
          after?.();
        },
        onError: (e) => message.error(errorText(e)),
      }),
  };
}

function Participants({ detail, canEdit }: { detail: MarketEventDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { run, busy } = useRun();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof marketParticipantRoles)[number]>('demand');
  return (
    <>
      <Divider titlePlacement="start">{t('techmarket.event.participants', { n: detail.participants.length })}</Divider>
      <Flex gap={6} wrap data-testid="event-participants">
        {detail.participants.map((p) => (
          <Tag key={p.id}>
            {p.name} · {t(`techmarket.participantRoles.${p.role as (typeof marketParticipantRoles)[number]}`)}
          </Tag>
        ))}
        {detail.participants.length === 0 ? (
          <Typography.Text type="secondary">{t('techmarket.event.noParticipants')}</Typography.Text>
        ) : null}
      </Flex>
      {canEdit ? (
        <Flex gap={8} style={{ marginTop: 8 }} wrap>
          <div style={{ width: 260 }}>
            <OrgSelect value={orgId} onChange={(v) => setOrgId(v ?? undefined)} placeholder={t('techmarket.event.participantOrg')} />
          </div>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('techmarket.event.participantName')}
            style={{ width: 200 }}
          />
          <Select
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            options={marketParticipantRoles.map((r) => ({ value: r, label: t(`techmarket.participantRoles.${r}`) }))}
          />
          <Button
            disabled={!orgId && name.trim().length < 2}
            loading={busy}
            data-testid="participant-add"
            onClick={() =>
              run(
                () =>
                  eventApi.addParticipant(detail.event.id, {
                    orgId: orgId ?? null,
                    ...(name.trim() ? { name: name.trim() } : {}),
                    role,
                  }),
                () => {
                  setOrgId(undefined);
                  setName('');
                },
              )
            }
          >
            {t('techmarket.event.addParticipant')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}

function Pairs({ detail, canEdit }: { detail: MarketEventDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start">{t('techmarket.event.pairs', { n: detail.pairs.length })}</Divider>
      <Table<TMarketPair>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.pairs}
        data-testid="event-pairs"
        locale={{ emptyText: t('techmarket.event.noPairs') }}
        columns={[
          { title: t('techmarket.event.demand'), dataIndex: 'demandTitle' },
          {
            title: t('techmarket.event.supply'),
            key: 'supply',
            render: (_, p) => (
              <>
                {p.supplierName}
                {p.supplyTitle ? <div style={{ fontSize: 12, color: '#888' }}>{p.supplyTitle}</div> : null}
              </>
            ),
          },
          {
            title: t('techmarket.fields.status'),
            key: 'status',
            width: 100,
            render: (_, p) => (
              <Tag color={pairColor[p.status]} data-testid="pair-status">
                {t(`techmarket.pairStatuses.${p.status}`)}
              </Tag>
            ),
          },
          {
            title: t('techmarket.event.progress'),
            key: 'progress',
            width: 300,
            render: (_, p) => (
              <div data-testid="pair-progress">
                <div>{t('techmarket.event.introducedOn', { date: p.introducedOn })}</div>
                {p.intentionOn ? (
                  <div>
                    {t('techmarket.event.intentionOn', { date: p.intentionOn })}
                    {p.intentionAmountFen !== null ? ` · ${wanText(p.intentionAmountFen)}` : ''}
                  </div>
                ) : null}
                {p.contractId ? (
                  <div>
                    {t('techmarket.event.contract', {
                      name: p.contractName ?? '',
                      no: p.contractRegistrationNo ?? t('techmarket.event.notRegistered'),
                    })}
                    {p.contractAmountFen !== null ? ` · ${wanText(p.contractAmountFen)}` : ''}
                  </div>
                ) : null}
              </div>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('common.table.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, p: TMarketPair) => <PairActions pair={p} />,
                },
              ]
            : []),
        ]}
      />
      {canEdit ? <PairForm eventId={detail.event.id} /> : null}
    </>
  );
}

function PairActions({ pair }: { pair: TMarketPair }) {
  const { t } = useTranslation();
  const { run, busy } = useRun();
  const [signedOn, setSignedOn] = useState<Dayjs | null>(null);
  const [amount, setAmount] = useState('');
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const [contractId, setContractId] = useState<number | undefined>();
  const contracts = useContracts({ page: 1, pageSize: 20, status: 'registered', q: query || undefined }, pair.status !== 'contracted');
  return (
    <Space direction="vertical" size={4}>
      {pair.status === 'introduced' ? (
        <Popover
          trigger="click"
          title={t('techmarket.event.intention')}
          content={
            <Space direction="vertical">
              <DatePicker
                value={signedOn}
                onChange={setSignedOn}
                placeholder={t('techmarket.event.signedOn')}
                data-testid="intention-date"
              />
              <Input
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                suffix={t('techmarket.wanUnit')}
                placeholder={t('techmarket.event.intentionAmount')}
                data-testid="intention-amount"
              />
              <Button
                type="primary"
                disabled={!signedOn || (amount !== '' && !isWanText(amount))}
                loading={busy}
                data-testid="intention-save"
                onClick={() =>
                  run(() =>
                    eventApi.intention(pair, {
                      signedOn: (signedOn as Dayjs).format('YYYY-MM-DD'),
                      amountFen: amount ? (wanToFen(amount) ?? null) : null,
                      note: '',
                    }),
                  )
                }
              >
                {t('common.actions.save')}
              </Button>
            </Space>
          }
        >
          <Button size="small" data-testid="pair-intention">
            {t('techmarket.event.intention')}
          </Button>
        </Popover>
      ) : null}
      {pair.status === 'introduced' || pair.status === 'intention' ? (
        <Popconfirm title={t('techmarket.event.dropConfirm')} onConfirm={() => run(() => eventApi.drop(pair))}>
          <Button size="small" type="link" danger loading={busy}>
            {t('techmarket.event.drop')}
          </Button>
        </Popconfirm>
      ) : null}
      {pair.status === 'introduced' || pair.status === 'intention' ? (
        <Popover
          trigger="click"
          title={t('techmarket.event.linkContract')}
          content={
            <Space direction="vertical" style={{ width: 360 }}>
              <Typography.Text type="secondary">{t('techmarket.event.linkHint')}</Typography.Text>
              <Select
                value={contractId}
                onChange={setContractId}
                showSearch={{ filterOption: false, onSearch: setQ }}
                style={{ width: '100%' }}
                placeholder={t('techmarket.event.contractSearch')}
                options={(contracts.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.registrationNo ?? ''} ${c.name}（${c.sellerName}）`,
                }))}
                data-testid="pair-contract-select"
              />
              <Button
                type="primary"
                disabled={!contractId}
                loading={busy}
                data-testid="pair-contract-save"
                onClick={() => contractId && run(() => eventApi.contract(pair, contractId))}
              >
                {t('common.actions.save')}
              </Button>
            </Space>
          }
        >
          <Button size="small" data-testid="pair-contract">
            {t('techmarket.event.linkContract')}
          </Button>
        </Popover>
      ) : null}
    </Space>
  );
}

function PairForm({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const { run, busy } = useRun();
  const [demand, setDemand] = useState<number | undefined>();
  const [supply, setSupply] = useState<number | undefined>();
  const [supplier, setSupplier] = useState('');
  const demands = useListings({ page: 1, pageSize: 100, status: 'published' });
  const published = demands.data?.items ?? [];
  return (
    <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="pair-form">
      <Select
        value={demand}
        onChange={setDemand}
        style={{ width: 300 }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('techmarket.event.pickDemand')}
        options={published.filter((l) => l.kind !== 'achievement').map((l) => ({ value: l.id, label: l.title }))}
        data-testid="pair-demand"
      />
      <Select
        value={supply}
        onChange={setSupply}
        allowClear
        style={{ width: 300 }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('techmarket.event.pickSupply')}
        options={published.filter((l) => l.kind === 'achievement').map((l) => ({ value: l.id, label: `${l.title}（${l.ownerOrgName}）` }))}
        data-testid="pair-supply"
      />
      {supply ? null : (
        <Input
          value={supplier}
          onChange={(e) => setSupplier(e.target.value)}
          placeholder={t('techmarket.event.supplierName')}
          style={{ width: 200 }}
        />
      )}
      <Button
        type="primary"
        disabled={!demand || (!supply && supplier.trim().length < 2)}
        loading={busy}
        data-testid="pair-add"
        onClick={() =>
          demand &&
          run(
            () =>
              eventApi.addPair(eventId, {
                demandListingId: demand,
                supplyListingId: supply ?? null,
                ...(supply ? {} : { supplierName: supplier.trim() }),
                note: '',
              }),
            () => {
              setDemand(undefined);
              setSupply(undefined);
              setSupplier('');
            },
          )
        }
      >
        {t('techmarket.event.addPair')}
      </Button>
    </Flex>
  );
}
