import {
  ZMarkAllRead,
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPage,
  ZNotificationParams,
  ZUnreadCount,
} from '@kechuang/contracts';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['notification'];

/** The signed-in user's notification centre. */
export const notificationRoutes: Routes = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知（最新在前；unread=true 只看未读）',
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationPage },
      },
    },
    async (request) => listMyNotifications(request.ctx, request.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: '我的未读通知数', response: { 200: ZUnreadCount } } },
    async (request) => unreadNotificationCount(request.ctx),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标记一条通知为已读', params: ZNotificationParams, response: { 200: ZNotification } } },
    async (request) => markNotificationRead(request.ctx, request.params.id),
  );
  app.post('/notifications/read-all', { schema: { tags, summary: '全部标记为已读', response: { 200: ZMarkAllRead } } }, async (request) =>
    markAllNotificationsRead(request.ctx),
  );
};
