import type { TAssessmentInputRaw, TIpKind, TStaffMonth } from '@kechuang/contracts';
import type { Dayjs } from 'dayjs';
import { wanToFen } from './money.ts';

/*
 * The self-assessment form's values and their translation into a POST /api/enterprise/assess body.
 * Money fields hold 万元 text (InputNumber in string mode) and become integer 分 here, exactly.
 * A blank field stays absent, which the engine reads as "not known" (unknown), never as 0.
 */

export type Tri = 'yes' | 'no' | 'unknown';
export const yearCount = 3;

export const moneyFields = [
  'salesFen',
  'totalIncomeFen',
  'nonTaxableIncomeFen',
  'hitechIncomeFen',
  'costExpenseFen',
  'totalAssetsFen',
  'netAssetsFen',
] as const;
export type MoneyField = (typeof moneyFields)[number];

export const rdFields = [
  'personnelFen',
  'directInputFen',
  'depreciationFen',
  'amortisationFen',
  'designFen',
  'trialFen',
  'outsourcedDomesticFen',
  'outsourcedForeignFen',
  'otherFen',
  'abroadFen',
] as const;
export type RdField = (typeof rdFields)[number];

export interface YearValues extends Partial<Record<MoneyField, string | null>> {
  employeesAvg?: string | null;
  techStaffAvg?: string | null;
  /** 逐月 head counts; when present the engine computes the averages from them (the two fields above are not sent) */
  staffMonths?: TStaffMonth[] | null;
  conversions?: number | null;
  rd?: Partial<Record<RdField, string | null>>;
}

export type IpAcquisition = 'own' | 'transfer' | 'gift' | 'merger';
export interface IpValues {
  kind?: TIpKind;
  title?: string;
  grantDate?: Dayjs | null;
  acquisition?: IpAcquisition;
  domestic?: boolean;
  owned?: boolean;
  core?: Tri;
  usedInPriorHnte?: boolean;
}

export type IncidentKind = 'safety' | 'quality' | 'environment' | 'fraud' | 'research_misconduct';
export type StandardLevel = 'international' | 'national' | 'industry' | 'local' | 'group';
export type Band = 'A' | 'B' | 'C' | 'D' | 'E';
export type Domain = NonNullable<TAssessmentInputRaw['mainProductDomain']>;
export const managementItems = ['system', 'institute', 'conversionIncentives', 'talent'] as const;
export type ManagementItem = (typeof managementItems)[number];
export const managementCaps: Record<ManagementItem, number> = { system: 6, institute: 6, conversionIncentives: 4, talent: 4 };

export interface AssessFormValues {
  at?: Dayjs | null;
  name?: string;
  regionCode?: string;
  industryCode?: string;
  registrationDate?: Dayjs | null;
  mainProductDomain?: Domain;
  residentEnterprise?: Tri;
  auditBasedTax?: Tri;
  industryRestricted?: Tri;
  industryExcludedFromSuperDeduction?: Tri;
  years?: YearValues[];
  ipItems?: IpValues[];
  noIncidents?: boolean;
  incidents?: { date?: Dayjs | null; kind?: IncidentKind }[];
  creditClean?: boolean;
  techAdvancement?: Band;
  coreSupport?: Band;
  standardsParticipated?: Tri;
  rdManagement?: Partial<Record<ManagementItem, number | null>>;
  rdOption?: 'sales' | 'cost';
  hnteCertificate?: 'unknown' | 'none' | 'has';
  hnteIssueDate?: Dayjs | null;
  hnteNumber?: string;
  provincialRdInstitution?: Tri;
  nationalAwards?: { date?: Dayjs | null; rank?: number | null }[];
  standardsLed?: { date?: Dayjs | null; level?: StandardLevel }[];
}

export interface AssessBody {
  input: TAssessmentInputRaw;
  at?: string;
}

/** The three fiscal years before the assessment year, oldest first (工作指引: 申报前连续3个会计年度). */
export function windowYears(at: Dayjs | null | undefined, today: Dayjs): number[] {
  const year = (at ?? today).year();
  return Array.from({ length: yearCount }, (_, i) => year - yearCount + i);
}

const day = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
const tri = (v: Tri | undefined): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const text = (v: string | null | undefined): string | undefined =>
  v === null || v === undefined || v.trim() === '' ? undefined : v.trim();

