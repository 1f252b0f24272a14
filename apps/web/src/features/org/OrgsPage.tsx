import { PlusOutlined } from '@ant-design/icons';
import { orgKinds, type TOrg, type TOrgKind } from '@kechuang/contracts';
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';
import { type OrgListParams, useOrgs, useSetOrgDisabled } from './org-api.ts';

const sorts = ['name', 'region', 'createdAt'] as const;
type OrgSort = (typeof sorts)[number];
const isSort = (v: string | undefined): v is OrgSort => sorts.some((s) => s === v);
const isKind = (v: string | undefined): v is TOrgKind => orgKinds.some((k) => k === v);

export function OrgsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchState();
  const drawer = useDrawer<TOrg>();
  const [q, setQ] = useState(search.q ?? '');

  const params: OrgListParams = {
    ...(search.q ? { q: search.q } : {}),
    ...(isKind(search.kind) ? { kind: search.kind } : {}),
    ...(search.region ? { region: search.region } : {}),
    includeDisabled: search.disabled === '1',
    sort: isSort(search.sort) ? search.sort : 'region',
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
  };
  const orgs = useOrgs(params);
  const setDisabled = useSetOrgDisabled();
  const filtered = Boolean(params.q || params.kind || params.region || params.includeDisabled);

  const toggle = (org: TOrg) =>
    setDisabled.mutate(
      { org, disabled: !org.disabled },
      {
        onSuccess: (saved) => message.success(t(saved.disabled ? 'org.disabledDone' : 'org.enabledDone', { name: saved.name })),
        onError: (e) => message.error(errorText(e)),
      },
    );

  const columns: TableColumnsType<TOrg> = [
    {
      title: t('org.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: params.sort === 'name' ? 'ascend' : null,
      render: (_, org) => (
        <div>
          <Typography.Text strong>{org.name}</Typography.Text>
          {org.shortName ? <div style={{ color: '#8c8c8c', fontSize: 12 }}>{org.shortName}</div> : null}
        </div>
      ),
    },
    { title: t('org.fields.kind'), dataIndex: 'kind', render: (kind: TOrgKind) => <Tag>{t(`common.orgKind.${kind}`)}</Tag> },
    {
      title: t('org.fields.region'),
      dataIndex: 'regionName',
      key: 'region',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: params.sort === 'region' ? 'ascend' : null,
    },
    {
      title: t('org.fields.uscc'),
      dataIndex: 'uscc',
      render: (uscc: string | null) => (uscc ? <Typography.Text code>{uscc}</Typography.Text> : t('common.none')),
    },
    { title: t('org.fields.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
    {
      title: t('org.fields.status'),
      dataIndex: 'disabled',
      width: 100,
      render: (disabled: boolean) =>
        disabled ? (
          <Badge status="default" text={t('common.status.disabled')} />
        ) : (
          <Badge status="success" text={t('common.status.active')} />
        ),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, org) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => drawer.openWith(org)}>
            {t('common.actions.edit')}
          </Button>
          <Popconfirm
            title={t(org.disabled ? 'org.confirmEnable' : 'org.confirmDisable', { name: org.name })}
            onConfirm={() => toggle(org)}
            okButtonProps={{ danger: !org.disabled }}
            styles={{ root: { maxWidth: 320 } }}
          >
            <Button type="link" size="small" danger={!org.disabled}>
              {org.disabled ? t('common.actions.enable') : t('common.actions.disable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.openWith(null)}>
      {t('org.create')}
    </Button>
  );

  const emptyText = filtered ? (
    <Empty description={t('common.table.noMatch')}>
      <Button
        onClick={() => {
          setQ('');
          setSearch({ q: undefined, kind: undefined, region: undefined, disabled: undefined });
        }}
      >
        {t('common.actions.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty description={t('org.empty')}>{createButton}</Empty>
  );

  return (
    <div data-testid="page-orgs">
      <PageHeader title={t('org.title')} subtitle={t('org.subtitle')} extra={createButton} />
      {orgs.isError ? <QueryError error={orgs.error} onRetry={() => orgs.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setSearch({ q: value.trim() || undefined })}
            placeholder={t('org.searchPlaceholder')}
            allowClear
            style={{ width: 260 }}
            data-testid="org-search"
          />
          <Select<TOrgKind>
            value={params.kind}
            onChange={(kind) => setSearch({ kind })}
            options={orgKinds.map((k) => ({ value: k, label: t(`common.orgKind.${k}`) }))}
            placeholder={t('org.kindFilter')}
            allowClear
            style={{ width: 150 }}
          />
          <RegionPicker
            value={params.region ?? null}
            onChange={(region) => setSearch({ region })}
            placeholder={t('org.regionFilter')}
            style={{ width: 260 }}
          />
          <Space>
            <Switch checked={params.includeDisabled} onChange={(on) => setSearch({ disabled: on ? '1' : undefined })} size="small" />
            <Typography.Text>{t('org.includeDisabled')}</Typography.Text>
          </Space>
        </Flex>
        {orgs.isPending ? (
          <TableSkeleton />
        ) : (
          <Table<TOrg>
            rowKey="id"
            columns={columns}
            dataSource={orgs.data?.items ?? []}
            loading={orgs.isFetching || setDisabled.isPending}
            rowClassName={(org) => (org.disabled ? 'kc-row-disabled' : '')}
            locale={{ emptyText }}
            scroll={{ x: 980 }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: orgs.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.table.total', { total }),
            }}
            onChange={(pagination, _filters, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? String(s.columnKey) : 'region';
              setSearch({
                page: String(pagination.current ?? 1),
                pageSize: String(pagination.pageSize ?? 20),
                sort: isSort(key) && key !== 'region' ? key : undefined,
              });
            }}
          />
        )}
      </Card>
      <OrgFormDrawer key={drawer.key} open={drawer.open} org={drawer.item} onClose={drawer.close} />
    </div>
  );
}
