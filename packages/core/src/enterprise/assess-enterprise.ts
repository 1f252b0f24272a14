import { assessHnte } from './assess-hnte.ts';
import { assessTechSme } from './assess-tech-sme.ts';
import type { TAssessmentInput, TAssessmentResult, TPackAssessment } from './contract-types.ts';
import type { RulePack } from './rule-packs/types.ts';
import { selectPacks } from './select-pack.ts';

export interface AssessOptions {
  /** 申报（评价）日期, ISO date: picks the packs in force and anchors every time window. */
  at: string;
  /** Candidate packs (default: the built-in ones); the one in force per programme is used. */
  packs?: readonly RulePack[];
}

const builtinSelections = new Map<string, readonly RulePack[]>();
/** `selectPacks` over the built-in packs, memoised per date and region (the built-in list and packs are constant). */
function builtinPacksInForce(at: string, regionCode: string | undefined): readonly RulePack[] {
  const key = regionCode === undefined ? at : `${at}|${regionCode}`;
  let packs = builtinSelections.get(key);
  if (packs === undefined) {
    packs = selectPacks(at, regionCode);
    if (builtinSelections.size < 10_000) builtinSelections.set(key, packs);
  }
  return packs;
}

export function assessWithPack(input: TAssessmentInput, pack: RulePack, at: string): TPackAssessment {
  return pack.program === 'hnte' ? assessHnte(input, pack, at) : assessTechSme(input, pack, at);
}

/**
 * Pre-assesses one enterprise against every programme with a rule pack in force on `at`. Pure: the
 * input must already be parsed with `ZAssessmentInput` (defaults applied); no IO, no clock.
 */
export function assessEnterprise(input: TAssessmentInput, options: AssessOptions): TAssessmentResult {
  const packs =
    options.packs === undefined
      ? builtinPacksInForce(options.at, input.regionCode)
      : selectPacks(options.at, input.regionCode, options.packs);
  return { at: options.at, assessments: packs.map((pack) => assessWithPack(input, pack, options.at)) };
}
