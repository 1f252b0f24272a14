import { PlusOutlined } from '@ant-design/icons';
import { listingKinds, listingStatuses, type TListing, type TListingInput, techFieldCodes } from '@kechuang/contracts';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Segmented,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';
import { wanText } from '../project/wan.ts';
import { listingKindColor } from './ListingCard.tsx';
import { MatchesDrawer } from './MatchesDrawer.tsx';
import { listingApi, useListings } from './market-api.ts';
import { BureauReview, CodeFilter, FieldFilter, OwnedTitle, SearchBox, useListSearch, useOwnedDrawer } from './market-list.tsx';
import type { MarketRoles } from './roles.ts';
import { useTechmarketMutation } from './techmarket-api.ts';

const statusColor: Record<TListing['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  published: 'green',
  withdrawn: 'default',
};

/** 四张清单: entries by units and the bureau, reviewed and published by the bureau; published ones are matched. */
export function ListingsTab({ roles }: { roles: MarketRoles }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { search, setSearch, paging, onPaging } = useListSearch();
  const kind = listingKinds.find((k) => k === search.kind);
  const status = listingStatuses.find((s) => s === search.status);
  const field = techFieldCodes.find((f) => f === search.field);
  const list = useListings({ ...paging, kind, status, field, q: search.q });
  const drawer = useDrawer<TListing>();
  const [matchFor, setMatchFor] = useState<TListing | undefined>();
  const columns: TableColumnsType<TListing> = [
    {
      title: t('techmarket.listing.title'),
      key: 'title',
      render: (_, l) => (
        <OwnedTitle
          before={<Tag color={listingKindColor[l.kind]}>{t(`techmarket.listingKinds.${l.kind}`)}</Tag>}
          title={l.title}
          ownerName={l.ownerOrgName}
          onOpen={() => drawer.openWith(l)}
          testId="listing-open"
        />
      ),
    },
    { title: t('techmarket.achievement.field'), key: 'field', width: 150, render: (_, l) => t(`techmarket.fieldCodes.${l.fieldCode}`) },
    { title: t('techmarket.listing.region'), key: 'region', width: 100, render: (_, l) => <RegionName code={l.regionCode} /> },
    {
      title: t('techmarket.listing.amountCol'),
      key: 'amount',
      width: 120,
      render: (_, l) => (l.amountFen === null ? t('common.none') : wanText(l.amountFen)),
    },
    {
      title: t('techmarket.fields.status'),
      key: 'status',
      width: 90,
      render: (_, l) => (
        <Tag color={statusColor[l.status]} data-testid="listing-status">
          {t(`techmarket.listingStatuses.${l.status}`)}
        </Tag>
      ),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 110,
      render: (_, l) =>
        l.status === 'published' && (roles.statsReader || l.ownerOrgId === user.orgId) ? (
          <Button size="small" onClick={() => setMatchFor(l)} data-testid="listing-match">
            {t('techmarket.match.open')}
          </Button>
        ) : null,
    },
  ];
  const canCreate = roles.seller || roles.manager;
  return (
    <>
      <ListCard<TListing>
        title={t('techmarket.tabs.listings')}
        testId="listings"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.openWith(null)} data-testid="listing-new">
              {t('techmarket.listing.new')}
            </Button>
          ) : null
        }
        filters={
          <FilterBar>
            <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
              <Segmented
                value={kind ?? 'all'}
                onChange={(v) => setSearch({ kind: v === 'all' ? undefined : String(v) })}
                options={[
                  { value: 'all', label: t('techmarket.public.allKinds') },
                  ...listingKinds.map((k) => ({ value: k, label: t(`techmarket.listingKinds.${k}`) })),
                ]}
              />
            </div>
            <CodeFilter
              value={status}
              codes={listingStatuses}
              label={(s) => t(`techmarket.listingStatuses.${s}`)}
              placeholder={t('techmarket.fields.status')}
              width={110}
              onChange={(v) => setSearch({ status: v })}
            />
            <FieldFilter value={field} width={180} onChange={(v) => setSearch({ field: v })} />
            <SearchBox q={search.q} onSearch={(q) => setSearch({ q })} placeholder={t('techmarket.achievement.search')} width={220} />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        scrollX={1000}
        paging={paging}
        onPaging={onPaging}
      />
      <ListingDrawer key={drawer.key} open={drawer.open} item={drawer.item} roles={roles} onClose={drawer.close} defaultKind={kind} />
      <MatchesDrawer listing={matchFor} onClose={() => setMatchFor(undefined)} />
    </>
  );
}

interface FormValues extends Omit<TListingInput, 'amountFen' | 'validUntil'> {
  amountWan?: string;
  validUntil?: Dayjs | null;
}

