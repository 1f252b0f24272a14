/**
 * Read cache for sessions and hot lists, in process memory, bounded by least-recent use.
 *
 * Every entry says what it was read from, as tags:
 * - `table` — any committed write to that table drops the entry (a list, a count);
 * - `table.column` — only an update that sets that column, or a delete from the table, drops it (a row looked up
 *   by key, such as a session: new rows elsewhere in the table do not change it);
 * - no tags — any committed write at all drops it (callers that never said what they read stay correct).
 *
 * `withAudit` records which tables and columns a mutation wrote (cache-tracker.ts) and invalidates exactly those
 * tags after the commit. On PostgreSQL the same tags are broadcast with NOTIFY inside the transaction, so every
 * server process drops them when the write commits (cache-bus.ts); a process whose listening connection is down
 * serves nothing from its cache until it is back and has cleared it.
 */
export interface AppCache {
  readonly enabled: boolean;
  get<T>(key: string): T | undefined;
  /** `tags`: what the value was read from (see above); without tags any write drops it */
  set(key: string, value: unknown, tags?: readonly string[]): void;
  /** drops the entries that depend on the written `tags`; without tags, everything */
  invalidate(tags?: readonly string[]): void;
  /**
   * Resolves once every invalidation committed before the call has been applied here (other processes' writes,
   * on PostgreSQL). Called once per request before anything is read from the cache.
   */
  fence?(): Promise<void>;
}

/** tag of an entry whose caller gave no tags: dropped by every write */
const anyWrite = '*any';
/** emitted tag meaning "something unknown was written": drops everything */
export const everything = '*';

interface Entry {
  value: unknown;
  /** the index keys the entry is listed under */
  index: string[];
}

/** What an entry with `tags` is listed under: `t.c` also under `t.*`, so a delete from `t` finds it. */
function indexKeysOf(tags: readonly string[] | undefined): string[] {
  if (!tags || tags.length === 0) return [anyWrite];
  const out = new Set<string>();
  for (const t of tags) {
    out.add(t);
    const dot = t.indexOf('.');
    if (dot > 0) out.add(`${t.slice(0, dot)}.*`);
  }
  return [...out];
}

export class LruCache implements AppCache {
  private entries = new Map<string, Entry>();
  private byTag = new Map<string, Set<string>>();
  /** invalidation counter, and the count at which each tag was last invalidated (a late `set` of a value read before
   * an invalidation it raced with is refused) */
  private seq = 0;
  private tagSeq = new Map<string, number>();
  private clearedAt = 0;
  private missAt = new Map<string, number>();
  private online = true;
  /** entries dropped because the cache was full (for tests and metrics) */
  evictions = 0;

  constructor(private readonly maxEntries = 5000) {}

  get enabled(): boolean {
    return this.online;
  }

  get size(): number {
    return this.entries.size;
  }

  get<T>(key: string): T | undefined {
    if (!this.online) return undefined;
    const e = this.entries.get(key);
    if (!e) {
      // a forgotten miss counts as one at the start: its value is refused if anything was invalidated since
      if (this.missAt.size >= this.maxEntries * 2) this.missAt.clear();
      this.missAt.set(key, this.seq);
      return undefined;
    }
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value as T;
  }

  set(key: string, value: unknown, tags?: readonly string[]): void {
    if (!this.online) return;
    this.remove(key);
    if (value === undefined) return;
    const index = indexKeysOf(tags);
    const since = this.missAt.get(key) ?? 0;
    if (this.invalidatedSince(index, since)) return;
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.remove(oldest);
      this.evictions++;
    }
    this.entries.set(key, { value, index });
    for (const t of index) {
      const keys = this.byTag.get(t);
      if (keys) keys.add(key);
      else this.byTag.set(t, new Set([key]));
    }
  }

  invalidate(tags?: readonly string[]): void {
    this.seq++;
    if (!tags || tags.includes(everything)) {
      this.clearAll();
      return;
    }
    if (this.tagSeq.size > 10_000) {
      this.tagSeq.clear();
      this.clearedAt = this.seq;
    }
    for (const t of [...tags, anyWrite]) {
      this.tagSeq.set(t, this.seq);
      const keys = this.byTag.get(t);
      if (!keys) continue;
      for (const k of [...keys]) this.remove(k);
    }
  }

  /** Stops serving (the broadcast connection is down) or resumes with an empty cache. */
  setOnline(online: boolean): void {
    this.clearAll();
    this.online = online;
  }

  private clearAll() {
    this.seq++;
    this.entries.clear();
    this.byTag.clear();
    this.tagSeq.clear();
    this.clearedAt = this.seq;
  }

  private invalidatedSince(index: string[], since: number): boolean {
    if (this.clearedAt > since) return true;
    for (const t of index) if ((this.tagSeq.get(t) ?? 0) > since) return true;
    return false;
  }

  private remove(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    for (const t of e.index) {
      const keys = this.byTag.get(t);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(t);
    }
  }
}

/** The former name; the cache is an LRU now. */
export const MemoryCache = LruCache;
export type MemoryCache = LruCache;

export const noCache: AppCache = {
  enabled: false,
  get: () => undefined,
  set: () => {},
  invalidate: () => {},
};
