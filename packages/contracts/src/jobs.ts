import { z } from 'zod';
import { ZId } from './common.ts';

/*
 * Background jobs: heavy work (a 进度通报, a large import, an evaluation run) started by a request that
 * answers 202 with the job at once; the page follows GET /api/jobs/:id (status, progress done/total) and
 * finds the result there when the job has succeeded, or the error's stable code when it failed. Only the
 * job's creator and the planners (admin, planner) whose region holds the job's scope may read it.
 */
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export const ZJobStatus = z.enum(jobStatuses);
export type TJobStatus = z.infer<typeof ZJobStatus>;

export const jobKinds = ['plan.bulletin', 'indicator.evaluation_run', 'plan.create', 'plan.xlsx_import'] as const;
export const ZJobKind = z.enum(jobKinds);
export type TJobKind = z.infer<typeof ZJobKind>;

export const ZJob = z
  .object({
    id: z.number().int(),
    kind: ZJobKind,
    status: ZJobStatus,
    progress: z.object({
      done: z.number().int().describe('steps done'),
      total: z.number().int().nullable().describe('steps in all (null: not known yet)'),
    }),
    result: z
      .unknown()
      .nullable()
      .describe(
        'what the job produced, once succeeded (by kind: plan.bulletin → { bulletin }; indicator.evaluation_run → { run }; plan.create → { plan }; plan.xlsx_import → the import result)',
      ),
    resultFileKey: z.string().nullable().describe('a stored file the job produced, if any'),
    error: z.object({ code: z.string(), message: z.string() }).nullable().describe('why it failed: a stable code and its zh-CN text'),
    regionCode: z.string(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type TJob = z.infer<typeof ZJob>;

export const ZJobParams = z.strictObject({ id: ZId });
