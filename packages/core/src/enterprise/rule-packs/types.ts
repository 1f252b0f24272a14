import type { TIpKind } from '../contract-types.ts';

/**
 * Rule packs are data: every threshold, band and clause reference of a programme for one period
 * (policy version + effective dates + region). Decimal values are strings, parsed with decimal.js.
 */

/** A score band: reached when the value is ≥ `min` (inclusive) or > `min` (exclusive); `min` null = floor. */
export interface Band {
  label: string;
  min: string | null;
  inclusive: boolean;
  points: readonly [number, number];
}

/** A tier of the HNTE R&D-ratio rule, chosen by last-year sales: applies while sales ≤ (or <) `salesMaxFen`. */
export interface RdRatioTier {
  salesMaxFen: number | null;
  inclusiveMax: boolean;
  ratio: string;
  label: string;
}

export type IpClass = 'I' | 'II';

interface PackBase {
  id: string;
  name: string;
  /** First day in force (inclusive). */
  effectiveFrom: string;
  /** Last day in force (inclusive); null = open-ended. */
  effectiveTo: string | null;
  /** null = national; otherwise a 2/4/6-digit 行政区划 prefix the pack applies to. */
  regionCode: string | null;
  /** zh-CN notes on parameters that are interpretations or unverified. */
  unverified: readonly string[];
  ipClassOf: Readonly<Record<TIpKind, IpClass | null>>;
}

export interface HntePack extends PackBase {
  program: 'hnte';
  clauses: Readonly<Record<'definition' | 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7' | 'c8' | 'ip' | 'score' | 'years', string>>;
  minDaysRegistered: number;
  techStaffRatio: string;
  rdRatioTiers: readonly RdRatioTier[];
  domesticRdShare: string;
  hitechIncomeShare: string;
  /** 企业创新能力评价: pass when the score is above (inclusive=false) `passScore`. */
  passScore: number;
  passInclusive: boolean;
  incidentWindowDays: number;
  outsourcedRate: string;
  otherExpenseCap: { rate: string; base: 'total_after_cap' | 'total_before_cap' };
  window: { years: number };
  score: {
    judgementBands: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E', readonly [number, number]>>;
    judgementCap: number;
    ipClassIPoints: readonly [number, number];
    ipClassIIBands: readonly Band[];
    acquisitionOwn: readonly [number, number];
    acquisitionTransferOnly: readonly [number, number];
    standardsBonus: readonly [number, number];
    ipCap: number;
    conversionBands: readonly Band[];
    conversionCap: number;
    management: Readonly<Record<'system' | 'institute' | 'conversionIncentives' | 'talent', number>>;
    growthBands: readonly Band[];
    growthCap: number;
    negativeNetAssetsAsZero: boolean;
  };
}

export interface TechSmePack extends PackBase {
  program: 'techSme';
  clauses: Readonly<Record<'b1' | 'b2' | 'b3' | 'b4' | 'b5' | 'score' | 'staff' | 'rd' | 'ip' | 'direct', string>>;
  outsourcedRate: string;
  otherExpenseCap: { rate: string; base: 'total_after_cap' | 'total_before_cap' } | null;
  requireAuditBasedTax: boolean;
  checkSuperDeductionList: boolean;
  /** GB/T 4754 codes (门类 letter or 门类+大类 prefix) outside 研发费用加计扣除. */
  excludedIndustryCodes: readonly string[];
  maxEmployees: string;
  maxSalesFen: number;
  maxAssetsFen: number;
  /** 'at_date' = listed on the assessment date; 'previous_and_current_year' = any time since 1 Jan of Y−1. */
  listingWindow: 'at_date' | 'previous_and_current_year';
  passScore: number;
  staffScoreMustBeNonZero: boolean;
  staffBands: readonly Band[];
  rdSalesBands: readonly Band[];
  rdCostBands: readonly Band[];
  ipClassIPoints: number;
  ipClassIIBands: readonly Band[];
  direct: {
    hnteValidityYears: number;
    awardYears: number;
    awardMaxRank: number;
    standardYears: number;
    standardLevels: readonly string[];
    standardMaxRank: number | null;
  };
}

export type RulePack = HntePack | TechSmePack;
