import type { TAssessmentResult, TAssessRequest } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { assessEnterprise } from './assess-enterprise.ts';
import { findRulePacks, listRulePacks, type RulePackSummary } from './list-rule-packs.ts';

/**
 * Pre-assessment over the API: any signed-in user (an enterprise checking itself, the bureau, an
 * expert) may assess posted figures. Nothing is read from or written to the database.
 */
export function assessPosted(ctx: Ctx, request: TAssessRequest): TAssessmentResult {
  requireActor(ctx);
  const at = request.at ?? bureauDate(ctx.now());
  return assessEnterprise(request.input, { at, ...(request.packs ? { packs: findRulePacks(request.packs) } : {}) });
}

export function rulePacks(ctx: Ctx): Array<Omit<RulePackSummary, 'unverified'> & { unverified: string[] }> {
  requireActor(ctx);
  return listRulePacks().map((p) => ({ ...p, unverified: [...p.unverified] }));
}
