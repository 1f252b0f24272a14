/**
 * npx tsx bench/enterprise.ts — eligibility pre-assessment throughput: generates 100,000 enterprises
 * with a seeded PRNG, parses them with the contract, assesses each against the packs in force and prints
 * assessments per second (goal ≥ 10,000/s). Prints figures, never fails on them.
 * BENCH_ENTERPRISES and BENCH_SEED override the defaults.
 */
import { type TAssessmentInput, type TAssessmentInputRaw, ZAssessmentInput } from '../packages/contracts/src/enterprise.ts';
import { assessEnterprise } from '../packages/core/src/enterprise/index.ts';

const count = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const seed = Number(process.env.BENCH_SEED ?? 20_260_601);
const at = '2026-06-01';

function seededRandom(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(seed);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const maybe = <T>(value: T, pUnknown = 0.05): T | undefined => (random() < pUnknown ? undefined : value);
const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
const date = (fromYear: number, toYear: number) =>
  `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const wan = (w: number) => Math.round(w * 1_000_000);

function generateYear(year: number, scaleWan: number): NonNullable<TAssessmentInputRaw['years']>[number] {
  const employees = int(5, 800);
  const sales = wan(scaleWan * (0.6 + random() * 0.8));
  const rdRate = random() * 0.09;
  return {
    year,
    employeesAvg: maybe(`${employees}.${int(0, 9)}`),
    techStaffAvg: maybe(`${Math.floor(employees * random() * 0.5)}.${int(0, 99)}`),
    salesFen: maybe(sales),
    totalIncomeFen: maybe(Math.round(sales * 1.05)),
    nonTaxableIncomeFen: maybe(int(0, 3) === 0 ? wan(int(1, 200)) : 0),
    hitechIncomeFen: maybe(Math.round(sales * random())),
    costExpenseFen: maybe(Math.round(sales * (0.5 + random() * 0.4))),
    totalAssetsFen: maybe(Math.round(sales * (0.5 + random() * 2))),
    netAssetsFen: maybe(Math.round(sales * (random() - 0.1))),
    conversions: maybe(int(0, 7)),
    rdExpense: maybe({
      personnelFen: Math.round(sales * rdRate * 0.6),
      directInputFen: Math.round(sales * rdRate * 0.2),
      depreciationFen: Math.round(sales * rdRate * 0.05),
      outsourcedDomesticFen: Math.round(sales * rdRate * 0.05),
      outsourcedForeignFen: int(0, 9) === 0 ? Math.round(sales * rdRate * 0.3) : 0,
      otherFen: Math.round(sales * rdRate * random() * 0.3),
    }),
  };
}

function generateEnterprise(): TAssessmentInputRaw {
  const scaleWan = pick([300, 1500, 4000, 5000, 8000, 15000, 20000, 40000]);
  const ipKinds = ['invention_patent', 'utility_model', 'design_patent', 'software_copyright', 'trademark'] as const;
  return {
    registrationDate: maybe(date(2005, 2026)),
    regionCode: pick(['330102', '330106', '420102', '110101']),
    industryCode: maybe(pick(['C39', 'C35', 'I65', 'M73', 'F51', 'K70'])),
    residentEnterprise: maybe(random() < 0.98),
    auditBasedTax: maybe(random() < 0.95),
    industryRestricted: maybe(random() < 0.02),
    mainProductDomain: maybe(pick(['electronic_information', 'advanced_manufacturing', 'new_materials', 'outside'] as const)),
    years: [2022, 2023, 2024, 2025].map((y) => generateYear(y, scaleWan)),
    ipItems: maybe(
      Array.from({ length: int(0, 12) }, () => ({
        kind: pick(ipKinds),
        grantDate: maybe(date(2010, 2026), 0.1),
        expiryDate: maybe(date(2024, 2045)),
        domestic: maybe(random() < 0.97),
        owned: maybe(random() < 0.95),
        acquisition: maybe(pick(['own', 'own', 'own', 'transfer'] as const)),
        usedInPriorHnte: maybe(random() < 0.3),
        coreToMainProduct: maybe(random() < 0.7, 0.3),
        relatedToMainProduct: maybe(random() < 0.9, 0.2),
      })),
    ),
    incidents: maybe(int(0, 50) === 0 ? [{ date: date(2024, 2026), kind: 'safety' as const }] : []),
    creditListings: maybe(int(0, 50) === 0 ? [{ list: 'abnormal_operations' as const, from: date(2023, 2026) }] : []),
    techAdvancement: maybe(pick(['A', 'B', 'C', 'D'] as const), 0.3),
    coreSupport: maybe(pick(['A', 'B', 'C'] as const), 0.3),
    standardsParticipated: maybe(random() < 0.2),
    rdManagement: maybe({
      system: random() < 0.8,
      institute: random() < 0.6,
      conversionIncentives: random() < 0.5,
      talent: random() < 0.6,
    }),
    hnteCertificate: maybe(random() < 0.3 ? { issueDate: date(2021, 2026) } : null),
    nationalAwards: maybe([]),
    provincialRdInstitution: maybe(random() < 0.1),
    standardsLed: maybe([]),
  };
}

const raw = Array.from({ length: count }, generateEnterprise);

let t0 = performance.now();
const inputs: TAssessmentInput[] = raw.map((r) => ZAssessmentInput.parse(r));
const parseMs = performance.now() - t0;

// Warm-up on a slice, then the measured pass over every enterprise.
for (const input of inputs.slice(0, Math.min(2_000, count))) assessEnterprise(input, { at });
const outcomes = new Map<string, number>();
let packEvaluations = 0;
const cpu0 = process.cpuUsage();
t0 = performance.now();
for (const input of inputs) {
  for (const a of assessEnterprise(input, { at }).assessments) {
    packEvaluations++;
    const key = `${a.packId}:${a.outcome}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
}
const assessMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
console.log(`enterprises: ${count.toLocaleString('en-US')} (seed ${seed}, at ${at}, node ${process.version})`);
console.log(`contract parse: ${parseMs.toFixed(0)} ms, ${rate(count, parseMs)} inputs/s`);
console.log(`assessment (all packs in force): ${assessMs.toFixed(0)} ms wall, ${rate(count, assessMs)} enterprise assessments/s`);
console.log(
  `  = ${rate(packEvaluations, assessMs)} rule-pack evaluations/s (${packEvaluations.toLocaleString('en-US')}: HNTE and 科技型中小企业 each)`,
);
console.log(`  process CPU time ${cpuMs.toFixed(0)} ms: ${rate(count, cpuMs)} enterprise assessments per CPU-second`);
for (const [key, n] of [...outcomes.entries()].sort()) console.log(`  ${key}: ${n.toLocaleString('en-US')}`);
