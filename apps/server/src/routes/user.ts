import {
  ZIdParams,
  ZRevokedCount,
  ZUser,
  ZUserCreate,
  ZUserDisable,
  ZUserListQuery,
  ZUserPage,
  ZUserUpdate,
  ZUserWithPassword,
} from '@kechuang/contracts';
import { createUser, getUser, listUsers, resetPassword, revokeUserSessions, setUserDisabled, unlockUser, updateUser } from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['user'];

export const userRoutes: Routes = async (app) => {
  app.get('/users', { schema: { tags, summary: '用户列表', querystring: ZUserListQuery, response: { 200: ZUserPage } } }, async (request) =>
    listUsers(request.ctx, request.query),
  );
  app.get('/users/:id', { schema: { tags, summary: '用户详情', params: ZIdParams, response: { 200: ZUser } } }, async (request) =>
    getUser(request.ctx, request.params.id),
  );
  app.post(
    '/users',
    { schema: { tags, summary: '新建用户（返回一次性临时密码）', body: ZUserCreate, response: { 200: ZUserWithPassword } } },
    async (request) => createUser(request.ctx, request.body),
  );
  app.put(
    '/users/:id',
    { schema: { tags, summary: '修改用户', params: ZIdParams, body: ZUserUpdate, response: { 200: ZUser } } },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/users/:id/disable',
    { schema: { tags, summary: '停用或启用用户', params: ZIdParams, body: ZUserDisable, response: { 200: ZUser } } },
    async (request) => setUserDisabled(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/users/:id/reset-password',
    { schema: { tags, summary: '重置密码（返回一次性临时密码）', params: ZIdParams, response: { 200: ZUserWithPassword } } },
    async (request) => resetPassword(request.ctx, request.params.id),
  );
  app.post('/users/:id/unlock', { schema: { tags, summary: '解除锁定', params: ZIdParams, response: { 200: ZUser } } }, async (request) =>
    unlockUser(request.ctx, request.params.id),
  );
  app.post(
    '/users/:id/revoke-sessions',
    { schema: { tags, summary: '强制下线', params: ZIdParams, response: { 200: ZRevokedCount } } },
    async (request) => ({ revoked: await revokeUserSessions(request.ctx, request.params.id) }),
  );
};
