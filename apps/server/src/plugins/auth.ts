import { timingSafeEqual } from 'node:crypto';
import { authPolicy } from '@kechuang/contracts';
import { type AppCache, type Ctx, type FileStore, resolveSession, type SessionInfo } from '@kechuang/core';
import type { DB, Kysely } from '@kechuang/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.ts';
import { isApiRequest } from './route-kind.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** reachable without signing in */
    public?: boolean;
    /** reachable while a forced password change is pending */
    duringPasswordChange?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A cross-site form or script posting to us: its Origin names another host. Compared with the host the
 * browser addressed — behind a trusted reverse proxy that is X-Forwarded-Host (Fastify's request.host),
 * never a header an untrusted client could set.
 */
function foreignOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/**
 * Resolves the session cookie into `request.ctx` for every /api request, then enforces:
 * sign-in (unless the route is public), the CSRF token on cookie-authenticated mutations,
 * and a pending forced password change.
 */
export function registerAuth(app: FastifyInstance, deps: { db: Kysely<DB>; cache: AppCache; files?: FileStore | undefined }) {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);
  const now = () => new Date();
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // One context object per request; the actor is filled in once the session is known.
    const ctx: Ctx = { db: deps.db, cache: deps.cache, ip: request.ip ?? null, now, actor: null };
    if (deps.files) ctx.files = deps.files;
    const token = request.cookies?.[authPolicy.sessionCookie];
    // On PostgreSQL, first apply every cache invalidation committed by other processes before this request came
    // (cache-shared.ts), so neither the session nor anything else is read stale from this process's cache.
    if (deps.cache.fence && (token || isApiRequest(request))) await deps.cache.fence();
    const session = token ? await resolveSession(ctx, token) : null;
    ctx.actor = session?.actor ?? null;
    request.session = session;
    request.ctx = ctx;
    // Decided on the matched route, not the raw URL (see isApiRequest); the API reference pages are public.
    // A request no route matched runs nothing: it gets its 404.
    if (!request.routeOptions.url || !isApiRequest(request)) return;
    const config = request.routeOptions.config;
    const mutating = !safeMethods.has(request.method);
    if (mutating && foreignOrigin(request)) return sendProblem(reply, 'auth/csrf_failed');
    if (config.public) return;
    if (!session) return sendProblem(reply, 'auth/unauthenticated');
    if (mutating) {
      const sent = request.headers[authPolicy.csrfHeader];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) return sendProblem(reply, 'auth/csrf_failed');
    }
    if (session.mustChangePassword && !config.duringPasswordChange) return sendProblem(reply, 'auth/password_change_required');
  });
}
