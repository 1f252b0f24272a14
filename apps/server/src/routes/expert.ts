import type { Routes } from './types.ts';

/** 评审专家库. */
export const expertRoutes: Routes = async (_app) => {};
