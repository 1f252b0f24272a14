// The baselines of bench:http: a bare Fastify server answering "hello", and answering with a fixed
// JSON body (the same bytes the measured list endpoint returns), with no hooks, auth or database.
import fs from 'node:fs';
import Fastify from 'fastify';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
const payload = process.env.PAYLOAD_FILE ? JSON.parse(fs.readFileSync(process.env.PAYLOAD_FILE, 'utf8')) : {};
app.get('/payload', async () => payload);
await app.listen({ port: Number(process.env.PORT ?? 18501), host: '127.0.0.1' });
console.log('bare ready');
