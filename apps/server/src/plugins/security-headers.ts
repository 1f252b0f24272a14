import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { isApiRequest } from './route-kind.ts';

/**
 * Security headers on every response. Pages (the web app, the API reference) get helmet's full set,
 * computed once at start (the Fastify helmet plugin rebuilds its middleware per request, a measurable
 * cost). JSON API responses get the set the OWASP REST Security Cheat Sheet recommends for APIs: they
 * are never rendered, so the legacy browser headers add bytes and work without adding protection.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }) {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (k: string, v: string | number) => {
      headers[k.toLowerCase()] = String(v);
    },
    removeHeader: (k: string) => {
      delete headers[k.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: true,
  })({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  const apiHeaders: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
  // HSTS only where the browser reached us over TLS (directly or through a trusted proxy), or when the
  // operator says every request is (KECHUANG_COOKIE_SECURE=1): on plain loopback HTTP it would mislead.
  const hsts = headers['strict-transport-security'] ?? 'max-age=31536000; includeSubDomains';
  delete headers['strict-transport-security'];
  const pageTls = { ...headers, 'strict-transport-security': hsts };
  const apiTls = { ...apiHeaders, 'strict-transport-security': hsts };
  app.addHook('onRequest', (request, reply, done) => {
    const tls = opts.hsts || request.protocol === 'https';
    const api = isApiRequest(request);
    reply.headers(tls ? (api ? apiTls : pageTls) : api ? apiHeaders : headers);
    done();
  });
}
