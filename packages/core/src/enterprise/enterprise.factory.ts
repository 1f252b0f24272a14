// Test data for the pre-assessment engine (not part of the public face).
import { type TAssessmentInputRaw, ZAssessmentInput } from '../../../contracts/src/enterprise.ts';
import type { TAssessmentInput, TPackAssessment } from './contract-types.ts';

type RawYear = NonNullable<TAssessmentInputRaw['years']>[number];

/** 万元 → 分. */
export function wan(value: number): number {
  return Math.round(value * 1_000_000);
}

/** One year that meets every HNTE and 科技型中小企业 threshold comfortably (sales 6000万元, R&D 6%). */
export function goodYear(year: number, overrides: Partial<RawYear> = {}): RawYear {
  return {
    year,
    employeesAvg: '100',
    techStaffAvg: '35',
    salesFen: wan(6000),
    totalIncomeFen: wan(6200),
    nonTaxableIncomeFen: wan(200),
    hitechIncomeFen: wan(4800),
    costExpenseFen: wan(5000),
    totalAssetsFen: wan(15000),
    netAssetsFen: wan(5000),
    rdExpense: { personnelFen: wan(360) },
    conversions: 5,
    ...overrides,
  };
}

/** An enterprise that meets everything on 2026-06-01 (the default `at` of the tests). */
export function goodInput(overrides: Partial<TAssessmentInputRaw> = {}): TAssessmentInputRaw {
  return {
    registrationDate: '2018-03-15',
    residentEnterprise: true,
    auditBasedTax: true,
    industryRestricted: false,
    industryCode: 'C39',
    mainProductDomain: 'electronic_information',
    years: [
      goodYear(2023, { netAssetsFen: wan(3000), salesFen: wan(4000) }),
      goodYear(2024, { netAssetsFen: wan(4000), salesFen: wan(5000) }),
      goodYear(2025, { netAssetsFen: wan(5500), salesFen: wan(6800) }),
    ],
    ipItems: [
      {
        kind: 'invention_patent',
        grantDate: '2022-04-01',
        expiryDate: '2041-01-01',
        domestic: true,
        owned: true,
        acquisition: 'own',
        coreToMainProduct: true,
      },
    ],
    incidents: [],
    creditListings: [],
    techAdvancement: 'A',
    coreSupport: 'A',
    standardsParticipated: true,
    rdManagement: { system: 6, institute: 5, conversionIncentives: 4, talent: 4 },
    ...overrides,
  };
}

export function parseInput(raw: TAssessmentInputRaw): TAssessmentInput {
  return ZAssessmentInput.parse(raw);
}

/** Replaces one year's fields of a raw input. */
export function withYear(raw: TAssessmentInputRaw, year: number, fields: Partial<RawYear>): TAssessmentInputRaw {
  return { ...raw, years: (raw.years ?? []).map((y) => (y.year === year ? { ...y, ...fields } : y)) };
}

export function conditionOf(assessment: TPackAssessment, id: string) {
  const found = [...assessment.conditions, ...(assessment.directRoutes ?? [])].find((c) => c.id === id);
  if (found === undefined) throw new Error(`no condition ${id}`);
  return found;
}

export function scoreItemOf(assessment: TPackAssessment, id: string) {
  const found = assessment.score?.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no score item ${id}`);
  return found;
}

/** A small seeded PRNG (mulberry32) so that property tests and the benchmark are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
