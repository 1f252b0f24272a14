import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import type { TNotification } from '@kechuang/contracts';
import { App, Badge, Button, Drawer, Empty, Flex, List, Pagination, Segmented, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './notification-api.ts';

const pageSize = 20;

/** The bell in the header: unread count, and a drawer with the user's notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const unread = useUnreadCount();
  const list = useNotifications({ unread: unreadOnly, page, pageSize }, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data?.unread ?? 0;

  const openItem = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };

  return (
    <>
      <Tooltip title={t('notification.title')}>
        <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
          <Button
            type="text"
            icon={<BellOutlined style={{ fontSize: 18 }} />}
            onClick={() => setOpen(true)}
            aria-label={t('notification.title')}
            data-testid="notification-bell"
          />
        </Badge>
      </Tooltip>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notification.title')}
        size={460}
        extra={
          <Button
            size="small"
            icon={<CheckOutlined />}
            disabled={count === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll
                .mutateAsync()
                .then((r) => message.success(t('notification.allRead', { count: r.updated })))
                .catch((e: unknown) => message.error(errorText(e)))
            }
            data-testid="notification-read-all"
          >
            {t('notification.markAllRead')}
          </Button>
        }
        data-testid="notification-drawer"
      >
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('notification.all') },
            { value: 'unread', label: t('notification.unread', { count }) },
          ]}
          style={{ marginBottom: 12 }}
        />
        <List<TNotification>
          loading={list.isPending && open}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={unreadOnly ? t('notification.noUnread') : t('notification.empty')} /> }}
          renderItem={(n) => (
            <List.Item
              onClick={() => openItem(n)}
              style={{
                cursor: n.link || !n.readAt ? 'pointer' : 'default',
                paddingInline: 8,
                background: n.readAt ? undefined : '#f0f5ff',
                borderRadius: 6,
              }}
              data-testid="notification-item"
              actions={
                n.readAt
                  ? []
                  : [
                      <Tooltip key="read" title={t('notification.markRead')}>
                        <Button
                          size="small"
                          type="text"
                          icon={<CheckOutlined />}
                          aria-label={t('notification.markRead')}
                          onClick={(e) => {
                            e.stopPropagation();
                            markRead.mutate(n.id);
                          }}
                        />
                      </Tooltip>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={n.readAt ? <Badge status="default" /> : <Badge status="processing" />}
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <Flex vertical gap={2}>
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                      {n.link ? ` · ${t('notification.open')}` : ''}
                    </Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
        {(list.data?.total ?? 0) > pageSize ? (
          <Pagination
            size="small"
            current={page}
            pageSize={pageSize}
            total={list.data?.total ?? 0}
            onChange={setPage}
            style={{ marginTop: 12, textAlign: 'center' }}
          />
        ) : null}
      </Drawer>
    </>
  );
}
