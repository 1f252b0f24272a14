import dayjs, { type Dayjs } from 'dayjs';

/**
 * The bureau's calendar date (China Standard Time, UTC+8, no daylight saving) of an instant — the same
 * "today" the server uses for due dates, overdue counts and defaults, whatever time zone the browser is in
 * (a browser on UTC would otherwise put the early hours of a Beijing day on the day before).
 */
export function bureauToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The bureau's year (e.g. for the default plan or statistics year). */
export function bureauYear(now: Date = new Date()): number {
  return Number(bureauToday(now).slice(0, 4));
}

/** The bureau's today as a date-picker value (local midnight of that calendar date). */
export function bureauDay(now: Date = new Date()): Dayjs {
  return dayjs(bureauToday(now));
}

/** Whole days from the bureau's today to an ISO date (negative once it has passed). */
export function daysUntil(isoDate: string, now: Date = new Date()): number {
  return Math.round((Date.parse(isoDate) - Date.parse(bureauToday(now))) / 86_400_000);
}
