/*
 * Times read as the bureau reads them: China Standard Time (UTC+8, no daylight saving), whatever time zone the
 * browser is in — a report submitted at 11:54 in 衡阳 reads 11:54 on a laptop set to UTC too (bureau-date.ts does
 * the same for "today").
 */
const bureauOffsetMs = 8 * 3_600_000;

/** An instant as the bureau's ISO wall-clock text (YYYY-MM-DDTHH:mm…); a bare date stays that date. */
function bureauWallClock(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t + bureauOffsetMs).toISOString();
}

/** Server timestamps are ISO strings; users read them as the bureau's date and minute. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const wall = bureauWallClock(value);
  return wall ? wall.slice(0, 16).replace('T', ' ') : value;
}

/** A date, or the bureau's calendar date of a timestamp. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const wall = bureauWallClock(value);
  return wall ? wall.slice(0, 10) : value;
}
