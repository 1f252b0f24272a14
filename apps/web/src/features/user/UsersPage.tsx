import { PlusOutlined } from '@ant-design/icons';
import { roles, type TRole, type TUser } from '@kechuang/contracts';
import { Button, Card, Empty, Flex, Input, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { TempPasswordModal, type TempPasswordModalProps } from './TempPasswordModal.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { UserRowActions } from './UserRowActions.tsx';
import { type UserListParams, useUsers } from './user-api.ts';

const isRole = (v: string | undefined): v is TRole => roles.some((r) => r === v);

function UserStatus({ user }: { user: TUser }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {user.disabled ? <Tag>{t('common.status.disabled')}</Tag> : <Tag color="green">{t('common.status.active')}</Tag>}
      {user.locked ? <Tag color="red">{t('common.status.locked')}</Tag> : null}
      {user.mustChangePassword && !user.disabled ? <Tag color="orange">{t('common.status.mustChangePassword')}</Tag> : null}
    </Flex>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const drawer = useDrawer<TUser>();
  const [issued, setIssued] = useState<TempPasswordModalProps['result']>(null);

  const orgId = intParam(search.org, 0);
  const params: UserListParams = {
    ...(search.q ? { q: search.q } : {}),
    ...(orgId > 0 ? { orgId } : {}),
    ...(isRole(search.role) ? { role: search.role } : {}),
    includeDisabled: search.disabled === '1',
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
  };
  const users = useUsers(params);
  const filtered = Boolean(params.q || params.orgId || params.role || params.includeDisabled);

  const columns: TableColumnsType<TUser> = [
    {
      title: t('user.fields.username'),
      dataIndex: 'username',
      width: 170,
      render: (username: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {username}
        </Typography.Text>
      ),
    },
    { title: t('user.fields.displayName'), dataIndex: 'displayName' },
    {
      title: t('user.fields.org'),
      dataIndex: 'orgName',
      render: (_, u) => (
        <div>
          {u.orgName}
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{u.regionName}</div>
        </div>
      ),
    },
    {
      title: t('user.fields.roles'),
      dataIndex: 'roles',
      render: (list: TRole[]) => (
        <Flex gap={4} wrap>
          {list.map((role) => (
            <Tag key={role} color={role === 'admin' ? 'purple' : 'blue'} variant="filled">
              {t(`common.role.${role}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('user.fields.status'), key: 'status', width: 130, render: (_, u) => <UserStatus user={u} /> },
    {
      title: t('user.fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('common.never')}</Typography.Text>),
    },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_, u) => (
        <UserRowActions
          user={u}
          isSelf={u.id === me.user.id}
          onEdit={drawer.openWith}
          onPasswordReset={(result) => setIssued({ ...result, reason: 'reset' })}
        />
      ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.openWith(null)}>
      {t('user.create')}
    </Button>
  );
  const emptyText = filtered ? (
    <Empty description={t('common.table.noMatch')}>
      <Button
        onClick={() => {
          setQ('');
          setSearch({ q: undefined, org: undefined, role: undefined, disabled: undefined });
        }}
      >
        {t('common.actions.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty description={t('user.empty')}>{createButton}</Empty>
  );

  return (
    <div data-testid="page-users">
      <PageHeader title={t('user.title')} subtitle={t('user.subtitle')} extra={createButton} />
      {users.isError ? <QueryError error={users.error} onRetry={() => users.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setSearch({ q: value.trim() || undefined })}
            placeholder={t('user.searchPlaceholder')}
            allowClear
            style={{ width: 240 }}
          />
          <OrgSelect
            value={params.orgId ?? null}
            onChange={(id) => setSearch({ org: id ? String(id) : undefined })}
            placeholder={t('user.orgFilter')}
            style={{ width: 240 }}
          />
          <Select<TRole>
            value={params.role}
            onChange={(role) => setSearch({ role })}
            options={roles.map((r) => ({ value: r, label: t(`common.role.${r}`) }))}
            placeholder={t('user.roleFilter')}
            allowClear
            style={{ width: 190 }}
          />
          <Space>
            <Switch size="small" checked={params.includeDisabled} onChange={(on) => setSearch({ disabled: on ? '1' : undefined })} />
            <Typography.Text>{t('user.includeDisabled')}</Typography.Text>
          </Space>
        </Flex>
        {users.isPending ? (
          <TableSkeleton />
        ) : (
          <Table<TUser>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            rowClassName={(u) => (u.disabled ? 'kc-row-disabled' : '')}
            locale={{ emptyText }}
            scroll={{ x: 1080 }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.table.total', { total }),
            }}
            onChange={(pagination) => setSearch({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) })}
          />
        )}
      </Card>
      <UserFormDrawer
        key={drawer.key}
        open={drawer.open}
        user={drawer.item}
        onClose={drawer.close}
        onCreated={(result) => setIssued({ ...result, reason: 'created' })}
      />
      <TempPasswordModal result={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
