import { PlusOutlined } from '@ant-design/icons';
import { agencyLevels, brokerLevels, type TAgency, type TBroker } from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../components/ListCard.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { wanText } from '../project/wan.ts';
import { brokerApi, useAgencies, useAgencyFigures, useBrokers } from './market-api.ts';
import type { MarketRoles } from './roles.ts';
import { useTechmarketMutation } from './techmarket-api.ts';

type ModalKind = { kind: 'agency' } | { kind: 'broker' } | { kind: 'training'; broker: TBroker } | { kind: 'certificate'; broker: TBroker };

/** 技术转移机构 and 技术经理人: the registry with training and certificates, and each agency's yearly figures. */
export function BrokersTab({ roles }: { roles: MarketRoles }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchState();
  const thisYear = bureauYear();
  const year = Number(search.year) || thisYear;
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const agencies = useAgencies();
  const figures = useAgencyFigures(year, user.regionCode);
  const [q, setQ] = useState(search.q ?? '');
  const brokers = useBrokers({ ...paging, q: search.q });
  const [modal, setModal] = useState<ModalKind | null>(null);
  const figureRows = new Map((figures.data?.rows ?? []).map((r) => [r.agencyId, r]));
  const agencyColumns: TableColumnsType<TAgency> = [
    { title: t('techmarket.broker.agency'), dataIndex: 'name' },
    { title: t('techmarket.listing.region'), key: 'region', width: 100, render: (_, a) => <RegionName code={a.regionCode} /> },
    { title: t('techmarket.broker.level'), key: 'level', width: 130, render: (_, a) => t(`techmarket.agencyLevels.${a.level}`) },
    { title: t('techmarket.broker.brokers'), dataIndex: 'brokers', width: 90 },
    {
      title: t('techmarket.broker.trained', { year }),
      key: 'trained',
      width: 110,
      render: (_, a) => figureRows.get(a.id)?.trainedBrokers ?? 0,
    },
    {
      title: t('techmarket.broker.certified'),
      key: 'certified',
      width: 100,
      render: (_, a) => figureRows.get(a.id)?.certifiedBrokers ?? 0,
    },
    {
      title: t('techmarket.broker.contracts', { year }),
      key: 'contracts',
      width: 120,
      render: (_, a) => figureRows.get(a.id)?.contracts ?? 0,
    },
    {
      title: t('techmarket.fields.contractAmount'),
      key: 'amount',
      width: 130,
      render: (_, a) => wanText(figureRows.get(a.id)?.contractAmountFen ?? 0),
    },
  ];
  const brokerColumns: TableColumnsType<TBroker> = [
    {
      title: t('techmarket.broker.name'),
      key: 'name',
      render: (_, b) => (
        <div>
          <Typography.Text strong>{b.person.name}</Typography.Text>{' '}
          {b.person.title ? <Typography.Text type="secondary">{b.person.title}</Typography.Text> : null}
          <div>
            <Typography.Text type="secondary">{b.agencyName ?? t('techmarket.broker.noAgency')}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('techmarket.listing.region'), key: 'region', width: 100, render: (_, b) => <RegionName code={b.regionCode} /> },
    {
      title: t('techmarket.broker.trainings'),
      key: 'trainings',
      render: (_, b) =>
        b.trainings.length === 0
          ? t('common.none')
          : b.trainings.map((x) => (
              <div key={x.id}>
                {x.course}（{x.provider}，{t('techmarket.broker.hours', { n: x.hours })}，{x.completedOn}）
              </div>
            )),
    },
    {
      title: t('techmarket.broker.certificates'),
      key: 'certificates',
      width: 220,
      render: (_, b) =>
        b.certificates.length === 0
          ? t('common.none')
          : b.certificates.map((c) => (
              <div key={c.id}>
                <Tag color="green">{t(`techmarket.brokerLevels.${c.level}`)}</Tag>
                {c.certificateNo}
              </div>
            )),
    },
    { title: t('techmarket.broker.contractsCol'), dataIndex: 'contracts', width: 90 },
    ...(roles.manager
      ? [
          {
            title: t('common.table.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, b: TBroker) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => setModal({ kind: 'training', broker: b })}>
                  {t('techmarket.broker.addTraining')}
                </Button>
                <Button size="small" onClick={() => setModal({ kind: 'certificate', broker: b })}>
                  {t('techmarket.broker.addCertificate')}
                </Button>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="market-brokers">
      <Card
        title={t('techmarket.broker.agencies')}
        styles={{ body: { padding: 0 } }}
        style={{ marginBottom: 16 }}
        extra={
          <Flex gap={8}>
            <Select
              value={year}
              onChange={(v) => setSearch({ year: String(v) })}
              style={{ width: 110 }}
              options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('techmarket.stats.year', { year: y }),
              }))}
            />
            {roles.manager ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'agency' })} data-testid="agency-new">
                {t('techmarket.broker.newAgency')}
              </Button>
            ) : null}
          </Flex>
        }
      >
        {agencies.isError ? <QueryError error={agencies.error} onRetry={() => agencies.refetch()} /> : null}
        <Table<TAgency>
          rowKey="id"
          size="small"
          loading={agencies.isPending}
          dataSource={agencies.data ?? []}
          columns={agencyColumns}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('techmarket.broker.noAgencies') }}
        />
      </Card>
      <ListCard<TBroker>
        title={t('techmarket.broker.title')}
        testId="brokers"
        extra={
          roles.manager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'broker' })} data-testid="broker-new">
              {t('techmarket.broker.new')}
            </Button>
          ) : null
        }
        filters={
          <Flex style={{ padding: 16 }}>
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch({ q: v.trim() || undefined })}
              placeholder={t('techmarket.broker.search')}
              allowClear
              style={{ width: 240 }}
            />
          </Flex>
        }
        query={brokers}
        columns={brokerColumns}
        rowKey="id"
        scrollX={1100}
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      {modal ? (
        <BrokerModal modal={modal} agencies={agencies.data ?? []} regionCode={user.regionCode} onClose={() => setModal(null)} />
      ) : null}
    </div>
  );
}

