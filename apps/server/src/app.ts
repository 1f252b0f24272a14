import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { AppCache, FileStore } from '@kechuang/core';
import type { Database } from '@kechuang/db';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAppCache, SharedCache } from './cache-shared.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerProblemHandlers, sendProblem } from './plugins/problem.ts';
import { isApiRequest } from './plugins/route-kind.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { memoizedSerializerCompiler } from './plugins/serializer.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { enterpriseRoutes } from './routes/enterprise.ts';
import { enterpriseRegistryRoutes } from './routes/enterprise-registry.ts';
import { enterpriseTransferRoutes } from './routes/enterprise-transfer.ts';
import { expertRoutes } from './routes/expert.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicator.ts';
import { indicatorBoundaryRoutes } from './routes/indicator-boundaries.ts';
import { integrityRoutes } from './routes/integrity.ts';
import { jobRoutes } from './routes/jobs.ts';
import { notificationRoutes } from './routes/notification.ts';
import { orgRoutes } from './routes/org.ts';
import { planRoutes } from './routes/plan.ts';
import { planExecutionRoutes } from './routes/plan-execution.ts';
import { planTransferRoutes } from './routes/plan-transfer.ts';
import { platformRoutes } from './routes/platform.ts';
import { projectRoutes } from './routes/project.ts';
import { regionRoutes } from './routes/region.ts';
import { reviewRoutes } from './routes/review.ts';
import { talentRoutes } from './routes/talent.ts';
import { techmarketRoutes } from './routes/techmarket.ts';
import { techmarketMarketRoutes } from './routes/techmarket-market.ts';
import { userRoutes } from './routes/user.ts';
import { voucherRoutes } from './routes/voucher.ts';
import { workbenchRoutes } from './routes/workbench.ts';
import { version } from './version.ts';

export interface AppOptions {
  database: Database;
  /** built web app to serve at /; null to serve the API only */
  webDir?: string | null;
  logger?: boolean;
  /** which X-Forwarded-For hops to believe: a hop count or the proxies' addresses (never every hop) */
  trustProxy?: number | string | string[] | false;
  /** serve HTTPS directly with this certificate and key (PEM) */
  https?: { cert: Buffer; key: Buffer };
  /** override the cache choice (tests) */
  cache?: AppCache;
  /** where uploaded files are kept (evidence attachments); without it uploads are refused */
  files?: FileStore;
}

export const bodyLimit = 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    routeList: string[];
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // With a certificate the same app serves HTTPS; its routes and hooks do not depend on the transport.
  const serverOptions = {
    ...(opts.https ? { https: opts.https } : {}),
    // Without request logging, errors are still logged: a 500 is never silent.
    logger: { level: opts.logger ? (process.env.LOG_LEVEL ?? 'info') : 'error' },
    bodyLimit,
    // a hop count as a trust function: the socket's peer and the next hops-1 addresses are proxies
    trustProxy:
      typeof opts.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (opts.trustProxy as number)
        : (opts.trustProxy ?? false),
    routerOptions: { ignoreTrailingSlash: true },
  } as FastifyHttpOptions<Server>;
  const app = Fastify(serverOptions).withTypeProvider<ZodTypeProvider>();
  // Every route, as "METHOD /url": the access test checks each one has an entry in its table.
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeList.push(`${m} ${r.url}`);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(memoizedSerializerCompiler);
  registerProblemHandlers(app);
  // The API speaks JSON only; anything else is 415 rather than a string handed to validation.
  app.removeContentTypeParser('text/plain');

  // The embedded database has one process; on PostgreSQL the cache listens for the writes of every process.
  const cache = opts.cache ?? (await createAppCache(opts.database, (e) => app.log.warn(e, 'cache broadcast connection')));
  if (cache instanceof SharedCache) app.addHook('onClose', () => cache.close());

  registerSecurityHeaders(app, { hsts: process.env.KECHUANG_COOKIE_SECURE === '1' });
  await app.register(cookie);
  registerAuth(app, { db: opts.database.db, cache, files: opts.files });
  const readDb = opts.database.readDb;
  if (readDb)
    app.addHook('onRequest', async (request) => {
      if (request.ctx) request.ctx.readDb = readDb;
    });
  registerInputGuard(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '科创 Kechuang API', description: '科技局年度工作平台的 REST 接口。错误统一为 application/problem+json。', version },
      tags: [
        'system',
        'auth',
        'region',
        'org',
        'user',
        'audit',
        'plan',
        'enterprise',
        'notification',
        'indicator',
        'techmarket',
        'integrity',
        'expert',
        'review',
      ].map((name) => ({
        name,
      })),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });

  await app.register(
    async (api) => {
      await api.register(healthRoutes({ db: opts.database.kind, version }));
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes);
      await api.register(regionRoutes);
      await api.register(orgRoutes);
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(planRoutes);
      await api.register(planExecutionRoutes);
      await api.register(notificationRoutes);
      await api.register(workbenchRoutes);
      await api.register(planTransferRoutes);
      await api.register(jobRoutes({ db: opts.database.db, cache, files: opts.files }));
      await api.register(enterpriseRoutes);
      await api.register(enterpriseRegistryRoutes);
      await api.register(enterpriseTransferRoutes);
      await api.register(projectRoutes);
      await api.register(techmarketRoutes);
      await api.register(integrityRoutes);
      await api.register(expertRoutes);
      await api.register(reviewRoutes);
      await api.register(techmarketMarketRoutes);
      await api.register(platformRoutes);
      await api.register(talentRoutes);
      await api.register(voucherRoutes);
      await api.register(indicatorRoutes);
      await api.register(indicatorBoundaryRoutes);
    },
    { prefix: '/api' },
  );

  const webDir = opts.webDir === undefined ? defaultWebDir() : opts.webDir;
  const hasWeb = webDir !== null && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir as string, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request) || request.url.startsWith('/assets/') || request.method !== 'GET' || !hasWeb)
      return sendProblem(reply, 'common/route_not_found');
    // client-side routes of the single-page app (a missing /assets/ file is a 404, not the page)
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}

export function defaultWebDir(): string {
  return path.resolve(import.meta.dirname, '../../web/dist');
}
