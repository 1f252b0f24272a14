import { PlusOutlined } from '@ant-design/icons';
import type { TMarketEvent, TMarketEventInput } from '@kechuang/contracts';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, type TableColumnsType, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../components/ListCard.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { wanText } from '../project/wan.ts';
import { EventDrawer } from './EventDrawer.tsx';
import { FunnelView } from './FunnelCard.tsx';
import { eventApi, useEvents, useFunnel } from './market-api.ts';
import type { MarketRoles } from './roles.ts';
import { useTechmarketMutation } from './techmarket-api.ts';

/** 供需对接: the year's funnel, the 对接会 events with their own funnels, and each event's pairs followed to contracts. */
export function EventsTab({ roles }: { roles: MarketRoles }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchState();
  const thisYear = bureauYear();
  const year = Number(search.year) || thisYear;
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const funnel = useFunnel(year, user.regionCode);
  const events = useEvents({ ...paging, year });
  const [open, setOpen] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<TMarketEvent> = [
    {
      title: t('techmarket.event.name'),
      key: 'name',
      render: (_, e) => (
        <div>
          <Typography.Link strong onClick={() => setOpen(e.id)} data-testid="event-open">
            {e.name}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">
              {e.heldOn} · {e.venue || e.organiserName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('techmarket.listing.region'), key: 'region', width: 100, render: (_, e) => <RegionName code={e.regionCode} /> },
    { title: t('techmarket.funnel.introductions'), key: 'i', width: 90, render: (_, e) => e.funnel.introductions },
    { title: t('techmarket.funnel.intentions'), key: 'n', width: 90, render: (_, e) => e.funnel.intentions },
    { title: t('techmarket.funnel.contracts'), key: 'c', width: 90, render: (_, e) => e.funnel.contracts },
    { title: t('techmarket.funnel.amount'), key: 'a', width: 130, render: (_, e) => wanText(e.funnel.contractAmountFen) },
  ];
  return (
    <div data-testid="market-events">
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select
          value={year}
          onChange={(v) => setSearch({ year: String(v) })}
          style={{ width: 110 }}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('techmarket.stats.year', { year: y }),
          }))}
        />
        <Typography.Text type="secondary">{t('techmarket.funnel.caliber')}</Typography.Text>
      </Flex>
      {funnel.isError ? <QueryError error={funnel.error} onRetry={() => funnel.refetch()} /> : null}
      {funnel.data ? (
        <div style={{ marginBottom: 16 }}>
          <FunnelView funnel={funnel.data.total} title={t('techmarket.funnel.yearTitle', { year })} testId="funnel-year" />
        </div>
      ) : null}
      <ListCard<TMarketEvent>
        title={t('techmarket.event.title')}
        testId="events"
        extra={
          roles.manager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">
              {t('techmarket.event.new')}
            </Button>
          ) : null
        }
        query={events}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      {creating ? <EventModal onClose={() => setCreating(false)} regionCode={user.regionCode} /> : null}
      <EventDrawer id={open} roles={roles} onClose={() => setOpen(undefined)} />
    </div>
  );
}

function EventModal({ onClose, regionCode }: { onClose: () => void; regionCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Omit<TMarketEventInput, 'heldOn'> & { heldOn: Dayjs }>();
  const save = useTechmarketMutation((v: TMarketEventInput) => eventApi.create(v));
  return (
    <Modal open title={t('techmarket.event.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ regionCode, venue: '', theme: '' }}
        onFinish={(v) =>
          save.mutate(
            { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => message.error(errorText(e)),
            },
          )
        }
      >
        <Form.Item name="name" label={t('techmarket.event.name')} rules={[{ required: true, min: 4, max: 200 }]}>
          <Input />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="heldOn" label={t('techmarket.event.heldOn')} rules={[{ required: true }]} style={{ width: 180 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('techmarket.listing.region')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <RegionPicker allowClear={false} />
          </Form.Item>
        </Flex>
        <Form.Item name="venue" label={t('techmarket.event.venue')}>
          <Input />
        </Form.Item>
        <Form.Item name="theme" label={t('techmarket.event.theme')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
