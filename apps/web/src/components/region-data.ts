/**
 * Region look-ups shared by every region control. Regions hardly ever change, so results are cached
 * for the session and every region seen is remembered by code, which lets a search result be shown
 * with its full path (湖南省 / 衡阳市 / 衡阳县) without asking the server for each ancestor.
 */
import type { TRegion } from '@kechuang/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

const known = new Map<string, TRegion>();
const staleTime = 30 * 60_000;

function remember(list: readonly TRegion[]): void {
  for (const region of list) known.set(region.code, region);
}

export function knownRegion(code: string): TRegion | undefined {
  return known.get(code);
}

/** The known chain from the province down to `region` (shorter if an ancestor is not known yet). */
export function knownPath(region: TRegion): TRegion[] {
  const path = [region];
  let parentCode = region.parentCode;
  while (parentCode && path.length < 4) {
    const parent = known.get(parentCode);
    if (!parent) break;
    path.unshift(parent);
    parentCode = parent.parentCode;
  }
  return path;
}

export function pathLabel(path: readonly TRegion[]): string {
  return path.map((r) => r.name).join(' / ');
}

/** Provinces when `parent` is null, else the direct children of `parent`. */
export function fetchRegionChildren(qc: QueryClient, parent: string | null, includeRetired = false): Promise<TRegion[]> {
  return qc.fetchQuery({
    queryKey: ['regions', 'children', parent ?? 'root', includeRetired],
    queryFn: async () => {
      const list = await api.get<TRegion[]>('/api/regions', { query: { parent, includeRetired } });
      remember(list);
      return list;
    },
    staleTime,
  });
}

/** The region and its ancestors, province first. */
export function fetchRegionPath(qc: QueryClient, code: string): Promise<TRegion[]> {
  return qc.fetchQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: async () => {
      const res = await api.get<{ region: TRegion; path: TRegion[] }>(`/api/regions/${encodeURIComponent(code)}`);
      const path = res.path.length > 0 ? res.path : [res.region];
      remember(path);
      return path;
    },
    staleTime,
  });
}

export interface RegionMatch {
  region: TRegion;
  path: TRegion[];
}

/**
 * Search by name or pinyin initials ("hys" → 衡阳市). The server answers with the matching regions
 * only; ancestors not seen before are fetched once per distinct unknown parent.
 */
export async function searchRegions(qc: QueryClient, q: string, includeRetired = false): Promise<RegionMatch[]> {
  const results = await qc.fetchQuery({
    queryKey: ['regions', 'search', q, includeRetired],
    queryFn: () => api.get<TRegion[]>('/api/regions', { query: { q, includeRetired } }),
    staleTime,
  });
  remember(results);
  const missing = new Set<string>();
  for (const region of results) {
    const top = knownPath(region)[0];
    if (top?.parentCode) missing.add(top.parentCode);
  }
  await Promise.all([...missing].map((code) => fetchRegionPath(qc, code).catch(() => [])));
  return results.map((region) => ({ region, path: knownPath(region) }));
}
