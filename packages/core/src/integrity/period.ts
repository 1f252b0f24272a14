/*
 * Ban periods. A period runs from its start day to its end day, both inclusive. A period of N years that starts
 * on a day ends on the corresponding day N years later, or on the month's last day when there is none (29
 * February): 《民法典》第二百零一条 (the starting day is not counted; counting runs from the next day) and
 * 第二百零二条 (到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日). The subject is barred on the
 * starting day itself, as the decision applies from the day it is made.
 */

/** The last day of a period of `years` years starting on `start` (YYYY-MM-DD). */
export function periodEndOf(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Period {
  periodStart: string | null;
  periodEnd: string | null;
  permanent: boolean;
}

/** Is the day within the period? A period without a start is not in force; without an end, only if permanent. */
export function periodCovers(p: Period, day: string): boolean {
  if (p.periodStart === null || day < p.periodStart) return false;
  if (p.permanent) return true;
  return p.periodEnd !== null && day <= p.periodEnd;
}

/** Has the period ended before the day (a confirmed or published record then shows as expired)? */
export function periodEnded(p: Period, day: string): boolean {
  return !p.permanent && p.periodEnd !== null && p.periodEnd < day;
}

/** 2026年3月20日 */
export function dateZh(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 自2026年4月1日至2029年4月1日（3年） / 自2026年4月1日起永久 */
export function periodZh(p: Period & { periodYears: number | null }): string {
  if (p.periodStart === null) return '期限未定';
  if (p.permanent) return `自${dateZh(p.periodStart)}起永久`;
  if (p.periodEnd === null) return `自${dateZh(p.periodStart)}起`;
  return `自${dateZh(p.periodStart)}至${dateZh(p.periodEnd)}${p.periodYears ? `（${p.periodYears}年）` : ''}`;
}
