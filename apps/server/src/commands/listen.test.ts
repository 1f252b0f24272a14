import { describe, expect, it } from 'vitest';
import { listenPlan, parseTrustProxy } from './listen.ts';

describe('listening defaults for a government deployment', () => {
  it('trusts no X-Forwarded-For hop unless told, and then only the hops or proxies named', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => parseTrustProxy('0')).toThrow(/1 到 10/);
    expect(() => parseTrustProxy('true')).toThrow(/代理地址无效/);
    expect(() => parseTrustProxy('10.0.0.0/abc')).toThrow(/代理地址无效/);
  });

  it('serves plain HTTP on loopback, and refuses it on an outside address without TLS or a proxy in front', () => {
    expect(listenPlan({ host: '127.0.0.1' })).toEqual({ trustProxy: false, https: null });
    expect(listenPlan({ host: 'localhost' }).https).toBeNull();
    expect(listenPlan({ host: '::1' }).https).toBeNull();
    expect(() => listenPlan({ host: '0.0.0.0' })).toThrow(/拒绝在 0\.0\.0\.0 上以明文 HTTP 对外服务/);
    expect(() => listenPlan({ host: '192.168.1.20' })).toThrow(/--tls-cert/);
    expect(listenPlan({ host: '0.0.0.0', trustProxy: '10.0.0.5' }).trustProxy).toEqual(['10.0.0.5']);
    // a hop count on an outside address would believe whatever a direct client writes
    expect(() => listenPlan({ host: '0.0.0.0', trustProxy: '1' })).toThrow(/须写明代理地址/);
    expect(listenPlan({ host: '127.0.0.1', trustProxy: '1' }).trustProxy).toBe(1);
    expect(listenPlan({ host: '0.0.0.0', allowPlainHttp: true }).trustProxy).toBe(false);
    expect(() => listenPlan({ host: '0.0.0.0', tlsCert: '/x.pem' })).toThrow(/须同时给出/);
  });
});
