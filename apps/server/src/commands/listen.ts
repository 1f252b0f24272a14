import fs from 'node:fs';
import net from 'node:net';

export interface ListenInput {
  host: string;
  trustProxy?: string | undefined;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
  allowPlainHttp?: boolean | undefined;
}

export interface ListenPlan {
  trustProxy: number | string[] | false;
  https: { cert: Buffer; key: Buffer } | null;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  return host === '::1';
}

/**
 * X-Forwarded-For is believed only as far as the operator says: a number of hops (the nearest proxies)
 * or the proxies' addresses. Believing every hop would let a client write any address into the header
 * and so into the sign-in back-off and the audit log.
 */
export function parseTrustProxy(value: string | undefined): number | string[] | false {
  if (value === undefined || value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) throw new Error('--trust-proxy 的代理层数应在 1 到 10 之间');
    return hops;
  }
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of addresses) {
    const [ip, bits] = a.split('/');
    if (!ip || net.isIP(ip) === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`--trust-proxy 的代理地址无效：${a}（应为层数，或以逗号分隔的 IP 地址/网段）`);
    }
  }
  return addresses;
}

/**
 * Safe defaults for a government deployment: loopback only unless told otherwise, and never plain HTTP
 * on an outside address — an outside address needs TLS here (--tls-cert/--tls-key) or a TLS-terminating
 * reverse proxy in front (--trust-proxy), unless the operator explicitly allows plain HTTP.
 */
export function listenPlan(input: ListenInput): ListenPlan {
  const trustProxy = parseTrustProxy(input.trustProxy);
  if (Boolean(input.tlsCert) !== Boolean(input.tlsKey)) throw new Error('--tls-cert 与 --tls-key 须同时给出');
  const https = input.tlsCert && input.tlsKey ? { cert: fs.readFileSync(input.tlsCert), key: fs.readFileSync(input.tlsKey) } : null;
  // On an outside address a hop count would let a client that reaches the port directly forge the
  // forwarded headers: there the proxies must be named.
  if (!isLoopback(input.host) && typeof trustProxy === 'number') {
    throw new Error(`在 ${input.host} 上对外监听时，--trust-proxy 须写明代理地址（如 10.0.0.5），不能只写层数`);
  }
  if (!isLoopback(input.host) && !https && trustProxy === false && !input.allowPlainHttp) {
    throw new Error(
      `拒绝在 ${input.host} 上以明文 HTTP 对外服务：请用 --tls-cert/--tls-key 启用 HTTPS，或置于 TLS 反向代理之后并给出 --trust-proxy，` +
        '确需明文时加 --allow-plain-http',
    );
  }
  return { trustProxy, https };
}
