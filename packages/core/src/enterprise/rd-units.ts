import type { TRdExpense } from './contract-types.ts';
import { frac, scaledText } from './exact.ts';
import type { RdCounting } from './fiscal.ts';

/**
 * R&D expense counted exactly as an integer of units 1/`unit` 分 (`countRdExpense` without decimal.js). With
 * the outsourced rate rn/rq and the cap rate cn/cq, every counted value — the capped 其他费用 included — is a
 * multiple of 1/(rq·(cq − cn)). Packs whose unit is not a divisor of a power of ten (a non-terminating capped
 * value, which decimal.js would round) or that cap on the total before the cap return null: the caller keeps
 * the decimal.js path for them.
 */
export interface RdUnits {
  unit: bigint;
  /** unit · mult = 10^scale, for exact decimal text. */
  mult: bigint;
  scale: number;
  rn: bigint;
  rq: bigint;
  /** Cap rate cn/cq; null = no cap. */
  cn: bigint;
  cq: bigint;
  capped: boolean;
}

const cache = new WeakMap<RdCounting, RdUnits | null>();

export function rdUnitsOf(counting: RdCounting): RdUnits | null {
  let units = cache.get(counting);
  if (units === undefined) {
    units = makeUnits(counting);
    cache.set(counting, units);
  }
  return units;
}

function makeUnits(counting: RdCounting): RdUnits | null {
  const rate = frac(counting.outsourcedRate);
  const cap = counting.otherExpenseCap;
  if (rate.p < 0n) return null;
  if (cap !== null && cap.base !== 'total_after_cap') return null;
  const r = cap === null ? null : frac(cap.rate);
  if (r !== null && (r.p < 0n || r.p >= r.q)) return null;
  const unit = r === null ? rate.q : rate.q * (r.q - r.p);
  for (let scale = 0, ten = 1n; scale <= 24; scale++, ten *= 10n) {
    if (ten % unit === 0n) {
      return { unit, mult: ten / unit, scale, rn: rate.p, rq: rate.q, cn: r?.p ?? 0n, cq: r?.q ?? 1n, capped: r !== null };
    }
  }
  return null;
}

/** Exact text of a value in units (decimal.js `toFixed()` of the same value). */
export function unitsText(value: bigint, u: RdUnits): string {
  return scaledText(value * u.mult, u.scale);
}

function sumBig(a: number, b: number, c: number, d: number, e: number, f: number): bigint {
  const s = a + b + c + d + e + f;
  if (Number.isSafeInteger(s)) return BigInt(s);
  return BigInt(a) + BigInt(b) + BigInt(c) + BigInt(d) + BigInt(e) + BigInt(f);
}

/** Counted total and domestic R&D expense in units of 1/u.unit 分 (工作指引（四）, as `countRdExpense`). */
export function countRdUnits(rd: TRdExpense, u: RdUnits): { total: bigint; domestic: bigint } {
  const inHouse = sumBig(rd.personnelFen, rd.directInputFen, rd.depreciationFen, rd.amortisationFen, rd.designFen, rd.trialFen);
  const outsourced = BigInt(rd.outsourcedDomesticFen) + BigInt(rd.outsourcedForeignFen);
  // rest in units of 1/rq.
  const rest = inHouse * u.rq + u.rn * outsourced;
  const other = BigInt(rd.otherFen);
  let total: bigint;
  let k = 1n;
  if (!u.capped) total = rest + other * u.rq;
  else {
    k = u.cq - u.cn;
    // other ≤ r × (rest + other) ⇔ other × (1 − r) ≤ rest × r; capped: rest + rest·r/(1 − r) = rest/(1 − r).
    const over = other > 0n && other * u.rq * k > rest * u.cn;
    total = over ? rest * u.cq : (rest + other * u.rq) * k;
  }
  const notDomestic = (BigInt(rd.outsourcedForeignFen) * u.rn + BigInt(rd.abroadFen) * u.rq) * k;
  const domestic = notDomestic === 0n ? total : total > notDomestic ? total - notDomestic : 0n;
  return { total, domestic };
}
