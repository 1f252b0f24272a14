import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPayloadHash, S3FileStore, s3ConfigFromEnv, signV4 } from './s3-file-store.ts';

// The documented example of the AWS S3 SigV4 guide ("Example: GET Object", header-based auth).
const example = {
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};

describe('AWS Signature Version 4', () => {
  it('matches the documented GET Object example', () => {
    const s = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: emptyPayloadHash,
      now: new Date('2013-05-24T00:00:00Z'),
      ...example,
    });
    expect(s.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(s.stringToSign.split('\n')[3]).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(s.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(s.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('S3 configuration from the environment', () => {
  it('is off when nothing is set, complete when all is, and names what is missing otherwise', () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(
      s3ConfigFromEnv({
        KECHUANG_S3_ENDPOINT: 'http://127.0.0.1:9000/',
        KECHUANG_S3_BUCKET: 'kc',
        KECHUANG_S3_ACCESS_KEY: 'a',
        KECHUANG_S3_SECRET_KEY: 's',
      }),
    ).toEqual({ endpoint: 'http://127.0.0.1:9000', bucket: 'kc', accessKey: 'a', secretKey: 's', region: 'us-east-1' });
    expect(() => s3ConfigFromEnv({ KECHUANG_S3_ENDPOINT: 'http://x', KECHUANG_S3_BUCKET: 'kc' })).toThrow(/KECHUANG_S3_ACCESS_KEY/);
  });
});

/** A tiny S3 stand-in: checks each request's signature (recomputed with the secret) and payload hash, keeps bytes by path. */
const secret = 'local-secret-key';
const objects = new Map<string, { bytes: Buffer; type: string }>();
const seen: Array<{ method: string; path: string; authorization: string }> = [];
let server: http.Server;
let endpoint = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = String(req.headers.authorization ?? '');
      seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: auth });
      const m =
        /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
          auth,
        );
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      const date = String(req.headers['x-amz-date'] ?? '');
      if (!m || payloadHash !== createHash('sha256').update(body).digest('hex')) {
        res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      const signedNames = (m[4] as string).split(';').filter((n) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(n));
      const expected = signV4({
        method: req.method ?? '',
        url: new URL(`http://${req.headers.host}${req.url}`),
        headers: Object.fromEntries(signedNames.map((n) => [n, String(req.headers[n] ?? '')])),
        payloadHash,
        now: new Date(
          `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
        ),
        accessKey: m[1] as string,
        secretKey: secret,
        region: m[3] as string,
      });
      if (expected.signature !== m[5]) {
        res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      const path = decodeURIComponent(req.url ?? '');
      if (req.method === 'PUT') {
        objects.set(path, { bytes: body, type: String(req.headers['content-type'] ?? '') });
        res.writeHead(200).end();
      } else if (req.method === 'GET') {
        const o = objects.get(path);
        if (!o) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        else res.writeHead(200, { 'content-type': o.type }).end(o.bytes);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3FileStore against a local server', () => {
  const config = () => ({ endpoint, bucket: 'kechuang', accessKey: 'kc-access', secretKey: secret, region: 'cn-central-1' });

  it('puts, gets and deletes bytes with path-style, signed requests', async () => {
    const store = new S3FileStore(config());
    const bytes = new Uint8Array(Buffer.from('进展材料 evidence'));
    await store.put('2026-04/abc-123.pdf', bytes, 'application/pdf');
    expect(objects.get('/kechuang/2026-04/abc-123.pdf')).toMatchObject({ type: 'application/pdf' });
    expect(Buffer.from((await store.get('2026-04/abc-123.pdf')) as Uint8Array).toString()).toBe('进展材料 evidence');
    expect(seen.at(-1)?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=kc-access\/\d{8}\/cn-central-1\/s3\/aws4_request, /);
    expect(seen.at(-1)?.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date');
    await store.delete('2026-04/abc-123.pdf');
    expect(await store.get('2026-04/abc-123.pdf')).toBeNull();
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'GET', 'DELETE', 'GET']);
  });

  it('fails loudly on a wrong secret and refuses keys that climb out', async () => {
    const wrong = new S3FileStore({ ...config(), secretKey: 'not-the-secret' });
    await expect(wrong.put('x/y.txt', new Uint8Array([1]), 'text/plain')).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
    expect(objects.has('/kechuang/x/y.txt')).toBe(false);
    await expect(new S3FileStore(config()).get('../etc/passwd')).rejects.toThrow(/bad storage key/);
  });
});
