import { z } from 'zod';
import { ZPageQuery } from './common.ts';

/*
 * The in-app notification centre: reminders before a report is due and when it is overdue, review
 * outcomes and the like. A user sees and marks only their own notifications.
 */

/** reminder.due_soon, reminder.overdue, reminder.overdue_digest; other modules add their own kinds */
export const notificationKinds = ['reminder.due_soon', 'reminder.overdue', 'reminder.overdue_digest'] as const;

export const ZNotification = z
  .object({
    id: z.string().describe('bigint as a decimal string'),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('a path of the web app to open, e.g. /my-tasks?plan=1&node=2'),
    planId: z.number().int().nullable(),
    nodeId: z.number().int().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZPageQuery.extend({
  unread: z.stringbool().optional().describe('true: unread only'),
}).strict();
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZNotificationPage = z
  .object({
    items: z.array(ZNotification),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    unread: z.number().int().describe('unread notifications of the user in all'),
  })
  .meta({ id: 'NotificationPage' });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZUnreadCount = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export const ZNotificationParams = z.strictObject({ id: z.string().regex(/^[1-9]\d{0,17}$/) });
export const ZMarkAllRead = z.object({ updated: z.number().int().describe('notifications marked read now') });
