/** Memoisation of texts and dates that depend only on a rule pack (immutable data) and the assessment date. */

/** `make(pack)` computed once per pack. */
export function perPack<P extends object, T>(make: (pack: P) => T): (pack: P) => T {
  const cache = new WeakMap<P, T>();
  return (pack) => {
    let value = cache.get(pack);
    if (value === undefined) {
      value = make(pack);
      cache.set(pack, value);
    }
    return value;
  };
}

/** `make(pack, at)` remembered for the last date seen per pack (a batch shares one date). */
export function perPackAt<P extends object, T>(make: (pack: P, at: string) => T): (pack: P, at: string) => T {
  const cache = new WeakMap<P, { at: string; value: T }>();
  return (pack, at) => {
    const hit = cache.get(pack);
    if (hit !== undefined && hit.at === at) return hit.value;
    const value = make(pack, at);
    cache.set(pack, { at, value });
    return value;
  };
}
