import { AppError, type TTier } from '@kechuang/contracts';
import { Dec, dec } from './exact-column.ts';

export interface ResolvedTier {
  name: string;
  /** The score the tier starts at in this evaluation. */
  threshold: Dec;
  /** The same as a double, for the quick comparison. */
  near: number;
  exclusive: boolean;
}

/**
 * The thresholds of the tiers for one evaluation. fixed: minScore itself. average: minScore % of the average
 * published score of the regions compared (《中国区域科技创新评价报告》: 第一梯队 = 高于全国平均水平; EIS performance
 * groups relative to the EU average). region: minScore % of the named region's published score. Exact decimals.
 */
export function resolveTiers(tiers: readonly TTier[], codes: readonly string[], scores: ArrayLike<number>): ResolvedTier[] {
  let average: Dec | null = null;
  const issues: { path: string; message: string }[] = [];
  const resolved = tiers.map((t, i) => {
    const reference = t.reference ?? 'fixed';
    let threshold = dec(t.minScore);
    if (reference === 'average') {
      if (average === null) {
        let sum = new Dec(0);
        for (let r = 0; r < scores.length; r++) sum = sum.plus(dec(scores[r]!));
        average = scores.length === 0 ? new Dec(0) : sum.div(scores.length);
      }
      threshold = average.times(t.minScore).div(100);
    } else if (reference === 'region') {
      const at = t.regionCode === undefined ? -1 : codes.indexOf(t.regionCode);
      if (at < 0) {
        issues.push({ path: `tiers.${i}.regionCode`, message: `梯队“${t.name}”的参照地区“${t.regionCode ?? ''}”不在参评地区中` });
      } else threshold = dec(scores[at]!).times(t.minScore).div(100);
    }
    return { name: t.name, threshold, near: threshold.toNumber(), exclusive: t.exclusive === true };
  });
  if (issues.length > 0) throw new AppError('indicator/invalid_scheme', { issues });
  return resolved;
}

/** The highest tier whose threshold the score reaches (strictly exceeds, for an exclusive tier); null if none. */
export function tierOf(score: number, tiers: readonly ResolvedTier[]): string | null {
  if (tiers.length === 0) return null;
  let best: ResolvedTier | null = null;
  for (const t of tiers) {
    // Doubles decide unless the score is within 10⁻⁹ of the threshold; then the exact decimals.
    const gap = score - t.near;
    const c = Math.abs(gap) > 1e-9 * Math.max(1, Math.abs(t.near)) ? Math.sign(gap) : dec(score).cmp(t.threshold);
    const reached = t.exclusive ? c > 0 : c >= 0;
    if (reached && (best === null || t.threshold.gt(best.threshold))) best = t;
  }
  return best?.name ?? null;
}
