import type { TIndicator, TIndicatorSource, TResolvedValue } from '@kechuang/contracts';
import { D, type Dec } from '../enterprise/decimal.ts';

/*
 * Roll-up and derivation along the region tree (pure; exact decimals).
 *
 * - A stored value of a region always wins (origin 'stored'): it is what the statistics office published.
 * - sum: without a stored value, Σ over the child regions that have one (stored or rolled up themselves),
 *   origin 'rolled_up', with coverage covered/total children. A partial sum is shown with its coverage
 *   rather than hidden: a bureau sees 11/12 and knows a county is missing.
 * - ratio: without a stored value, Σnumerator / Σdenominator × scale (origin 'derived') — never the
 *   mean of the children's ratios. Numerator and denominator are summed over the SAME child regions (those
 *   with both), so a county missing its GDP does not inflate its city's intensity; coverage states how
 *   many children took part. A region whose own numerator and denominator are both complete uses them.
 * - none: only stored values.
 * Results are rounded to 8 decimal places when turned into numbers.
 */

export interface StoredValue {
  value: string;
  source: TIndicatorSource;
}
export type Catalog = ReadonlyMap<string, Pick<TIndicator, 'code' | 'aggregation' | 'numeratorCode' | 'denominatorCode' | 'scale'>>;

interface Resolved {
  value: Dec;
  origin: TResolvedValue['origin'];
  source: TIndicatorSource | null;
  covered: number | null;
  total: number | null;
  /** every region below contributed */
  complete: boolean;
}
interface Pair {
  n: Dec;
  d: Dec;
  covered: number | null;
  total: number | null;
  complete: boolean;
}

/** decimal text that toNumber() would not round: at most 8 decimal places, no exponent */
const plainDecimal = /^-?\d+(\.\d{1,8})?$/;

