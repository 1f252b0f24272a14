import { AppError, ZJob, ZJobParams } from '@kechuang/contracts';
import { type AppCache, type FileStore, getJob, JobQueue, jobHandlers } from '@kechuang/core';
import type { DB, Kysely } from '@kechuang/db';
import type { Routes } from './types.ts';

const tags = ['system'];

/** How often a process looks for jobs it was not woken for (queued elsewhere, or left by a process that died): KECHUANG_JOBS_POLL seconds, default 10; 0 turns the queue off in this process. */
export function jobsPollMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KECHUANG_JOBS_POLL;
  const seconds = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) throw new Error(`KECHUANG_JOBS_POLL 应为 0–3600 之间的秒数：${raw}`);
  return Math.round(seconds * 1000);
}

/**
 * Background jobs: this process's queue (it runs the jobs its requests start, off the request path, and
 * polls for others), stopped when the server closes; and GET /jobs/:id for the page that follows one.
 */
export function jobRoutes(deps: { db: Kysely<DB>; cache: AppCache; files?: FileStore | undefined }): Routes {
  return async (app) => {
    const pollMs = jobsPollMs();
    if (pollMs > 0) {
      const queue = new JobQueue({
        ctx: () => ({ db: deps.db, cache: deps.cache, ip: null, now: () => new Date(), ...(deps.files ? { files: deps.files } : {}) }),
        handlers: jobHandlers,
        // a refusal or a missing record is the job's outcome, kept on its row; anything else is a fault
        onError: (job, e) =>
          e instanceof AppError
            ? app.log.info({ code: e.code, jobId: job.id, kind: job.kind }, 'background job refused')
            : app.log.error({ err: e, jobId: job.id, kind: job.kind }, 'background job failed'),
      });
      queue.start(deps.db, pollMs);
      // jobs queued before this process started (or left by one that stopped) are taken up now
      app.addHook('onReady', async () => queue.kick());
      app.addHook('onClose', async () => queue.stop(deps.db));
    }
    app.get(
      '/jobs/:id',
      {
        schema: {
          tags,
          summary: '后台任务的状态、进度与结果（发起人及同辖区业务人员可见）',
          params: ZJobParams,
          response: { 200: ZJob },
        },
      },
      async (request) => getJob(request.ctx, request.params.id),
    );
  };
}
