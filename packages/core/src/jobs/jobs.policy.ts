import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, requireActor } from '../policy.ts';
import type { JobRow } from './jobs.repository.ts';

/**
 * Who may follow a job: the account that started it, and the planners (admin, planner) whose region holds
 * the job's scope (a colleague opening the same bulletin page sees the same job run). Nobody else.
 */
export function requireJobReader(ctx: Ctx, job: Pick<JobRow, 'created_by' | 'region_code'>): Actor {
  const actor = requireActor(ctx);
  if (job.created_by === actor.userId) return actor;
  if (hasRole(actor, 'admin', 'planner') && inRegionScope(actor, job.region_code)) return actor;
  throw new AppError('auth/out_of_scope', { regionCode: job.region_code });
}
