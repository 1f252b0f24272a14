import { randomBytes } from 'node:crypto';
import { type AppCache, MemoryCache, noCache } from '@kechuang/core';
import type { Database } from '@kechuang/db';
import pg from 'pg';

/** The channel withAudit announces written cache tags on (packages/core/src/cache-bus.ts). */
export const cacheChannel = 'kechuang_cache';

interface Broadcast {
  o: string;
  n: string;
  t: string[];
}

function decodeBroadcast(s: string | undefined): Broadcast | null {
  try {
    const b = JSON.parse(s ?? '') as Broadcast;
    return b && typeof b.o === 'string' && Array.isArray(b.t) ? b : null;
  } catch {
    return null;
  }
}

export interface SharedCacheOptions {
  databaseUrl: string;
  maxEntries?: number;
  /** how long a fence may take before the cache is cleared instead (a stalled connection) */
  fenceTimeoutMs?: number;
  /** reports connection trouble (the server's logger) */
  onError?: (e: Error) => void;
}

/**
 * A process cache kept correct beside other processes on one PostgreSQL database.
 *
 * A dedicated connection LISTENs for the tags every committed write announces (withAudit sends them with NOTIFY
 * inside its transaction, so they are queued exactly when the write commits, whichever process or command line
 * made it) and drops those entries.
 *
 * Delivery is asynchronous, so before a request reads the cache it takes a fence: this process sends a
 * notification on a channel of its own and waits for it to come back. PostgreSQL delivers notifications to each
 * listener in commit order, so once the fence is back every write committed before the request arrived has been
 * applied here — a write answered by another process is never hidden. Requests that arrive while a fence is out
 * share the next one, so under load this costs far less than one round trip per request.
 *
 * While the connection is down the cache serves nothing; once it is back the cache starts empty, as
 * announcements sent in between were lost.
 */
export class SharedCache extends MemoryCache implements AppCache {
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly fenceChannel = `kechuang_fence_${randomBytes(6).toString('hex')}`;
  private fenceOut: { id: string; waiters: (() => void)[]; timer: NodeJS.Timeout } | null = null;
  private fenceNext: (() => void)[] = [];
  /** announcements received (for tests) */
  received = 0;
  /** fences sent (for tests and the benchmark) */
  fences = 0;

  constructor(private readonly opts: SharedCacheOptions) {
    super(opts.maxEntries);
    this.setOnline(false);
  }

  /** Connects and listens; resolves once listening (rejects if the first attempt fails). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.databaseUrl });
    client.on('notification', (msg) => {
      if (msg.channel === cacheChannel) this.receive(msg.payload);
      else if (msg.channel === this.fenceChannel) this.fenceBack(msg.payload ?? '');
    });
    const lost = (e?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.setOnline(false);
      this.releaseFences();
      if (e) this.opts.onError?.(e);
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => this.connect().catch(() => {}), 1000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen ${cacheChannel}`);
      await client.query(`listen ${this.fenceChannel}`);
    } catch (e) {
      lost(e as Error);
      throw e;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.setOnline(true);
  }

  private receive(payload: string | undefined) {
    const b = decodeBroadcast(payload);
    this.received++;
    this.invalidate(b ? b.t : undefined);
  }

  fence(): Promise<void> {
    if (!this.client || !this.enabled) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.fenceOut) this.fenceNext.push(resolve);
      else this.sendFence([resolve]);
    });
  }

  private sendFence(waiters: (() => void)[]) {
    const client = this.client;
    if (!client) {
      for (const w of waiters) w();
      return;
    }
    const id = randomBytes(6).toString('hex');
    const timer = setTimeout(() => {
      // a fence that does not come back: what was missed is unknown, so nothing cached is trusted
      this.invalidate();
      this.fenceBack(id);
    }, this.opts.fenceTimeoutMs ?? 2000);
    this.fenceOut = { id, waiters, timer };
    this.fences++;
    client.query('select pg_notify($1, $2)', [this.fenceChannel, id]).catch(() => {});
  }

  private fenceBack(id: string) {
    const out = this.fenceOut;
    if (!out || out.id !== id) return;
    clearTimeout(out.timer);
    this.fenceOut = null;
    for (const w of out.waiters) w();
    if (this.fenceNext.length > 0) {
      const next = this.fenceNext;
      this.fenceNext = [];
      this.sendFence(next);
    }
  }

  private releaseFences() {
    const out = this.fenceOut;
    this.fenceOut = null;
    if (out) clearTimeout(out.timer);
    for (const w of [...(out?.waiters ?? []), ...this.fenceNext]) w();
    this.fenceNext = [];
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    this.setOnline(false);
    this.releaseFences();
    if (c) await c.end().catch(() => {});
  }

  /** for tests: drops the listening connection as a network failure would */
  async dropConnectionForTest(): Promise<void> {
    const c = this.client;
    if (c) await c.end();
  }
}

/**
 * The process cache for a database: an LRU on the embedded database (one process, whose every write goes through
 * it), a `SharedCache` listening for the other processes' writes on PostgreSQL. `KECHUANG_CACHE=off` turns it off;
 * `KECHUANG_CACHE_ENTRIES` bounds it (default 5,000 entries).
 */
export async function createAppCache(database: Database, onError?: (e: Error) => void): Promise<AppCache> {
  if (process.env.KECHUANG_CACHE === 'off') return noCache;
  const maxEntries = Number(process.env.KECHUANG_CACHE_ENTRIES) || 5000;
  if (database.kind === 'pglite') return new MemoryCache(maxEntries);
  if (!database.databaseUrl) return noCache;
  const cache = new SharedCache({ databaseUrl: database.databaseUrl, maxEntries, ...(onError ? { onError } : {}) });
  await cache.start();
  return cache;
}