/** plain decimal text as [digits without the point, decimal places], or null */
function scaledInt(text: string): [bigint, number] | null {
  if (!plainDecimal.test(text)) return null;
  const dot = text.indexOf('.');
  return dot < 0 ? [BigInt(text), 0] : [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}
const abs = (x: bigint) => (x < 0n ? -x : x);

export function toNumber(d: Dec): number {
  return Number(d.toDecimalPlaces(8).toString());
}

export class Resolver {
  private memo = new Map<string, Resolved | null>();
  private pairs = new Map<string, Pair | null>();

  /**
   * @param stored indicator code → region code → stored value (for one period and kind)
   * @param children region code → its current child regions
   */
  constructor(
    private readonly catalog: Catalog,
    private readonly stored: ReadonlyMap<string, ReadonlyMap<string, StoredValue>>,
    private readonly children: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** The value of an indicator for a region as the views show it, or null. */
  get(indicator: string, region: string): TResolvedValue | null {
    // A stored value with at most 8 decimals is its own number (toNumber would give the same double):
    // no Decimal for the common case (bench/indicators.ts reads ~48,000 values for a national evaluation).
    const s = this.stored.get(indicator)?.get(region);
    if (s && plainDecimal.test(s.value)) {
      const x = Number(s.value);
      return { value: x === 0 ? 0 : x, origin: 'stored', source: s.source, coverage: null };
    }
    if (!s) {
      const fast = this.storedRatio(indicator, region);
      if (fast !== undefined) return fast;
      if (this.leafWithout(indicator, region)) return null;
    }
    const r = this.resolve(indicator, region);
    if (!r) return null;
    return {
      value: toNumber(r.value),
      origin: r.origin,
      source: r.source,
      coverage: r.covered === null || r.total === null ? null : { covered: r.covered, total: r.total },
    };
  }

  /**
   * True when a region without child regions and without a stored value certainly has no value: nothing to
   * roll up, and (for a ratio) an operand that is neither stored here nor derivable. What resolve() would
   * find, without its memo and Decimal work (e.g. every county's targets when only a few are stored).
   */
  private leafWithout(indicator: string, region: string): boolean {
    const kids = this.children.get(region);
    if (kids && kids.length > 0) return false;
    const meta = this.catalog.get(indicator);
    if (meta?.aggregation !== 'ratio' || !meta.numeratorCode || !meta.denominatorCode || meta.scale === null) return true;
    for (const operand of [meta.numeratorCode, meta.denominatorCode]) {
      if (this.stored.get(operand)?.has(region)) continue;
      if (this.catalog.get(operand)?.aggregation === 'ratio') return false; // may be derived itself
      return true;
    }
    return false;
  }

  /**
   * A ratio derived from the region's own stored numerator and denominator (the common case of a county),
   * computed exactly in integers: the same number as Decimal's n × scale / d (40 significant digits, half up)
   * rounded half up to 8 places. undefined = not this case, or the remainder lies so close to a half that the
   * 40-digit rounding could matter (then the Decimal path decides).
   */
  private storedRatio(indicator: string, region: string): TResolvedValue | null | undefined {
    const meta = this.catalog.get(indicator);
    if (meta?.aggregation !== 'ratio' || !meta.numeratorCode || !meta.denominatorCode || meta.scale === null) return undefined;
    if (!Number.isSafeInteger(meta.scale) || meta.scale < 0) return undefined;
    const n = this.stored.get(meta.numeratorCode)?.get(region);
    const d = this.stored.get(meta.denominatorCode)?.get(region);
    if (!n || !d) return undefined;
    const pn = scaledInt(n.value);
    const pd = scaledInt(d.value);
    if (!pn || !pd) return undefined;
    if (pd[0] === 0n) return null;
    // |n × scale / d| × 10⁸ = p / q
    const negative = pn[0] < 0n !== pd[0] < 0n && pn[0] !== 0n;
    const p = abs(pn[0]) * BigInt(meta.scale) * 10n ** BigInt(pd[1] + 8);
    const q = abs(pd[0]) * 10n ** BigInt(pn[1]);
    let whole = p / q;
    const rest = p % q;
    if (2n * rest >= q) whole += 1n;
    else if (100n * rest >= 49n * q) return undefined;
    if (whole.toString().length > 30) return undefined;
    const digits = whole.toString().padStart(9, '0');
    const x = Number(`${negative ? '-' : ''}${digits.slice(0, -8)}.${digits.slice(-8)}`);
    return { value: x === 0 ? 0 : x, origin: 'derived', source: null, coverage: null };
  }

  resolve(indicator: string, region: string): Resolved | null {
    const key = `${indicator}|${region}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? null;
    const out = this.compute(indicator, region);
    this.memo.set(key, out);
    return out;
  }

  private compute(indicator: string, region: string): Resolved | null {
    const s = this.stored.get(indicator)?.get(region);
    if (s) return { value: new D(s.value), origin: 'stored', source: s.source, covered: null, total: null, complete: true };
    const meta = this.catalog.get(indicator);
    if (!meta) return null;
    if (meta.aggregation === 'sum') {
      const kids = this.children.get(region) ?? [];
      let value = new D(0);
      let covered = 0;
      let complete = true;
      for (const k of kids) {
        const r = this.resolve(indicator, k);
        if (!r) {
          complete = false;
          continue;
        }
        value = value.plus(r.value);
        covered++;
        complete &&= r.complete;
      }
      if (covered === 0) return null;
      return { value, origin: 'rolled_up', source: null, covered, total: kids.length, complete };
    }
    if (meta.aggregation === 'ratio' && meta.numeratorCode && meta.denominatorCode && meta.scale !== null) {
      const p = this.pair(meta.numeratorCode, meta.denominatorCode, region);
      if (!p || p.d.isZero()) return null;
      const value = p.n.times(meta.scale).dividedBy(p.d);
      return { value, origin: 'derived', source: null, covered: p.covered, total: p.total, complete: p.complete };
    }
    return null;
  }

  private pair(num: string, den: string, region: string): Pair | null {
    const key = `${num}/${den}|${region}`;
    if (this.pairs.has(key)) return this.pairs.get(key) ?? null;
    let out: Pair | null = null;
    const n = this.resolve(num, region);
    const d = this.resolve(den, region);
    if (n && d && n.complete && d.complete)
      out = { n: n.value, d: d.value, covered: n.covered ?? d.covered, total: n.total ?? d.total, complete: true };
    else {
      const kids = this.children.get(region) ?? [];
      let sn = new D(0);
      let sd = new D(0);
      let covered = 0;
      let complete = true;
      for (const k of kids) {
        const p = this.pair(num, den, k);
        if (!p) {
          complete = false;
          continue;
        }
        sn = sn.plus(p.n);
        sd = sd.plus(p.d);
        covered++;
        complete &&= p.complete;
      }
      if (covered > 0) out = { n: sn, d: sd, covered, total: kids.length, complete };
      // no child pairs but both operands known here (partly rolled up): the best available
      else if (n && d) out = { n: n.value, d: d.value, covered: 0, total: kids.length, complete: false };
    }
    this.pairs.set(key, out);
    return out;
  }
}
