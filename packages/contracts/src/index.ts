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
export * from './enterprise-registry.ts';
export * from './enterprise-transfer.ts';
export * from './plan.ts';
export * from './plan-draft.ts';
export * from './plan-import.ts';
