import { z } from 'zod';
import { ZIsoDate } from './enterprise.ts';
import { ZTargetStatus, ZTaskStatus } from './plan-execution.ts';

/*
 * 工作台: what needs doing today for the signed-in person, gathered from the modules by role. Each
 * item links to the page where the work is done; titles are data (task titles, plan titles, names),
 * the section headings and statuses are translated by the client.
 */

export const workbenchSections = [
  // bureau (admin, planner)
  'plans',
  'lagging',
  'review',
  'targets',
  'deadlines',
  'certificates',
  // reporter
  'returned',
  'overdue',
  'dueSoon',
  'drafts',
  // enterprise
  'myEnterprise',
  // expert
  'reviews',
] as const;
export const ZWorkbenchSectionKey = z.enum(workbenchSections);
export type TWorkbenchSectionKey = z.infer<typeof ZWorkbenchSectionKey>;

export const ZWorkbenchItem = z.object({
  title: z.string(),
  detail: z.string().nullable().describe('the plan, unit or region the item belongs to'),
  link: z.string().describe('the page where the work is done'),
  taskStatus: ZTaskStatus.nullable(),
  targetStatus: ZTargetStatus.nullable(),
  date: ZIsoDate.nullable().describe('a due date or an expiry date'),
  days: z.number().int().nullable().describe('days until the date (negative: past)'),
  percent: z.number().nullable().describe('completion, 0–100'),
  count: z.number().int().nullable(),
});
export type TWorkbenchItem = z.infer<typeof ZWorkbenchItem>;

export const ZWorkbenchSection = z.object({
  key: ZWorkbenchSectionKey,
  total: z.number().int().describe('items in all (the list shows the first few)'),
  items: z.array(ZWorkbenchItem),
  link: z.string().nullable().describe('where the whole list is'),
});
export type TWorkbenchSection = z.infer<typeof ZWorkbenchSection>;

export const ZWorkbenchView = z.enum(['bureau', 'viewer', 'reporter', 'enterprise', 'expert', 'none']);
export type TWorkbenchView = z.infer<typeof ZWorkbenchView>;

export const ZWorkbench = z
  .object({
    asOf: ZIsoDate,
    view: ZWorkbenchView,
    sections: z.array(ZWorkbenchSection),
  })
  .meta({ id: 'Workbench' });
export type TWorkbench = z.infer<typeof ZWorkbench>;
