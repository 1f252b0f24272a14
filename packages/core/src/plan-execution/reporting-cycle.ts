/**
 * Reporting cycles: which periods a task reports on and when each report is due.
 * Pure date arithmetic on ISO dates (YYYY-MM-DD), in calendar days, no time zones.
 */
export type Cycle = 'none' | 'monthly' | 'quarterly' | 'custom';

export interface CycleSpec {
  cycle: Cycle;
  /** day of the month after the period ends on which the report is due (1–28) */
  dueDay: number;
  /** custom cycle: the due dates themselves */
  customDueDates: string[];
  /** first and last day the task runs; default: the plan year */
  startDate: string | null;
  dueDate: string | null;
}

/** One report a unit owes for a task. */
export interface ReportingSlot {
  /** '2026-03', '2026Q1', or for custom cycles the due date itself */
  period: string;
  /** last day of the period reported on */
  periodEnd: string;
  /** the day the report is due */
  dueDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Last day of month m (1–12) of year y. */
export function monthEnd(y: number, m: number): string {
  return isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

// Status and inbox computations ask the same few dozen dates again and again (2,000 tasks × 24 slots):
// the conversions are memoised, in maps cleared when they grow large.
const epochDays = new Map<string, number>();
const shifted = new Map<string, string>();

/** Days since 1970-01-01 of an ISO date (NaN when it is not one). */
function epochDay(date: string): number {
  let d = epochDays.get(date);
  if (d === undefined) {
    d = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    if (epochDays.size >= 10_000) epochDays.clear();
    epochDays.set(date, d);
  }
  return d;
}

/** Whole days from a to b (b − a), both ISO dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round(epochDay(b) - epochDay(a));
}

export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let out = shifted.get(key);
  if (out === undefined) {
    out = new Date((epochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
    if (shifted.size >= 10_000) shifted.clear();
    shifted.set(key, out);
  }
  return out;
}

function dueAfter(y: number, m: number, dueDay: number): string {
  // the report on month m is due on `dueDay` of the following month
  return m === 12 ? isoDate(y + 1, 1, dueDay) : isoDate(y, m + 1, dueDay);
}

/**
 * The reporting slots of a task over the plan year (or the task's own start–due span), in order.
 * A period is owed when it ends on or after the task starts and starts on or before the task is due.
 */
export function reportingSlots(spec: CycleSpec, planYear: number): ReportingSlot[] {
  const start = spec.startDate ?? isoDate(planYear, 1, 1);
  const end = spec.dueDate ?? isoDate(planYear, 12, 31);
  if (end < start) return [];
  const slots: ReportingSlot[] = [];
  if (spec.cycle === 'custom') {
    for (const d of [...new Set(spec.customDueDates)].sort()) slots.push({ period: d, periodEnd: d, dueDate: d });
    return slots;
  }
  if (spec.cycle === 'none') return slots;
  const step = spec.cycle === 'monthly' ? 1 : 3;
  const [sy, sm] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  let y = sy;
  // quarterly periods start in months 1, 4, 7, 10
  let m = step === 3 ? sm - ((sm - 1) % 3) : sm;
  for (let guard = 0; guard < 1200; guard++) {
    const periodStart = isoDate(y, m, 1);
    if (periodStart > end) break;
    const lastMonth = m + step - 1;
    const periodEnd = monthEnd(y, lastMonth);
    const period = step === 1 ? `${y}-${pad(m)}` : `${y}Q${(m + 2) / 3}`;
    slots.push({ period, periodEnd, dueDate: dueAfter(y, lastMonth, spec.dueDay) });
    m += step;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return slots;
}

/** The slots whose due date is on or before `asOf`. */
export function slotsDueBy(slots: ReportingSlot[], asOf: string): ReportingSlot[] {
  return slots.filter((s) => s.dueDate <= asOf);
}

/** The first slot not yet due on `asOf` (the one the unit is working towards), if any. */
export function nextSlot(slots: ReportingSlot[], asOf: string): ReportingSlot | null {
  return slots.find((s) => s.dueDate > asOf) ?? null;
}
