import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Responses are validated against their zod contract and serialised. A result served from the read
 * cache is the same (never mutated) object each time, so its validated JSON is kept beside it
 * instead of being checked and stringified again on every hit. What is kept is the UTF-8 bytes:
 * handing Node a JSON string costs a UTF-8 length pass (Content-Length) and an encoding pass on
 * every write, which for a list of Chinese names costs more than the rest of the request (bench:http).
 * A result is kept as bytes only from its second use, so one-off results pay nothing extra.
 */
/** Fastify's type says a serializer returns a string; its reply sends a Buffer payload as it is. */
const asPayload = (bytes: Buffer) => bytes as unknown as string;

export const memoizedSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const serialize = serializerCompiler(route);
  const memo = new WeakMap<object, string | Buffer>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null) return serialize(data);
    const kept = memo.get(data);
    if (kept === undefined) {
      const json = serialize(data);
      memo.set(data, json);
      return json;
    }
    if (typeof kept !== 'string') return asPayload(kept);
    const bytes = Buffer.from(kept, 'utf8');
    memo.set(data, bytes);
    return asPayload(bytes);
  };
};
