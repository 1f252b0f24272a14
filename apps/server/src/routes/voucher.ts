import type { Routes } from './types.ts';

/** 科技创新券. */
export const voucherRoutes: Routes = async (_app) => {};
