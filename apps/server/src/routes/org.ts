import { ZIdParams, ZOrg, ZOrgCreate, ZOrgDisable, ZOrgListQuery, ZOrgPage, ZOrgUpdate } from '@kechuang/contracts';
import { createOrg, getOrg, listOrgs, setOrgDisabled, updateOrg } from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['org'];

export const orgRoutes: Routes = async (app) => {
  app.get('/orgs', { schema: { tags, summary: '单位列表', querystring: ZOrgListQuery, response: { 200: ZOrgPage } } }, async (request) =>
    listOrgs(request.ctx, request.query),
  );
  app.get('/orgs/:id', { schema: { tags, summary: '单位详情', params: ZIdParams, response: { 200: ZOrg } } }, async (request) =>
    getOrg(request.ctx, request.params.id),
  );
  app.post('/orgs', { schema: { tags, summary: '新建单位', body: ZOrgCreate, response: { 200: ZOrg } } }, async (request) =>
    createOrg(request.ctx, request.body),
  );
  app.put(
    '/orgs/:id',
    { schema: { tags, summary: '修改单位', params: ZIdParams, body: ZOrgUpdate, response: { 200: ZOrg } } },
    async (request) => updateOrg(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/orgs/:id/disable',
    { schema: { tags, summary: '停用或启用单位', params: ZIdParams, body: ZOrgDisable, response: { 200: ZOrg } } },
    async (request) => setOrgDisabled(request.ctx, request.params.id, request.body),
  );
};
