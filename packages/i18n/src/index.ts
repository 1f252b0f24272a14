/**
 * UI text catalogs. zh-CN is canonical; en-US must have exactly the same keys
 * (enforced by `scripts/check-i18n.mjs` and, for shape, by the `Catalog` type below).
 * Each locale file is one module; its name becomes the top-level key, so a key reads
 * `org.fields.name` or `errors.auth/invalid_credentials`.
 */
import enAudit from '../locales/en-US/audit.json' with { type: 'json' };
import enAuth from '../locales/en-US/auth.json' with { type: 'json' };
import enCommon from '../locales/en-US/common.json' with { type: 'json' };
import enEnterprise from '../locales/en-US/enterprise.json' with { type: 'json' };
import enErrors from '../locales/en-US/errors.json' with { type: 'json' };
import enErrorsExpert from '../locales/en-US/errors-expert.json' with { type: 'json' };
import enErrorsIntegrity from '../locales/en-US/errors-integrity.json' with { type: 'json' };
import enErrorsJobs from '../locales/en-US/errors-jobs.json' with { type: 'json' };
import enErrorsPlatform from '../locales/en-US/errors-platform.json' with { type: 'json' };
import enErrorsReview from '../locales/en-US/errors-review.json' with { type: 'json' };
import enErrorsTalent from '../locales/en-US/errors-talent.json' with { type: 'json' };
import enErrorsTechmarketMarket from '../locales/en-US/errors-techmarket-market.json' with { type: 'json' };
import enErrorsVoucher from '../locales/en-US/errors-voucher.json' with { type: 'json' };
import enExpert from '../locales/en-US/expert.json' with { type: 'json' };
import enHome from '../locales/en-US/home.json' with { type: 'json' };
import enIndicator from '../locales/en-US/indicator.json' with { type: 'json' };
import enIntegrity from '../locales/en-US/integrity.json' with { type: 'json' };
import enJobs from '../locales/en-US/jobs.json' with { type: 'json' };
import enModules from '../locales/en-US/modules.json' with { type: 'json' };
import enNotification from '../locales/en-US/notification.json' with { type: 'json' };
import enOrg from '../locales/en-US/org.json' with { type: 'json' };
import enPlan from '../locales/en-US/plan.json' with { type: 'json' };
import enPlanExec from '../locales/en-US/planExec.json' with { type: 'json' };
import enPlatform from '../locales/en-US/platform.json' with { type: 'json' };
import enProject from '../locales/en-US/project.json' with { type: 'json' };
import enRegion from '../locales/en-US/region.json' with { type: 'json' };
import enReview from '../locales/en-US/review.json' with { type: 'json' };
import enSession from '../locales/en-US/session.json' with { type: 'json' };
import enShell from '../locales/en-US/shell.json' with { type: 'json' };
import enTalent from '../locales/en-US/talent.json' with { type: 'json' };
import enTechmarket from '../locales/en-US/techmarket.json' with { type: 'json' };
import enUser from '../locales/en-US/user.json' with { type: 'json' };
import enVoucher from '../locales/en-US/voucher.json' with { type: 'json' };
import zhAudit from '../locales/zh-CN/audit.json' with { type: 'json' };
import zhAuth from '../locales/zh-CN/auth.json' with { type: 'json' };
import zhCommon from '../locales/zh-CN/common.json' with { type: 'json' };
import zhEnterprise from '../locales/zh-CN/enterprise.json' with { type: 'json' };
import zhErrors from '../locales/zh-CN/errors.json' with { type: 'json' };
import zhErrorsExpert from '../locales/zh-CN/errors-expert.json' with { type: 'json' };
import zhErrorsIntegrity from '../locales/zh-CN/errors-integrity.json' with { type: 'json' };
import zhErrorsJobs from '../locales/zh-CN/errors-jobs.json' with { type: 'json' };
import zhErrorsPlatform from '../locales/zh-CN/errors-platform.json' with { type: 'json' };
import zhErrorsReview from '../locales/zh-CN/errors-review.json' with { type: 'json' };
import zhErrorsTalent from '../locales/zh-CN/errors-talent.json' with { type: 'json' };
import zhErrorsTechmarketMarket from '../locales/zh-CN/errors-techmarket-market.json' with { type: 'json' };
import zhErrorsVoucher from '../locales/zh-CN/errors-voucher.json' with { type: 'json' };
import zhExpert from '../locales/zh-CN/expert.json' with { type: 'json' };
import zhHome from '../locales/zh-CN/home.json' with { type: 'json' };
import zhIndicator from '../locales/zh-CN/indicator.json' with { type: 'json' };
import zhIntegrity from '../locales/zh-CN/integrity.json' with { type: 'json' };
import zhJobs from '../locales/zh-CN/jobs.json' with { type: 'json' };
import zhModules from '../locales/zh-CN/modules.json' with { type: 'json' };
import zhNotification from '../locales/zh-CN/notification.json' with { type: 'json' };
import zhOrg from '../locales/zh-CN/org.json' with { type: 'json' };
import zhPlan from '../locales/zh-CN/plan.json' with { type: 'json' };
import zhPlanExec from '../locales/zh-CN/planExec.json' with { type: 'json' };
import zhPlatform from '../locales/zh-CN/platform.json' with { type: 'json' };
import zhProject from '../locales/zh-CN/project.json' with { type: 'json' };
import zhRegion from '../locales/zh-CN/region.json' with { type: 'json' };
import zhReview from '../locales/zh-CN/review.json' with { type: 'json' };
import zhSession from '../locales/zh-CN/session.json' with { type: 'json' };
import zhShell from '../locales/zh-CN/shell.json' with { type: 'json' };
import zhTalent from '../locales/zh-CN/talent.json' with { type: 'json' };
import zhTechmarket from '../locales/zh-CN/techmarket.json' with { type: 'json' };
import zhUser from '../locales/zh-CN/user.json' with { type: 'json' };
import zhVoucher from '../locales/zh-CN/voucher.json' with { type: 'json' };

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

