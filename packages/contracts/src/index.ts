export * from './audit.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './errors.ts';
export * from './org.ts';
export * from './region.ts';
export * from './uscc.ts';
export * from './user.ts';

// Validation messages in zh-CN wherever the contracts are used (server, web, CLI).
import { z } from 'zod';

z.config(z.locales.zhCN());

export * from './enterprise.ts';
export * from './enterprise-records.ts';
export * from './enterprise-registry.ts';
export * from './enterprise-transfer.ts';
export * from './expert.ts';
export * from './expert-codes.ts';
export * from './indicator.ts';
export * from './indicator-evaluation.ts';
export * from './indicator-run.ts';
export * from './indicator-view.ts';
export * from './integrity.ts';
export * from './jobs.ts';
export * from './notification.ts';
export * from './person.ts';
export * from './plan.ts';
export * from './plan-draft.ts';
export * from './plan-execution.ts';
export * from './plan-import.ts';
export * from './plan-progress.ts';
export * from './plan-transfer.ts';
export * from './platform.ts';
export * from './project.ts';
export * from './project-application.ts';
export * from './project-lifecycle.ts';
export * from './region-boundary.ts';
export * from './review.ts';
export * from './talent.ts';
export * from './techmarket.ts';
export * from './techmarket-market.ts';
export * from './voucher.ts';
export * from './workbench.ts';
