import { LogoutOutlined } from '@ant-design/icons';
import type { TSession } from '@kechuang/contracts';
import { App, Button, Card, Empty, Popconfirm, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useForgetSession } from '../auth/auth-api.ts';
import { describeUserAgent } from './device.ts';
import { useRevokeAllSessions, useRevokeSession, useSessions } from './session-api.ts';

export function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeAll = useRevokeAllSessions();
  const forget = useForgetSession();

  const signedOut = () => {
    forget();
    navigate('/login', { replace: true });
  };

  const onRevoke = (session: TSession) =>
    revoke.mutate(session.id, {
      onSuccess: () => {
        message.success(t('session.revoked'));
        if (session.current) signedOut();
      },
      onError: (e) => message.error(errorText(e)),
    });

  const onRevokeAll = () =>
    revokeAll.mutate(undefined, {
      onSuccess: ({ revoked }) => {
        message.success(t('session.revokedAll', { count: revoked }));
        signedOut();
      },
      onError: (e) => message.error(errorText(e)),
    });

  const columns: TableColumnsType<TSession> = [
    {
      title: t('session.fields.device'),
      key: 'device',
      render: (_, s) => (
        <Tooltip title={s.userAgent}>
          <span>
            {describeUserAgent(s.userAgent) ?? t('session.unknownDevice')}
            {s.current ? (
              <Tag color="green" style={{ marginLeft: 8 }}>
                {t('session.current')}
              </Tag>
            ) : null}
          </span>
        </Tooltip>
      ),
    },
    { title: t('session.fields.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
    { title: t('session.fields.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('session.fields.lastSeenAt'), dataIndex: 'lastSeenAt', render: formatDateTime },
    { title: t('session.fields.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 120,
      render: (_, s) => (
        <Popconfirm
          title={s.current ? t('session.confirmRevokeCurrent') : t('session.confirmRevoke')}
          onConfirm={() => onRevoke(s)}
          okButtonProps={{ danger: true }}
          styles={{ root: { maxWidth: 320 } }}
        >
          <Button type="link" danger size="small" style={{ paddingInline: 0 }}>
            {t('session.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div data-testid="page-sessions">
      <PageHeader
        title={t('session.title')}
        subtitle={t('session.subtitle')}
        extra={
          <Popconfirm
            title={t('session.confirmRevokeAll')}
            onConfirm={onRevokeAll}
            okButtonProps={{ danger: true }}
            placement="bottomRight"
            styles={{ root: { maxWidth: 340 } }}
          >
            <Button danger icon={<LogoutOutlined />} loading={revokeAll.isPending}>
              {t('session.revokeAll')}
            </Button>
          </Popconfirm>
        }
      />
      {sessions.isError ? <QueryError error={sessions.error} onRetry={() => sessions.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        {sessions.isPending ? (
          <TableSkeleton />
        ) : (
          <Table<TSession>
            rowKey="id"
            columns={columns}
            dataSource={sessions.data ?? []}
            loading={revoke.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: false, showTotal: (total) => t('common.table.total', { total }) }}
            locale={{ emptyText: <Empty description={<Typography.Text type="secondary">{t('session.empty')}</Typography.Text>} /> }}
            scroll={{ x: 760 }}
          />
        )}
      </Card>
    </div>
  );
}
