import type { Routes } from './types.ts';

/** 科技成果、四张清单与供需对接. */
export const techmarketMarketRoutes: Routes = async (_app) => {};
