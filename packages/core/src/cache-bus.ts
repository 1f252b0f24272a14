import { randomBytes } from 'node:crypto';
import { everything } from './cache.ts';

/**
 * The PostgreSQL channel on which committed writes announce the cache tags they wrote, for the other server
 * processes (their listener is apps/server/src/cache-shared.ts).
 */
export const cacheChannel = 'kechuang_cache';
/** NOTIFY payloads are limited to 8000 bytes; a longer list of tags is sent as "everything". */
const maxPayload = 7000;

/** This process, in broadcast payloads. */
const processOrigin = randomBytes(6).toString('hex');

export interface Broadcast {
  /** origin process */
  o: string;
  /** the write's id */
  n: string;
  /** tags written */
  t: string[];
}

export function newBroadcast(tags: string[]): Broadcast {
  return { o: processOrigin, n: randomBytes(6).toString('hex'), t: tags };
}

export function encodeBroadcast(b: Broadcast): string {
  const s = JSON.stringify(b);
  return s.length <= maxPayload ? s : JSON.stringify({ ...b, t: [everything] });
}