function BrokerModal({
  modal,
  agencies,
  regionCode,
  onClose,
}: {
  modal: ModalKind;
  agencies: TAgency[];
  regionCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const save = useTechmarketMutation((v: Record<string, unknown>): Promise<unknown> => {
    const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : null);
    if (modal.kind === 'agency')
      return brokerApi.createAgency({
        orgId: v.orgId as number,
        level: v.level as string,
        recognisedOn: day(v.recognisedOn),
        services: (v.services as string) ?? '',
      });
    if (modal.kind === 'broker')
      return brokerApi.create({
        person: { name: v.name as string, title: (v.title as string) || null, phone: (v.phone as string) || null },
        agencyId: (v.agencyId as number) ?? null,
        regionCode: v.regionCode as string,
      });
    if (modal.kind === 'training')
      return brokerApi.training(modal.broker, {
        course: v.course as string,
        provider: v.provider as string,
        hours: v.hours as number,
        completedOn: day(v.completedOn) as string,
      });
    return brokerApi.certificate(modal.broker, {
      certificateNo: v.certificateNo as string,
      level: v.level as string,
      issuedBy: v.issuedBy as string,
      issuedOn: day(v.issuedOn) as string,
      validUntil: day(v.validUntil),
    });
  });
  const title =
    modal.kind === 'agency'
      ? t('techmarket.broker.newAgency')
      : modal.kind === 'broker'
        ? t('techmarket.broker.new')
        : `${modal.broker.person.name} · ${t(modal.kind === 'training' ? 'techmarket.broker.addTraining' : 'techmarket.broker.addCertificate')}`;
  const required = [{ required: true }];
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: modal.kind === 'certificate' ? 'junior' : 'none', regionCode }}
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
        {modal.kind === 'agency' ? (
          <>
            <Form.Item name="orgId" label={t('techmarket.broker.agencyOrg')} rules={required}>
              <OrgSelect />
            </Form.Item>
            <Form.Item name="level" label={t('techmarket.broker.level')}>
              <Select options={agencyLevels.map((l) => ({ value: l, label: t(`techmarket.agencyLevels.${l}`) }))} />
            </Form.Item>
            <Form.Item name="recognisedOn" label={t('techmarket.broker.recognisedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="services" label={t('techmarket.broker.services')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {modal.kind === 'broker' ? (
          <>
            <Form.Item name="name" label={t('techmarket.broker.name')} rules={required}>
              <Input />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item name="title" label={t('techmarket.broker.personTitle')} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item name="phone" label={t('techmarket.broker.phone')} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
            </Flex>
            <Form.Item name="agencyId" label={t('techmarket.broker.agency')}>
              <Select allowClear options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('techmarket.listing.region')} rules={required}>
              <RegionPicker allowClear={false} />
            </Form.Item>
          </>
        ) : null}
        {modal.kind === 'training' ? (
          <>
            <Form.Item name="course" label={t('techmarket.broker.course')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="provider" label={t('techmarket.broker.provider')} rules={required}>
              <Input />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item name="hours" label={t('techmarket.broker.hoursLabel')} rules={required}>
                <InputNumber min={1} max={2000} precision={0} />
              </Form.Item>
              <Form.Item name="completedOn" label={t('techmarket.broker.completedOn')} rules={required}>
                <DatePicker />
              </Form.Item>
            </Flex>
          </>
        ) : null}
        {modal.kind === 'certificate' ? (
          <>
            <Flex gap={16}>
              <Form.Item name="certificateNo" label={t('techmarket.broker.certificateNo')} rules={required} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item name="level" label={t('techmarket.broker.certLevel')} style={{ width: 140 }}>
                <Select options={brokerLevels.map((l) => ({ value: l, label: t(`techmarket.brokerLevels.${l}`) }))} />
              </Form.Item>
            </Flex>
            <Form.Item name="issuedBy" label={t('techmarket.broker.issuedBy')} rules={required}>
              <Input />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item name="issuedOn" label={t('techmarket.broker.issuedOn')} rules={required}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="validUntil" label={t('techmarket.broker.validUntil')}>
                <DatePicker />
              </Form.Item>
            </Flex>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
