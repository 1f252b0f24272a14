import { hnte2016 } from './hnte-2016.ts';
import { techSme2017 } from './tech-sme-2017.ts';
import { techSme2022 } from './tech-sme-2022.ts';
import type { RulePack } from './types.ts';

/** Every rule pack shipped with Kechuang; local packs (实施细则) are added here or passed in by callers. */
export const builtinRulePacks: readonly RulePack[] = [hnte2016, techSme2017, techSme2022];

export type { Band, HntePack, IpClass, RdRatioTier, RulePack, TechSmePack } from './types.ts';
export { hnte2016, techSme2017, techSme2022 };
