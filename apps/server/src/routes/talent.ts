import type { Routes } from './types.ts';

/** 科技人才与科技特派员. */
export const talentRoutes: Routes = async (_app) => {};
