import { ZWorkbench } from '@kechuang/contracts';
import { getWorkbench } from '@kechuang/core';
import type { Routes } from './types.ts';

/** 工作台: the signed-in person's to-dos and the plans they follow, by role. */
export const workbenchRoutes: Routes = async (app) => {
  app.get(
    '/workbench',
    { schema: { tags: ['workbench'], summary: '工作台：按角色汇总今天要处理的事项', response: { 200: ZWorkbench } } },
    async (request) => getWorkbench(request.ctx),
  );
};
