import type { Routes } from './types.ts';

/** 科研诚信记录（红黑名单）. */
export const integrityRoutes: Routes = async (_app) => {};
