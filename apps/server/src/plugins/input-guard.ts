import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.ts';

/**
 * Characters no field of ours may hold: NUL (PostgreSQL text cannot store it: error 22021), the other C0
 * controls but tab, line feed and carriage return (they are not allowed in the XML of the .docx/.xlsx files
 * we generate), DEL, and lone UTF-16 surrogates (they cannot be encoded as UTF-8 and would be silently
 * replaced on the way to the database).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function badText(value: string): boolean {
  return forbidden.test(value);
}

/** Deeper than any contract of ours: a body nested further is refused before anything walks it. */
export const maxDepth = 64;

type Finding = { kind: 'characters'; path: string } | { kind: 'depth'; path: string };

/** The first offending string (or key) in a parsed value, walked without recursion. */
export function findBadInput(root: unknown, rootPath: string): Finding | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (badText(value)) return { kind: 'characters', path };
      continue;
    }
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= maxDepth) return { kind: 'depth', path };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: `${path}.${i}`, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (badText(key)) return { kind: 'characters', path };
      stack.push({ value: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The boundary every request crosses before validation: refuses forbidden characters in the path
 * parameters, the query and the JSON body, and bodies nested too deeply, with a 400 and a zh-CN
 * message; and refuses a body that arrived as raw bytes at a route that takes JSON (415), so no route
 * can be reached with a form or XML body whatever content-type parsers its module registered.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const schema = request.routeOptions.schema;
    if (schema?.body && request.body !== undefined && (Buffer.isBuffer(request.body) || typeof request.body === 'string')) {
      return sendProblem(reply, 'common/unsupported_media_type');
    }
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const found = findBadInput(value, part);
      if (found) {
        return sendProblem(reply, found.kind === 'depth' ? 'common/too_deeply_nested' : 'common/invalid_characters', {
          errors: [{ path: found.path, message: found.kind === 'depth' ? '层级过深' : '含有不允许的字符' }],
        });
      }
    }
  });
}
