/** Calendar helpers on ISO dates (YYYY-MM-DD), in UTC so that a day is a day. */

const msPerDay = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / msPerDay;
}

const isoCache = new Map<number, string>();
export function isoOfDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * msPerDay).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The same calendar day `years` later (29 Feb → 28 Feb in a common year). */
export function addYears(iso: string, years: number): string {
  const y = yearOf(iso) + years;
  const md = iso.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}-${md}`;
}

/** Inclusive date range test on ISO strings (lexical order is chronological). */
export function within(iso: string, from: string, to: string): boolean {
  return iso >= from && iso <= to;
}
