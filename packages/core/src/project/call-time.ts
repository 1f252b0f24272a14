import type { TCallWindow } from '@kechuang/contracts';

/*
 * Call windows are instants; the bureau reads and writes them in China Standard Time (Asia/Shanghai, UTC+8,
 * no daylight saving). A call accepts submissions from its opening instant (inclusive) up to its closing
 * instant (exclusive): "截止时间 2026-03-31 17:00" refuses a submission at 17:00:00.
 */

const cstOffsetMs = 8 * 3_600_000;

/** The instant written in China Standard Time: 2026-03-31T17:00:00+08:00. */
export function shanghaiIso(d: Date): string {
  return `${new Date(d.getTime() + cstOffsetMs).toISOString().slice(0, 19)}+08:00`;
}

export function callWindow(call: { opensAt: Date; closesAt: Date }, now: Date): TCallWindow {
  if (now.getTime() < call.opensAt.getTime()) return 'upcoming';
  if (now.getTime() < call.closesAt.getTime()) return 'open';
  return 'ended';
}

/** Whole days left before the call closes, counted in Beijing calendar days (0 on the closing day). */
export function daysLeft(closesAt: Date, now: Date): number {
  const day = (d: Date) => Math.floor((d.getTime() + cstOffsetMs) / 86_400_000);
  return day(closesAt) - day(now);
}
