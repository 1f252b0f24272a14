import type { FastifyRequest } from 'fastify';

/**
 * The path a request stands for, as the router sees it: percent-decoded, duplicate slashes collapsed,
 * lower-cased. Only for requests no route matched; a matched request is judged by its route.
 */
export function normalisedPath(rawUrl: string): string {
  const raw = rawUrl.split('?')[0] ?? '';
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape stays as sent
  }
  return decoded.replace(/\/{2,}/g, '/').toLowerCase();
}

/**
 * Whether a request is an API call (JSON, signed-in, CSRF-checked, never cached). Decided on the route the
 * router matched — never on the raw URL string, which a client may percent-encode ("/%61pi/…") to slip
 * past a prefix test while the router, which decodes, still reaches the API handler. The reference pages
 * under /api/docs are pages, not API calls.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  const path = route ?? normalisedPath(request.url);
  return path.startsWith('/api/') && !path.startsWith('/api/docs');
}
