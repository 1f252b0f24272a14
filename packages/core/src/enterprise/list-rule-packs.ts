import { builtinRulePacks } from './rule-packs/index.ts';
import type { RulePack } from './rule-packs/types.ts';

export interface RulePackSummary {
  id: string;
  name: string;
  program: RulePack['program'];
  effectiveFrom: string;
  effectiveTo: string | null;
  regionCode: string | null;
  unverified: readonly string[];
}

/** The rule packs known to the engine, oldest first per programme (for the UI and the API). */
export function listRulePacks(packs: readonly RulePack[] = builtinRulePacks): RulePackSummary[] {
  return [...packs]
    .sort((a, b) => a.program.localeCompare(b.program) || a.effectiveFrom.localeCompare(b.effectiveFrom))
    .map((p) => ({
      id: p.id,
      name: p.name,
      program: p.program,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      regionCode: p.regionCode,
      unverified: p.unverified,
    }));
}

/** The packs with the given ids (for the API's `packs` option); unknown ids are ignored. */
export function findRulePacks(ids: readonly string[], packs: readonly RulePack[] = builtinRulePacks): RulePack[] {
  return packs.filter((p) => ids.includes(p.id));
}
