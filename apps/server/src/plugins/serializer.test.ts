import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoizedSerializerCompiler } from './serializer.ts';

const ZPage = z.strictObject({ items: z.array(z.strictObject({ name: z.string() })), total: z.number().int() });

async function appServing(get: () => unknown) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(memoizedSerializerCompiler);
  app.get('/page', { schema: { response: { 200: ZPage } } }, async () => get());
  await app.ready();
  return app;
}

describe('memoised response serialisation', () => {
  it('sends a kept result as the same JSON, with its UTF-8 length, each time', async () => {
    const kept = { items: [{ name: '衡阳市科学技术局' }, { name: 'ascii' }], total: 2 };
    const app = await appServing(() => kept);
    const bodies = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'GET', url: '/page' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
      bodies.push(res.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] as string)).toEqual(kept);
    await app.close();
  });

  it('still validates every new result against the contract', async () => {
    let n = 0;
    const app = await appServing(() => (++n === 1 ? { items: [], total: 0 } : { items: [{ name: 1 }], total: 1 }));
    expect((await app.inject({ method: 'GET', url: '/page' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/page' })).statusCode).toBe(500);
    await app.close();
  });

  it('refuses a result that breaks the contract every time, never keeping it', async () => {
    const kept = { items: [], total: 0, secret: 'x' };
    const app = await appServing(() => kept);
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'GET', url: '/page' });
      expect(res.statusCode).toBe(500);
    }
    await app.close();
  });
});
