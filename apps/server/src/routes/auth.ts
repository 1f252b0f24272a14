import { authPolicy, ZLogin, ZMe, ZOk, ZPasswordChange, ZRevokedCount, ZSession, ZSessionIdParams } from '@kechuang/contracts';
import {
  abilitiesOf,
  changePassword,
  getMe,
  isDemo,
  listMySessions,
  login,
  logout,
  logoutEverywhere,
  revokeMySession,
} from '@kechuang/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Routes } from './types.ts';

function secure(request: FastifyRequest): boolean {
  return process.env.KECHUANG_COOKIE_SECURE === '1' || request.protocol === 'https';
}

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, s: { token: string; csrfToken: string; expiresAt: Date }) {
  const common = { path: '/', secure: secure(request), expires: s.expiresAt };
  reply.setCookie(authPolicy.sessionCookie, s.token, { ...common, httpOnly: true, sameSite: 'lax' });
  // Readable by the page so it can echo it in the x-csrf-token header (double submit, checked against the session).
  reply.setCookie(authPolicy.csrfCookie, s.csrfToken, { ...common, httpOnly: false, sameSite: 'strict' });
}

function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(authPolicy.sessionCookie, { path: '/' });
  reply.clearCookie(authPolicy.csrfCookie, { path: '/' });
}

const tags = ['auth'];

export const authRoutes: Routes = async (app) => {
  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags, summary: '登录', body: ZLogin, response: { 200: ZMe } } },
    async (request, reply) => {
      const s = await login(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
        deviceToken: request.cookies?.[authPolicy.deviceCookie] ?? null,
      });
      setSessionCookies(request, reply, s);
      // Marks this browser as one the account has signed in from: its sign-ins skip the back-off.
      reply.setCookie(authPolicy.deviceCookie, s.deviceToken, {
        path: '/api/auth/login',
        secure: secure(request),
        httpOnly: true,
        sameSite: 'strict',
        maxAge: authPolicy.deviceDays * 86_400,
      });
      const ctx = { ...request.ctx, actor: s.actor };
      return { user: await getMe(ctx), csrfToken: s.csrfToken, demo: await isDemo(ctx), abilities: abilitiesOf(ctx) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { duringPasswordChange: true }, schema: { tags, summary: '退出登录', response: { 200: ZOk } } },
    async (request, reply) => {
      await logout(request.ctx, request.session?.tokenHash ?? '');
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { duringPasswordChange: true }, schema: { tags, summary: '当前用户', response: { 200: ZMe } } },
    async (request) => ({
      user: await getMe(request.ctx),
      csrfToken: request.session?.csrfToken ?? '',
      demo: await isDemo(request.ctx),
      abilities: abilitiesOf(request.ctx),
    }),
  );

  app.post(
    '/auth/password',
    { config: { duringPasswordChange: true }, schema: { tags, summary: '修改密码', body: ZPasswordChange, response: { 200: ZMe } } },
    async (request) => {
      await changePassword(request.ctx, { ...request.body, keepTokenHash: request.session?.tokenHash ?? null });
      return {
        user: await getMe(request.ctx),
        csrfToken: request.session?.csrfToken ?? '',
        demo: await isDemo(request.ctx),
        abilities: abilitiesOf(request.ctx),
      };
    },
  );

  app.get('/auth/sessions', { schema: { tags, summary: '我的会话', response: { 200: z.array(ZSession) } } }, async (request) =>
    listMySessions(request.ctx, request.session?.publicId ?? null),
  );

  app.delete(
    '/auth/sessions/:sessionId',
    { schema: { tags, summary: '结束一个会话', params: ZSessionIdParams, response: { 200: ZOk } } },
    async (request) => {
      await revokeMySession(request.ctx, request.params.sessionId);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/sessions/revoke-all',
    { config: { duringPasswordChange: true }, schema: { tags, summary: '退出所有设备', response: { 200: ZRevokedCount } } },
    async (request, reply) => {
      const revoked = await logoutEverywhere(request.ctx);
      clearSessionCookies(reply);
      return { revoked };
    },
  );
};
