import chineseDays from 'chinese-days';

/**
 * China's working-day calendar with 调休 (make-up working days on weekends and holidays moved onto
 * weekdays), from the maintained `chinese-days` package, which follows each year's 国务院办公厅 notice
 * on holiday arrangements. A year whose notice the package does not hold yet is reported, never guessed.
 */
// a CommonJS/UMD package: its functions come from the default export under Node's ESM loader
const { getHolidaysInRange, isWorkday } = chineseDays;
const covered = new Map<number, boolean>();

export function calendarCovers(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, known);
  }
  return known;
}

export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface WorkingDayResult {
  date: string;
  /** false when the count ran into a year the calendar does not hold yet (only weekends were skipped there) */
  calendarComplete: boolean;
}

/**
 * The day on which the n-th working day after `date` falls ("自受理之日起15个工作日内": the day of
 * acceptance is not counted, the n-th working day after it is the last day).
 */
export function addWorkingDays(date: string, n: number): WorkingDayResult {
  let d = date;
  let left = n;
  let complete = true;
  while (left > 0) {
    d = nextDay(d);
    if (!calendarCovers(Number(d.slice(0, 4)))) complete = false;
    if (isWorkday(d)) left--;
  }
  return { date: d, calendarComplete: complete };
}
