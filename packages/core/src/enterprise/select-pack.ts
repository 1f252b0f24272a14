import { builtinRulePacks } from './rule-packs/index.ts';
import type { RulePack } from './rule-packs/types.ts';

/** Whether a pack is in force on `at` (both ends inclusive) for the region. */
export function isPackInForce(pack: RulePack, at: string, regionCode?: string): boolean {
  if (pack.effectiveFrom > at) return false;
  if (pack.effectiveTo !== null && pack.effectiveTo < at) return false;
  if (pack.regionCode === null) return true;
  return regionCode?.startsWith(pack.regionCode) === true;
}

/**
 * The pack of each programme in force on `at`: a regional pack (实施细则) before a national one, the most
 * specific region first, then the latest effective date.
 */
export function selectPacks(at: string, regionCode?: string, candidates: readonly RulePack[] = builtinRulePacks): RulePack[] {
  const chosen = new Map<RulePack['program'], RulePack>();
  for (const pack of candidates) {
    if (!isPackInForce(pack, at, regionCode)) continue;
    const current = chosen.get(pack.program);
    if (current === undefined || preferred(pack, current)) chosen.set(pack.program, pack);
  }
  return [...chosen.values()].sort((a, b) => a.program.localeCompare(b.program));
}

function preferred(a: RulePack, b: RulePack): boolean {
  const la = a.regionCode?.length ?? 0;
  const lb = b.regionCode?.length ?? 0;
  if (la !== lb) return la > lb;
  return a.effectiveFrom > b.effectiveFrom;
}
