import type { TAbilities, TNavModule } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { requireBureau, requireRegistryReader } from '../enterprise-registry/enterprise-registry.policy.ts';
import { requireCatalogAdmin, requireIndicatorReader, requireIndicatorWriter } from '../indicator/indicator.policy.ts';
import { isPlatformUnitUser } from '../platform/index.ts';
import { hasRole, requireActor, requireRole } from '../policy.ts';
import { isApplicant, isRecommender } from '../project/project.policy.ts';
import { isSellerUser } from '../techmarket/techmarket.policy.ts';
import { isProviderUser } from '../voucher/voucher.policy.ts';

/** Whether a policy check passes for this actor (the same function the use cases call). */
function passes(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

/**
 * What a signed-in user may open and do, sent once with the session so the web shows only those menu
 * entries, buttons and tabs. Each answer runs the module's own policy function on the actor; the
 * server still enforces every call.
 */
export function abilitiesOf(ctx: Ctx): TAbilities {
  const actor = requireActor(ctx);
  const may = (check: () => unknown) => passes(check);
  const actions: TAbilities['actions'] = {
    // plan/create-plan.ts, plan/import-plan-document.ts; plan-execution/exec.policy.ts
    planImport: may(() => requireRole(ctx, 'admin', 'planner')),
    planManage: may(() => requireRole(ctx, 'admin', 'planner')),
    planRead: may(() => requireRole(ctx, 'admin', 'planner', 'viewer')),
    report: hasRole(actor, 'reporter'),
    indicatorWrite: may(() => requireIndicatorWriter(ctx)),
    catalogAdmin: may(() => requireCatalogAdmin(ctx)),
    registryRead: may(() => requireBureau(ctx, false)),
    registryWrite: may(() => requireBureau(ctx, true)),
    ownEnterprise: may(() => requireRegistryReader(ctx)) && hasRole(actor, 'enterprise'),
  };
  const bureau = hasRole(actor, 'admin', 'planner', 'viewer');
  const modules: TNavModule[] = [];
  if (actions.report) modules.push('myTasks');
  if (actions.planRead) modules.push('plans');
  if (may(() => requireIndicatorReader(ctx))) modules.push('indicators');
  if (actions.registryRead || actions.ownEnterprise) modules.push('enterprises');
  // 科技项目: the bureau, the units that apply and the 主管部门 that recommend (project.policy.ts)
  if (bureau || isApplicant(actor) || isRecommender(actor)) modules.push('projects');
  // 专家库: the bureau keeps the pool; an expert keeps their own profile (expert/expert.policy.ts)
  if (bureau || hasRole(actor, 'expert')) modules.push('experts');
  // 专家评审: the bureau draws panels and reads rankings; an expert reviews what they were drawn for (review/review.policy.ts)
  if (bureau || hasRole(actor, 'expert')) modules.push('review');
  // 科研诚信: the bureau's records (integrity/integrity.policy.ts)
  if (bureau) modules.push('integrity');
  // 技术市场: the bureau, and the selling units that register contracts (techmarket.policy.ts)
  if (bureau || isSellerUser(actor)) modules.push('techmarket');
  // 创新平台: the bureau, and the units that host or apply for platforms (platform/platform.policy.ts)
  if (bureau || isPlatformUnitUser(actor)) modules.push('platforms');
  // 人才与特派员: the bureau (talent/talent.policy.ts)
  if (bureau) modules.push('talent');
  // 创新券: the bureau, enterprises that hold or use vouchers, and the users of providers (voucher/voucher.policy.ts)
  if (bureau || hasRole(actor, 'enterprise') || isProviderUser(actor)) modules.push('vouchers');
  if (hasRole(actor, 'admin')) modules.push('admin');
  return { modules, actions };
}
