import type { TProjectContract } from '@kechuang/contracts';
import { isWanText, wanToFen } from '../enterprise/money.ts';

/*
 * 揭榜挂帅 pays by milestone (core/project/milestones.ts checks the same): each milestone names the 考核指标 it
 * proves, every target has a milestone, and the payments add up to the grant exactly.
 */

export interface MilestoneRowText {
  title: string;
  due: string;
  paymentWan: string;
  target: string | null;
}

export interface MilestoneCheck {
  sumFen: number;
  uncovered: string[];
  incomplete: number;
  ok: boolean;
}

export function checkMilestones(rows: MilestoneRowText[], targets: TProjectContract['targets'], grantedFen: number): MilestoneCheck {
  const sumFen = rows.reduce((s, r) => s + (isWanText(r.paymentWan) ? (wanToFen(r.paymentWan) ?? 0) : 0), 0);
  const covered = new Set(rows.map((r) => r.target));
  const uncovered = targets.map((x) => x.name).filter((n) => !covered.has(n));
  const incomplete = rows.filter(
    (r) => !r.title.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(r.due) || !isWanText(r.paymentWan) || !r.target,
  ).length;
  return { sumFen, uncovered, incomplete, ok: rows.length > 0 && incomplete === 0 && uncovered.length === 0 && sumFen === grantedFen };
}

export function milestonesInput(rows: MilestoneRowText[]): TProjectContract['milestones'] {
  return rows.map((r) => ({ title: r.title.trim(), due: r.due, paymentFen: wanToFen(r.paymentWan) ?? 0, target: r.target }));
}
