/**
 * The bureau's calendar date (China Standard Time, UTC+8, no daylight saving) of an instant: what
 * "today" means for due dates, validity, year ends and defaults everywhere in the platform — the
 * server's own time zone (UTC on most hosts) would put the early hours of a Beijing day on the day before.
 */
export function bureauDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