export const zhCN = {
  common: zhCommon,
  errors: {
    ...zhErrors,
    ...zhErrorsIntegrity,
    ...zhErrorsExpert,
    ...zhErrorsReview,
    ...zhErrorsTechmarketMarket,
    ...zhErrorsPlatform,
    ...zhErrorsTalent,
    ...zhErrorsVoucher,
    ...zhErrorsJobs,
  },
  shell: zhShell,
  auth: zhAuth,
  home: zhHome,
  modules: zhModules,
  org: zhOrg,
  plan: zhPlan,
  planExec: zhPlanExec,
  notification: zhNotification,
  user: zhUser,
  region: zhRegion,
  audit: zhAudit,
  session: zhSession,
  enterprise: zhEnterprise,
  indicator: zhIndicator,
  project: zhProject,
  integrity: zhIntegrity,
  expert: zhExpert,
  review: zhReview,
  techmarket: zhTechmarket,
  platform: zhPlatform,
  talent: zhTalent,
  voucher: zhVoucher,
  jobs: zhJobs,
};
export type Catalog = typeof zhCN;

export const enUS: Catalog = {
  common: enCommon,
  errors: {
    ...enErrors,
    ...enErrorsIntegrity,
    ...enErrorsExpert,
    ...enErrorsReview,
    ...enErrorsTechmarketMarket,
    ...enErrorsPlatform,
    ...enErrorsTalent,
    ...enErrorsVoucher,
    ...enErrorsJobs,
  },
  shell: enShell,
  auth: enAuth,
  home: enHome,
  modules: enModules,
  org: enOrg,
  plan: enPlan,
  planExec: enPlanExec,
  notification: enNotification,
  user: enUser,
  region: enRegion,
  audit: enAudit,
  session: enSession,
  enterprise: enEnterprise,
  indicator: enIndicator,
  project: enProject,
  integrity: enIntegrity,
  expert: enExpert,
  review: enReview,
  techmarket: enTechmarket,
  platform: enPlatform,
  talent: enTalent,
  voucher: enVoucher,
  jobs: enJobs,
};

/** Ready for `i18next.init({ resources })`: one `translation` namespace per language. */
export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const satisfies Record<Language, { translation: Catalog }>;
