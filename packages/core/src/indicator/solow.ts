import { AppError } from '@kechuang/contracts';
import Decimal from 'decimal.js';

/*
 * 科技进步贡献率 by the Solow residual (the 增长速度方程 recommended by 国家计委 and 国家统计局; domain-rules §4):
 *   y, k, l = average annual growth rates of output, capital and labour over t years, by the level method
 *             y = (Y_t / Y_0)^(1/t) − 1;
 *   a = y − αk − βl (the growth rate of S&T progress); E_A = a / y × 100%.
 * α (capital output elasticity) and β (labour elasticity) — usually α + β = 1 —, the window t and the capital-stock
 * method are set by each province (UNVERIFIED; configurable here). Decimal arithmetic at 34 digits; the rates and
 * the contribution are returned rounded half-up to 6 and 2 decimals.
 */
const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

export interface SolowLevels {
  /** Output (GDP, at comparable prices) at the start and the end of the window. */
  output: [number, number];
  /** Capital stock at the start and the end. */
  capital: [number, number];
  /** Labour (employed persons) at the start and the end. */
  labour: [number, number];
  /** Years between start and end (t ≥ 1). */
  years: number;
  alpha: number;
  beta: number;
}

export interface SolowResult {
  /** Average annual growth rates, in % (6 decimals). */
  outputGrowth: number;
  capitalGrowth: number;
  labourGrowth: number;
  /** a = y − αk − βl, in % (6 decimals). */
  techGrowth: number;
  /** E_A = a / y × 100, in % (2 decimals). */
  contribution: number;
  /** zh-CN: the formula with the figures. */
  basis: string;
}

function issue(path: string, message: string): never {
  throw new AppError('common/validation', { issues: [{ path, message }] }, message);
}

/** The level method: (end / start)^(1/t) − 1. */
function averageGrowth(pair: [number, number], years: number, path: string): Decimal {
  const [start, end] = pair;
  if (!(Number.isFinite(start) && start > 0)) issue(`${path}.0`, '期初值必须大于 0');
  if (!(Number.isFinite(end) && end > 0)) issue(`${path}.1`, '期末值必须大于 0');
  return new D(end).div(start).pow(new D(1).div(years)).minus(1);
}

export function solowContribution(input: SolowLevels): SolowResult {
  const { years, alpha, beta } = input;
  if (!(Number.isInteger(years) && years >= 1 && years <= 50)) issue('years', '测算期须为 1–50 年的整数');
  if (!(Number.isFinite(alpha) && alpha >= 0 && alpha <= 1)) issue('alpha', '资本产出弹性 α 须在 0–1 之间');
  if (!(Number.isFinite(beta) && beta >= 0 && beta <= 1)) issue('beta', '劳动产出弹性 β 须在 0–1 之间');
  const y = averageGrowth(input.output, years, 'output');
  const k = averageGrowth(input.capital, years, 'capital');
  const l = averageGrowth(input.labour, years, 'labour');
  if (y.isZero()) issue('output', '产出年均增长率为 0，科技进步贡献率无定义');
  const a = y.minus(k.times(alpha)).minus(l.times(beta));
  const pct = (x: Decimal) => x.times(100).toDecimalPlaces(6).toNumber();
  const contribution = a.div(y).times(100).toDecimalPlaces(2).toNumber();
  const r: Omit<SolowResult, 'basis'> = {
    outputGrowth: pct(y),
    capitalGrowth: pct(k),
    labourGrowth: pct(l),
    techGrowth: pct(a),
    contribution,
  };
  return {
    ...r,
    basis: `索洛余值法（${years}年，α=${alpha}，β=${beta}）：产出年均增长${r.outputGrowth}%，资本${r.capitalGrowth}%，劳动${r.labourGrowth}%；科技进步年均增长 = ${r.outputGrowth}% − ${alpha}×${r.capitalGrowth}% − ${beta}×${r.labourGrowth}% = ${r.techGrowth}%；贡献率 = ${r.techGrowth}% ÷ ${r.outputGrowth}% = ${contribution}%`,
  };
}
