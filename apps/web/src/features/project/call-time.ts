/*
 * Call windows are instants the bureau states in its own time, Asia/Shanghai (UTC+8, no daylight saving),
 * whatever time zone the browser is in. The form shows and takes that wall-clock time; the contract carries
 * an ISO instant with its offset.
 */
const offsetMs = 8 * 3_600_000;

/** "2026-03-01T01:00:00Z" → "2026-03-01 09:00" (Beijing wall-clock time). */
export function toBureauWallTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + offsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-03-01 09:00" (Beijing) → "2026-03-01T09:00:00+08:00"; null when the text is not such a time. */
export function fromBureauWallTime(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}:00+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
