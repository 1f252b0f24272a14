import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * What the technology market's access rows (techmarket-access.ts, techmarket-market-access.ts) share: the row's
 * shape and the request built on a fresh record of the "in" or "out" side. The records themselves differ (a
 * contract at a registration point, an achievement, an entry), so each file makes its own.
 */
export interface FxLike {
  t: TestApp;
  role: TRole;
  fresh: { org(region: string): Promise<number> };
}
export type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
export type Side = 'in' | 'out';
export interface EntryLike {
  public?: boolean;
  in: TRole[];
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
}

/** The row's two requests: on the "in" side's record and on the "out" side's. */
export const both = (f: (side: Side) => Req) => ({ reqIn: f('in'), reqOut: f('out') });

/**
 * Requests on a fresh versioned record: `make` inserts one of the side's in the given status, the request goes to
 * `${base}/${id}${path}` with the body built from its version.
 */
export const onRecord =
  (base: string, make: (t: TestApp, side: Side, status: string) => Promise<{ id: number; version: number }>) =>
  (status: string, method: InjectOptions['method'], path: string, body?: (version: number) => object) =>
  (side: Side): Req =>
  async (fx) => {
    const r = await make(fx.t, side, status);
    return { method, url: `${base}/${r.id}${path}`, ...(body ? { payload: body(r.version) } : {}) };
  };
