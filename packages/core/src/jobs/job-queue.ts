import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { AppError, type TJobKind } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { yieldTurn } from '../yield-turn.ts';
import { jobActor } from './job-actor.ts';
import { claimJob, finishJob, type JobRow, recordProgress } from './jobs.repository.ts';

/** Reports a job's steps: `done` of `total` (total may be given once, at the first call). */
export type JobProgress = (done: number, total?: number) => Promise<void>;

/** What a kind of job does. It runs as the job's creator (`ctx.actor`), with `ctx.via` naming the job. */
export interface JobHandler<P = unknown> {
  kind: TJobKind;
  run(ctx: Ctx, params: P, progress: JobProgress): Promise<{ result: unknown; fileKey?: string | null }>;
}

export interface JobQueueOptions {
  /** a fresh context per job, without an actor (the job's creator is looked up when it starts) */
  ctx: () => Omit<Ctx, 'actor'>;
  // biome-ignore lint/suspicious/noExplicitAny: each handler checks its own params
  handlers: JobHandler<any>[];
  owner?: string;
  /** how long a claim holds without a progress step before another process may take the job (default 2 min) */
  leaseMs?: number;
  /** a job whose process died this many times is given up (default 3) */
  maxAttempts?: number;
  onError?: (job: JobRow, error: unknown) => void;
}

/** Queues by database handle: a request that enqueues a job wakes the queue of its own process. */
const queues = new WeakMap<object, JobQueue>();

export function jobQueueFor(db: object): JobQueue | undefined {
  return queues.get(db);
}

/**
 * Runs the queued jobs of the kinds it knows, one at a time, in this process and off the request path. A
 * request's enqueue wakes it at once; a poll (start) also takes up jobs queued by a process that runs no
 * queue and jobs whose process died. State lives in the job table, so any process sharing the database
 * may run any job, and a job is run by one of them at a time.
 */
export class JobQueue {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly handlers: Map<string, JobHandler>;
  private loop: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: JobQueueOptions) {
    this.owner = opts.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.handlers = new Map(opts.handlers.map((h) => [h.kind, h]));
  }

  /** Answers the jobs enqueued on this database handle; polls every `pollMs` for the others. */
  start(db: object, pollMs: number): void {
    queues.set(db, this);
    if (this.timer || pollMs <= 0) return;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
  }

  /** Looks for work soon (never in the caller's turn: the request that enqueued answers first). */
  kick(): void {
    if (this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = yieldTurn()
      .then(() => this.runAll())
      .catch(() => undefined)
      .finally(() => {
        this.loop = null;
      });
  }

  /** Runs until no job is left that this process can take (tests wait on it). */
  async drain(): Promise<void> {
    this.kick();
    while (this.loop) await this.loop;
  }

  /** Stops taking jobs and waits for the one running to end. */
  async stop(db?: object): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (db && queues.get(db) === this) queues.delete(db);
    while (this.loop) await this.loop;
  }

  private async runAll(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped && (await this.runOne())) {
        // let requests waiting on the event loop in between two jobs
        await yieldTurn();
      }
    } while (this.again && !this.stopped);
  }

  /** Claims and runs one job; false when there was none. */
  private async runOne(): Promise<boolean> {
    const base = this.opts.ctx();
    const job = await claimJob(base.db, { owner: this.owner, kinds: [...this.handlers.keys()], now: base.now(), leaseMs: this.leaseMs });
    if (!job) return false;
    if (job.attempts > (this.opts.maxAttempts ?? 3)) {
      await finishJob(base.db, job.id, this.owner, base.now(), { status: 'failed', code: 'job/abandoned' });
      return true;
    }
    const heartbeat = setInterval(
      () => void recordProgress(base.db, job.id, this.owner, { now: base.now(), leaseMs: this.leaseMs }).catch(() => undefined),
      Math.max(1000, this.leaseMs / 3),
    );
    heartbeat.unref();
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new AppError('job/unknown_kind', { kind: job.kind });
      const actor = job.created_by === null ? null : await jobActor(base, job.created_by);
      if (job.created_by !== null && !actor) throw new AppError('auth/forbidden', { jobId: job.id });
      const ctx: Ctx = { ...base, actor, via: `job:${job.kind}:${job.id}` };
      const progress: JobProgress = async (done, total) => {
        await recordProgress(base.db, job.id, this.owner, {
          done,
          ...(total === undefined ? {} : { total }),
          now: base.now(),
          leaseMs: this.leaseMs,
        });
      };
      const out = await handler.run(ctx, job.params, progress);
      await finishJob(base.db, job.id, this.owner, base.now(), { status: 'succeeded', result: out.result, fileKey: out.fileKey ?? null });
    } catch (e) {
      this.opts.onError?.(job, e);
      const outcome =
        e instanceof AppError ? { status: 'failed' as const, code: e.code } : { status: 'failed' as const, code: 'job/failed' };
      await finishJob(base.db, job.id, this.owner, base.now(), outcome).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }
}
