import { createHash, createHmac } from 'node:crypto';
import type { FileStore } from './file-store.ts';

/**
 * An S3-compatible object store (AWS S3, MinIO, 阿里云 OSS, 腾讯云 COS, …) reached over fetch with
 * AWS Signature Version 4 in the Authorization header, path-style URLs (`{endpoint}/{bucket}/{key}`).
 * No SDK: three requests (PUT, GET, DELETE) are all a FileStore needs.
 */
export interface S3Config {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  /** e.g. us-east-1; MinIO accepts any */
  region: string;
}

const envNames = {
  endpoint: 'KECHUANG_S3_ENDPOINT',
  bucket: 'KECHUANG_S3_BUCKET',
  accessKey: 'KECHUANG_S3_ACCESS_KEY',
  secretKey: 'KECHUANG_S3_SECRET_KEY',
  region: 'KECHUANG_S3_REGION',
} as const;

/** The S3 settings from the environment; null when none is set, an error naming what is missing when only some are. */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3Config | null {
  const values = Object.fromEntries(Object.entries(envNames).map(([k, name]) => [k, env[name]?.trim() ?? ''])) as Record<
    keyof S3Config,
    string
  >;
  if (!values.endpoint && !values.bucket && !values.accessKey && !values.secretKey) return null;
  const missing = (['endpoint', 'bucket', 'accessKey', 'secretKey'] as const).filter((k) => !values[k]).map((k) => envNames[k]);
  if (missing.length > 0) throw new Error(`S3 文件存储配置不完整，缺少：${missing.join('、')}`);
  if (!/^https?:\/\/[^/]+/.test(values.endpoint)) throw new Error(`${envNames.endpoint} 应为 http(s):// 开头的地址`);
  return { ...values, endpoint: values.endpoint.replace(/\/+$/, ''), region: values.region || 'us-east-1' };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
export const emptyPayloadHash = sha256('');

export interface SignInput {
  method: string;
  url: URL;
  /** the headers to sign besides host (names any case); x-amz-date and x-amz-content-sha256 are added */
  headers: Record<string, string>;
  payloadHash: string;
  now: Date;
  accessKey: string;
  secretKey: string;
  region: string;
  service?: string;
}

/** `20130524T000000Z` */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 3986 encoding of one path segment or query value, as SigV4 wants it. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** AWS Signature Version 4: the headers to send (Authorization, x-amz-date, x-amz-content-sha256) and the intermediate strings. */
export function signV4(input: SignInput) {
  const date = amzDate(input.now);
  const day = date.slice(0, 8);
  const service = input.service ?? 's3';
  const headers: Record<string, string> = { host: input.url.host };
  for (const [k, v] of Object.entries(input.headers)) headers[k.toLowerCase()] = v.trim().replace(/\s+/g, ' ');
  headers['x-amz-content-sha256'] = input.payloadHash;
  headers['x-amz-date'] = date;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]): [string, string] => [uriEncode(k), uriEncode(v)])
    .sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.url.pathname || '/',
    query,
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretKey}`, day), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  const authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKey}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  const { host: _host, ...send } = headers;
  return { canonicalRequest, stringToSign, signature, headers: { ...send, authorization } };
}

export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  constructor(
    private readonly config: S3Config,
    private readonly now: () => Date = () => new Date(),
    private readonly timeoutMs = 60_000,
  ) {}

  private url(key: string): URL {
    if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..')) throw new Error(`bad storage key: ${key}`);
    const path = [this.config.bucket, ...key.split('/')].map(uriEncode).join('/');
    return new URL(`${this.config.endpoint}/${path}`);
  }

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Uint8Array, contentType?: string): Promise<Response> {
    const url = this.url(key);
    const extra: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    const signed = signV4({
      method,
      url,
      headers: extra,
      payloadHash: body ? sha256(body) : emptyPayloadHash,
      now: this.now(),
      accessKey: this.config.accessKey,
      secretKey: this.config.secretKey,
      region: this.config.region,
    });
    return fetch(url, {
      method,
      headers: signed.headers,
      ...(body ? { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  private async fail(what: string, key: string, res: Response): Promise<never> {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
    throw new Error(`S3 ${what} ${key} failed: HTTP ${res.status}${code ? ` ${code}` : ''}`);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType || 'application/octet-stream');
    if (!res.ok) await this.fail('put', key, res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) await this.fail('get', key, res);
    return new Uint8Array(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) await this.fail('delete', key, res);
    await res.arrayBuffer();
  }
}
