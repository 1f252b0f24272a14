import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Ctx } from '../context.ts';
import { acquireLease, releaseLease } from './lease.ts';

/** A periodic job: runs at most once per `intervalMs` over all processes sharing the database. */
export interface Job {
  name: string;
  intervalMs: number;
  /** how long the lease holds if the process dies mid-run; default 10 minutes */
  leaseMs?: number;
  /** what it returns is kept as the job's `last_result` */
  run(ctx: Ctx): Promise<unknown>;
}

export interface TickOutcome {
  job: string;
  /** false: another process holds the lease, or the job ran within its interval */
  ran: boolean;
  result?: unknown;
  error?: string;
}

export interface SchedulerOptions {
  /** a fresh ctx per tick (no actor: jobs act as the system, `via` names them in the audit trail) */
  ctx: () => Ctx;
  jobs: Job[];
  /** how often the scheduler looks for due jobs; default 60 s */
  tickMs?: number;
  owner?: string;
  onError?: (job: string, error: unknown) => void;
}

export function schedulerOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * A small job runner. State lives in the database (`scheduler_job`), so a restart picks up where the
 * last run left off and two server processes never run the same job at once.
 */
export class Scheduler {
  readonly owner: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickOutcome[]> | null = null;

  constructor(private readonly opts: SchedulerOptions) {
    this.owner = opts.owner ?? schedulerOwner();
  }

  /** Runs every due job whose lease this process can take, one after another. */
  async tick(): Promise<TickOutcome[]> {
    const out: TickOutcome[] = [];
    for (const job of this.opts.jobs) out.push(await this.runJob(job));
    return out;
  }

  private async runJob(job: Job): Promise<TickOutcome> {
    const ctx = this.opts.ctx();
    const now = ctx.now();
    const leased = await acquireLease(ctx.db, {
      job: job.name,
      owner: this.owner,
      now,
      intervalMs: job.intervalMs,
      leaseMs: job.leaseMs ?? 10 * 60_000,
    });
    if (!leased) return { job: job.name, ran: false };
    try {
      const result = await job.run({ ...ctx, via: `scheduler:${job.name}` });
      await releaseLease(ctx.db, job.name, this.owner, now, result);
      return { job: job.name, ran: true, result };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.opts.onError?.(job.name, e);
      await releaseLease(ctx.db, job.name, this.owner, now, { error });
      return { job: job.name, ran: true, error };
    }
  }

  /** Ticks now and then every `tickMs`; a tick still running when the next is due is not doubled. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.tick()
        .catch((e) => {
          this.opts.onError?.('*', e);
          return [];
        })
        .finally(() => {
          this.running = null;
        });
    };
    tick();
    this.timer = setInterval(tick, this.opts.tickMs ?? 60_000);
    this.timer.unref();
  }

  /** Stops ticking and waits for a tick in progress to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
