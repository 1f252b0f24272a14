import type { Routes } from './types.ts';

/** 创新平台. */
export const platformRoutes: Routes = async (_app) => {};
