import { ZRegion, ZRegionChange, ZRegionChangeInput, ZRegionCode, ZRegionListQuery } from '@kechuang/contracts';
import { changeRegion, getRegion, listRegionChanges, listRegions } from '@kechuang/core';
import { z } from 'zod';
import type { Routes } from './types.ts';

const tags = ['region'];

export const regionRoutes: Routes = async (app) => {
  app.get(
    '/regions',
    { schema: { tags, summary: '行政区划（下级或搜索）', querystring: ZRegionListQuery, response: { 200: z.array(ZRegion) } } },
    async (request) => listRegions(request.ctx, request.query),
  );
  app.get('/regions/changes', { schema: { tags, summary: '区划调整记录', response: { 200: z.array(ZRegionChange) } } }, async (request) =>
    listRegionChanges(request.ctx),
  );
  app.post(
    '/regions/changes',
    { schema: { tags, summary: '登记区划调整', body: ZRegionChangeInput, response: { 200: ZRegionChange } } },
    async (request) => changeRegion(request.ctx, request.body),
  );
  app.get(
    '/regions/:code',
    {
      schema: {
        tags,
        summary: '区划详情（含上级路径）',
        params: z.strictObject({ code: ZRegionCode }),
        response: { 200: z.object({ region: ZRegion, path: z.array(ZRegion) }) },
      },
    },
    async (request) => getRegion(request.ctx, request.params.code),
  );
};