function ListingDrawer(props: {
  open: boolean;
  item: TListing | null;
  roles: MarketRoles;
  onClose: () => void;
  defaultKind: TListing['kind'] | undefined;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const l = props.item;
  const { mine, editable, done, saved, step } = useOwnedDrawer(l, props.roles, props.onClose);
  const save = useTechmarketMutation((v: FormValues) => {
    const { amountWan, validUntil, ...rest } = v;
    const input = {
      ...rest,
      amountFen: amountWan && isWanText(amountWan) ? (wanToFen(amountWan) ?? null) : null,
      validUntil: validUntil ? validUntil.format('YYYY-MM-DD') : null,
    } as TListingInput;
    return l ? listingApi.update(l, input) : listingApi.create(input);
  });
  const kind = Form.useWatch('kind', form) ?? l?.kind;
  return (
    <Drawer open={props.open} onClose={props.onClose} size={820} title={l?.title ?? t('techmarket.listing.new')} destroyOnHidden>
      <div data-testid="listing-drawer">
        {l?.status === 'returned' && l.note ? <Alert type="warning" showIcon title={l.note} style={{ marginBottom: 12 }} /> : null}
        <Form<FormValues>
          form={form}
          layout="vertical"
          disabled={!editable}
          initialValues={
            l
              ? {
                  ...l,
                  amountWan: l.amountFen === null ? '' : fenToWan(l.amountFen),
                  validUntil: l.validUntil ? dayjs(l.validUntil) : null,
                  regionCode: l.regionCode,
                }
              : { kind: props.defaultKind ?? 'demand', keywords: [], contact: '' }
          }
          onFinish={(v) => save.mutate(v, saved)}
        >
          <Flex gap={16}>
            <Form.Item name="kind" label={t('techmarket.listing.kind')} style={{ width: 200 }}>
              <Select options={listingKinds.map((k) => ({ value: k, label: t(`techmarket.listingKinds.${k}`) }))} />
            </Form.Item>
            {props.roles.manager && l === null ? (
              <Form.Item
                name="ownerOrgId"
                label={t('techmarket.listing.owner')}
                style={{ flex: 1 }}
                extra={t('techmarket.listing.ownerHint')}
              >
                <OrgSelect />
              </Form.Item>
            ) : null}
          </Flex>
          <Form.Item name="title" label={t('techmarket.listing.title')} rules={[{ required: true, min: 4, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('techmarket.listing.description')} rules={[{ required: true, min: 10, max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item name="fieldCode" label={t('techmarket.achievement.field')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select options={techFieldCodes.map((f) => ({ value: f, label: t(`techmarket.fieldCodes.${f}`) }))} />
            </Form.Item>
            <Form.Item
              name="regionCode"
              label={t('techmarket.listing.region')}
              style={{ flex: 1 }}
              extra={t('techmarket.listing.regionHint')}
            >
              <RegionPicker />
            </Form.Item>
          </Flex>
          <Form.Item name="keywords" label={t('techmarket.achievement.keywords')}>
            <Select mode="tags" open={false} placeholder={t('techmarket.achievement.tagsHint')} />
          </Form.Item>
          <Flex gap={16}>
            {kind === 'demand' || kind === 'financing' ? (
              <Form.Item
                name="amountWan"
                label={t(`techmarket.listing.amountLabel.${kind}`)}
                rules={[{ pattern: /^\d+(\.\d{1,6})?$/, message: t('techmarket.contract.amountFormat') }]}
                style={{ width: 200 }}
              >
                <Input suffix={t('techmarket.wanUnit')} />
              </Form.Item>
            ) : null}
            {kind === 'achievement' ? (
              <Form.Item name="trl" label={t('techmarket.achievement.trl')} style={{ width: 140 }}>
                <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ) : null}
            <Form.Item name="contact" label={t('techmarket.listing.contact')} style={{ flex: 1 }}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="validUntil" label={t('techmarket.listing.validUntilLabel')} style={{ width: 180 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          {editable ? (
            <Space>
              <Button htmlType="submit" loading={save.isPending} data-testid="listing-save">
                {t('common.actions.save')}
              </Button>
              {l ? (
                <Popconfirm title={t('techmarket.listing.submitConfirm')} onConfirm={() => step.mutate(() => listingApi.submit(l), done)}>
                  <Button type="primary" loading={step.isPending} data-testid="listing-submit">
                    {t('techmarket.listing.submit')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
        </Form>
        {l && props.roles.manager && l.status === 'submitted' ? (
          <BureauReview
            testId="listing-review"
            accept={{
              confirm: t('techmarket.listing.publishConfirm'),
              label: t('techmarket.listing.publish'),
              testId: 'listing-publish',
              run: () => step.mutate(() => listingApi.publish(l), done),
            }}
            onReturn={(note) => step.mutate(() => listingApi.return(l, note), done)}
            pending={step.isPending}
          />
        ) : null}
        {l && l.status === 'published' && (mine || props.roles.manager) ? (
          <Popconfirm title={t('techmarket.listing.withdrawConfirm')} onConfirm={() => step.mutate(() => listingApi.withdraw(l), done)}>
            <Button danger style={{ marginTop: 16 }} loading={step.isPending} data-testid="listing-withdraw">
              {t('techmarket.listing.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </div>
    </Drawer>
  );
}
