import type { Routes } from './types.ts';

/** 专家抽取与评审. */
export const reviewRoutes: Routes = async (_app) => {};
