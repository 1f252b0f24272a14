// The baseline of bench:http: a bare Fastify server answering one JSON route.
import Fastify from 'fastify';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT ?? 18501), host: '127.0.0.1' });
console.log('bare ready');
