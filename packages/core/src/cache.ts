/**
 * Read cache for sessions and hot lists. It is only switched on for the embedded database, whose
 * directory lock guarantees this process is the only writer: every committed mutation goes through
 * `withAudit`, which clears the cache, so nothing stale can be served. On PostgreSQL several server
 * processes share the data, so no cache is kept in process memory there.
 */
export interface AppCache {
  readonly enabled: boolean;
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /** called after every committed mutation */
  invalidate(): void;
}

export class MemoryCache implements AppCache {
  readonly enabled = true;
  private map = new Map<string, unknown>();
  constructor(private readonly maxEntries = 5000) {}
  get<T>(key: string): T | undefined {
    return this.map.get(key) as T | undefined;
  }
  set(key: string, value: unknown) {
    if (this.map.size >= this.maxEntries) this.map.clear();
    this.map.set(key, value);
  }
  invalidate() {
    this.map.clear();
  }
}

export const noCache: AppCache = {
  enabled: false,
  get: () => undefined,
  set: () => {},
  invalidate: () => {},
};
