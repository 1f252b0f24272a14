import type { TEnterpriseDetail, TEnterpriseYear } from '@kechuang/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { type AssessFormValues, moneyFields, rdFields, type YearValues } from './assess-model.ts';
import { fenToWan } from './money.ts';

function yearValues(y: TEnterpriseYear | undefined): YearValues {
  if (!y) return {};
  const v: YearValues = {
    employeesAvg: y.employeesAvg ?? null,
    techStaffAvg: y.techStaffAvg ?? null,
    staffMonths: y.staffMonths ?? null,
    conversions: y.conversions ?? null,
  };
  for (const f of moneyFields) v[f] = y[f] === undefined ? null : fenToWan(y[f]);
  if (y.rdExpense) v.rd = Object.fromEntries(rdFields.map((f) => [f, fenToWan(y.rdExpense?.[f] ?? 0)]));
  return v;
}

/** The form fields a registered enterprise can fill in from its record, for the given fiscal years. */
export function prefillFromRecord(e: TEnterpriseDetail, years: number[]): Partial<AssessFormValues> {
  const registrationDate: Dayjs | null = e.registeredOn ? dayjs(e.registeredOn) : null;
  return {
    name: e.name,
    regionCode: e.regionCode,
    ...(e.industryCode ? { industryCode: e.industryCode } : {}),
    registrationDate,
    years: years.map((y) => yearValues(e.years.find((x) => x.year === y))),
  };
}