/** Drops undefined members so that "absent" really is absent in the JSON. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

type RawYear = NonNullable<TAssessmentInputRaw['years']>[number];

function toYear(year: number, v: YearValues | undefined): RawYear | undefined {
  if (!v) return undefined;
  const out: RawYear = { year };
  const employees = text(v.employeesAvg);
  const staff = text(v.techStaffAvg);
  if (v.staffMonths && v.staffMonths.length > 0) out.staffMonths = v.staffMonths;
  else {
    if (employees !== undefined) out.employeesAvg = employees;
    if (staff !== undefined) out.techStaffAvg = staff;
  }
  for (const f of moneyFields) {
    const fen = wanToFen(v[f]);
    if (fen !== undefined) out[f] = fen;
  }
  const rd: Partial<Record<RdField, number>> = {};
  for (const f of rdFields) {
    const fen = wanToFen(v.rd?.[f]);
    if (fen !== undefined) rd[f] = fen;
  }
  if (Object.keys(rd).length > 0) out.rdExpense = rd;
  if (typeof v.conversions === 'number') out.conversions = v.conversions;
  return Object.keys(out).length > 1 ? out : undefined;
}

function toIp(v: IpValues): NonNullable<TAssessmentInputRaw['ipItems']>[number] | undefined {
  if (!v.kind) return undefined;
  return compact({
    kind: v.kind,
    title: text(v.title),
    grantDate: day(v.grantDate),
    acquisition: v.acquisition,
    domestic: v.domestic,
    owned: v.owned,
    coreToMainProduct: tri(v.core),
    relatedToMainProduct: v.core === 'yes' ? true : undefined,
    usedInPriorHnte: v.usedInPriorHnte,
  });
}

function toManagement(m: AssessFormValues['rdManagement']): TAssessmentInputRaw['rdManagement'] {
  if (!m) return undefined;
  const out = compact(Object.fromEntries(managementItems.map((k) => [k, typeof m[k] === 'number' ? m[k] : undefined])));
  return Object.keys(out).length > 0 ? out : undefined;
}

function toCertificate(v: AssessFormValues): TAssessmentInputRaw['hnteCertificate'] {
  if (v.hnteCertificate === 'none') return null;
  const issueDate = day(v.hnteIssueDate);
  if (v.hnteCertificate !== 'has' || issueDate === undefined) return undefined;
  return compact({ issueDate, number: text(v.hnteNumber) });
}

export function toAssessBody(v: AssessFormValues, today: Dayjs): AssessBody {
  const years = windowYears(v.at, today)
    .map((y, i) => toYear(y, v.years?.[i]))
    .filter((y): y is RawYear => y !== undefined);
  const listed = (v.incidents ?? []).filter((i) => i.date && i.kind);
  const incidents = listed.length > 0 ? listed.map((i) => compact({ date: day(i.date) ?? '', kind: i.kind ?? 'safety' })) : undefined;
  const awards = (v.nationalAwards ?? []).filter((a) => a.date && typeof a.rank === 'number');
  const standards = (v.standardsLed ?? []).filter((s) => s.date && s.level);
  const ipItems = (v.ipItems ?? []).map(toIp).filter((i) => i !== undefined);
  const input: TAssessmentInputRaw = compact({
    name: text(v.name),
    regionCode: v.regionCode,
    industryCode: text(v.industryCode)?.toUpperCase(),
    registrationDate: day(v.registrationDate),
    residentEnterprise: tri(v.residentEnterprise),
    auditBasedTax: tri(v.auditBasedTax),
    industryRestricted: tri(v.industryRestricted),
    industryExcludedFromSuperDeduction: tri(v.industryExcludedFromSuperDeduction),
    mainProductDomain: v.mainProductDomain,
    years,
    ipItems: ipItems.length > 0 ? ipItems : undefined,
    incidents: incidents ?? (v.noIncidents ? [] : undefined),
    creditListings: v.creditClean ? [] : undefined,
    techAdvancement: v.techAdvancement,
    coreSupport: v.coreSupport,
    standardsParticipated: tri(v.standardsParticipated),
    rdManagement: toManagement(v.rdManagement),
    hnteCertificate: toCertificate(v),
    nationalAwards: awards.length > 0 ? awards.map((a) => ({ date: day(a.date) ?? '', rank: a.rank ?? 1 })) : undefined,
    provincialRdInstitution: tri(v.provincialRdInstitution),
    standardsLed: standards.length > 0 ? standards.map((s) => ({ date: day(s.date) ?? '', level: s.level ?? 'national' })) : undefined,
    rdOption: v.rdOption,
  });
  return compact({ input, at: day(v.at) });
}
