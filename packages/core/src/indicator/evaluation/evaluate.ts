import {
  AppError,
  type TEvaluationInput,
  type TEvaluationRegion,
  type TEvaluationResult,
  type TEvaluationScheme,
  type TGroupScore,
  type TIndicatorBreakdown,
  type TIndicatorStats,
  type TRegionResult,
} from '@kechuang/contracts';
import { scoreTree, scoreTreeExact } from './aggregate.ts';
import { type Dec, dec } from './exact-column.ts';
import { applyMissingColumn, round6 } from './missing.ts';
import { isPresent, normaliseColumn } from './normalise.ts';
import { ranksOf } from './rank.ts';
import { type CompiledScheme, compileScheme, validateScheme } from './scheme.ts';
import { resolveTiers, tierOf } from './tiers.ts';
import { transformColumn, transformLabels } from './transform.ts';

/** Everything that does not depend on the weights: computed once, shared by evaluate() and sensitivity(). */
export interface PreparedEvaluation {
  scheme: TEvaluationScheme;
  compiled: CompiledScheme;
  regions: TEvaluationRegion[];
  codes: string[];
  /** Per indicator (pre-order), per region: normalised value after the missing rule; NaN = dropped (reweight). */
  cols: Float64Array[];
  /** Per indicator, per region: the raw value, NaN = missing. */
  raw: Float64Array[];
  /** 1 where the value was imputed by the missing rule. */
  imputed: Uint8Array[];
  /** 1 where no usable normalised value existed before the missing rule. */
  missing: Uint8Array[];
  /** Normalisation notes (capped, floored, no target …) per indicator, per region. */
  notes: (string | undefined)[][];
  /** The missing-rule sentence per indicator. */
  missingNotes: string[];
  stats: Record<string, TIndicatorStats>;
}

export function prepareEvaluation(schemeInput: unknown, input: TEvaluationInput): PreparedEvaluation {
  const scheme = validateScheme(schemeInput);
  const regions = input.regions;
  const codes = regions.map((r) => r.code);
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) dupes.add(c);
    seen.add(c);
  }
  if (dupes.size > 0)
    throw new AppError('common/validation', {
      issues: [...dupes].map((c) => ({ path: 'regions', message: `地区代码“${c}”重复` })),
    });
  const compiled = compileScheme(scheme);
  const n = codes.length;
  const indicators = compiled.leaves.map((nodeIndex) => compiled.nodes[nodeIndex]!.indicator!);
  // One pass over each region's record (keyed loads with a varying key are slow), scattered into columns.
  const leafOf = new Map<string, number>(indicators.map((ind, l) => [ind.code, l]));
  const scatter = (table: TEvaluationInput['values'] | undefined, wanted: (l: number) => boolean) => {
    const columns = indicators.map((_, l) => (wanted(l) ? new Float64Array(n).fill(Number.NaN) : null));
    if (!table || columns.every((c) => c === null)) return columns;
    for (let r = 0; r < n; r++) {
      const row = table[codes[r]!];
      if (!row) continue;
      for (const k in row) {
        const l = leafOf.get(k);
        if (l === undefined) continue;
        const x = row[k];
        const column = columns[l];
        if (column && isPresent(x)) column[r] = x;
      }
    }
    return columns;
  };
  const raw = scatter(input.values, () => true) as Float64Array[];
  const targets = scatter(input.targets, (l) => indicators[l]!.normalisation.method === 'target');
  const cols: Float64Array[] = [];
  const imputed: Uint8Array[] = [];
  const missing: Uint8Array[] = [];
  const notes: (string | undefined)[][] = [];
  const missingNotes: string[] = [];
  const stats: Record<string, TIndicatorStats> = {};
  indicators.forEach((ind, l) => {
    // Transform (sqrt / log) before normalisation; the breakdown keeps showing the raw value.
    const transformed = transformColumn(raw[l]!, ind.transform);
    const norm = normaliseColumn(transformed.values, ind.polarity, ind.normalisation, targets[l] ?? undefined);
    transformed.notes.forEach((note, r) => {
      if (note !== undefined) norm.notes[r] = note;
    });
    const m = applyMissingColumn(norm.values, scheme.missing);
    stats[ind.code] = norm.stats;
    cols.push(m.values);
    imputed.push(m.imputed);
    const miss = new Uint8Array(n);
    for (let r = 0; r < n; r++) if (Number.isNaN(norm.values[r]!)) miss[r] = 1;
    missing.push(miss);
    notes.push(norm.notes);
    missingNotes.push(m.note);
  });
  return { scheme, compiled, regions, codes, cols, raw, imputed, missing, notes, missingNotes, stats };
}

/**
 * Whether a group or the root score lies too close to a 6-decimal rounding half for its double to tell the
 * rounding (the double sum's error is far below 10⁻¹² at these magnitudes). Leaves are rounded by round6 itself.
 */
function nearHalf(compiled: CompiledScheme, scores: Float64Array): boolean {
  for (const node of compiled.nodes) {
    if (node.leaf >= 0) continue;
    const x = scores[node.index]!;
    if (Number.isNaN(x)) continue;
    const y = x * 1e6;
    if (!(Math.abs(y) < 1e9) || Math.abs(Math.abs(y - Math.trunc(y)) - 0.5) < 1e-6) return true;
  }
  return false;
}

function round9(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r;
}

/**
 * Evaluates every region: normalise each indicator over the regions, treat missing values, aggregate up the tree
 * with sibling-normalised weights, rank (1,2,2,4), assign tiers and compare with the previous ranks.
 * Pure: the same scheme and input always give the same result.
 */
export function evaluate(scheme: unknown, input: TEvaluationInput): TEvaluationResult {
  const p = prepareEvaluation(scheme, input);
  const { compiled, regions, cols } = p;
  const { nodes } = compiled;
  const method = p.scheme.aggregation;
  const weights = nodes.map((n) => n.weight);
  const N = nodes.length;
  const R = regions.length;
  // Pass 1: every node's score for every region (NaN = nothing present under it), then the ranks.
  const nodeScores = new Float64Array(R * N);
  const out = new Float64Array(N);
  const scores = new Float64Array(R);
  const published = new Float64Array(R);
  const empty: string[] = [];
  // Published scores are the exact decimal results rounded half-up to 6 places. Arithmetic: the double sum tells
  // the rounding for sure unless a node's score lies within 10⁻¹² of a rounding half; such a region is re-scored
  // in exact decimals (exact-column.ts) and its published node scores rounded from the decimals. Geometric: doubles
  // (its fractional powers are irrational anyway).
  const exact = method === 'arithmetic';
  const weightsDec: Dec[] = exact ? weights.map((w) => dec(w)) : [];
  const scratch: (Dec | null)[] = new Array(N).fill(null);
  const exactNodes = new Map<number, Float64Array>();
  for (let r = 0; r < R; r++) {
    let root = scoreTree(compiled, cols, r, weights, method, out);
    if (exact && nearHalf(compiled, out)) {
      root = scoreTreeExact(compiled, cols, r, weightsDec, out, scratch);
      exactNodes.set(
        r,
        Float64Array.from(scratch, (d) => (d === null ? Number.NaN : d.toDecimalPlaces(6).toNumber() || 0)),
      );
    }
    nodeScores.set(out, r * N);
    if (Number.isNaN(root)) empty.push(regions[r]!.name || regions[r]!.code);
    scores[r] = Number.isNaN(root) ? 0 : root;
    published[r] = Number.isNaN(root) ? 0 : (exactNodes.get(r)?.[0] ?? round6(root));
  }
  const tiers = resolveTiers(p.scheme.tiers, p.codes, published);
  const ranks = new Int32Array(R);
  const order: number[] = new Array(R);
  ranksOf(scores, p.codes, ranks, order);

  // Pass 2: the explained result of each region, in rank order.
  const groupNodes = nodes.filter((n) => n.group !== null);
  const parentKeys = groupNodes.map((n) => nodes[n.parent]!.group?.key ?? null);
  const leafNodes = compiled.leaves.map((i) => nodes[i]!);
  const eff = new Float64Array(N);
  const local = new Float64Array(N);
  const prev = input.previousRanks ?? {};
  const arithmetic = method === 'arithmetic';
  const results: TRegionResult[] = order.map((r) => {
    const base = r * N;
    // Per-region weights: dropped children get 0, the present ones share their parent's weight.
    eff[0] = 1;
    local[0] = 1;
    for (const node of nodes) {
      if (node.children.length === 0) continue;
      let sumW = 0;
      for (const c of node.children) if (!Number.isNaN(nodeScores[base + c]!)) sumW += weights[c]!;
      for (const c of node.children) {
        const l = !Number.isNaN(nodeScores[base + c]!) && sumW > 0 ? weights[c]! / sumW : 0;
        local[c] = l;
        eff[c] = eff[node.index]! * l;
      }
    }
    const groups: TGroupScore[] = groupNodes.map((node, g) => {
      const s = nodeScores[base + node.index]!;
      return {
        key: node.group!.key,
        name: node.group!.name,
        weight: round9(local[node.index]!),
        score: Number.isNaN(s) ? null : (exactNodes.get(r)?.[node.index] ?? round6(s)),
        level: node.level,
        parentKey: parentKeys[g]!,
        effectiveWeight: round9(eff[node.index]!),
      };
    });
    const missingCodes: string[] = [];
    const indicators: TIndicatorBreakdown[] = leafNodes.map((node, l) => {
      const code = node.indicator!.code;
      const v = cols[l]![r]!;
      const w = eff[node.index]!;
      const dropped = Number.isNaN(v);
      const isMissing = p.missing[l]![r] === 1;
      if (isMissing) missingCodes.push(code);
      const contribution = dropped ? (arithmetic ? 0 : 1) : arithmetic ? w * v : v ** w;
      const x = p.raw[l]![r]!;
      const a = p.notes[l]![r];
      // One object shape for all (note undefined when there is nothing to say; JSON drops it).
      const b: TIndicatorBreakdown = {
        code,
        raw: Number.isNaN(x) ? null : x,
        normalised: dropped ? null : round6(v),
        effectiveWeight: round9(w),
        contribution: round6(contribution),
        imputed: p.imputed[l]![r] === 1,
        note: isMissing ? (a ? `${a}；${p.missingNotes[l]}` : p.missingNotes[l]) : a,
      };
      return b;
    });
    const score = published[r]!;
    const rank = ranks[r]!;
    const previousRank = prev[p.codes[r]!] ?? null;
    return {
      code: p.codes[r]!,
      name: regions[r]!.name,
      score,
      rank,
      previousRank,
      rankChange: previousRank === null ? null : previousRank - rank,
      tier: tierOf(score, tiers),
      groups,
      indicators,
      missing: missingCodes,
    };
  });
  return {
    results,
    indicatorStats: p.stats,
    method: {
      aggregation: method,
      missing: p.scheme.missing,
      notes: methodNotes(p.scheme, empty),
      ...(tiers.length > 0
        ? { tierThresholds: tiers.map((t) => ({ name: t.name, threshold: round6(t.threshold.toNumber()), exclusive: t.exclusive })) }
        : {}),
    },
  };
}

/** zh-CN sentences stating the rules actually applied, so a published ranking explains itself. */
export function methodNotes(scheme: TEvaluationScheme, emptyRegions: readonly string[] = []): string[] {
  const notes: string[] = [];
  notes.push(
    scheme.aggregation === 'arithmetic'
      ? '综合得分按加权算术平均逐级汇总：各级权重在同一上级内归一化（和为 1），指标的有效权重为其路径上各级权重的乘积，指标贡献之和即综合得分。'
      : '综合得分按加权几何平均逐级汇总（Π xᵢ^wᵢ，各级权重在同一上级内归一化）：任一指标标准化值为 0 时，其所在指标组及综合得分均为 0；指标贡献之积即综合得分。',
  );
  notes.push(
    {
      zero: '缺失值处理：缺失指标按标准化值 0 分计，并标记为插补。',
      mean: '缺失值处理：缺失指标以有该指标数据的地区的标准化值平均值替代，并标记为插补；所有地区均无数据时按 0 分计。',
      reweight: '缺失值处理：缺失指标不参与该地区计算，同一上级内其余指标（组）的权重重新归一化；某指标组全部缺失时该组亦不参与计算。',
    }[scheme.missing],
  );
  const methods = new Set<string>();
  const transformed: string[] = [];
  let sampleSd = false;
  const visit = (n: TEvaluationScheme['groups'][number]['children'][number]) => {
    if (n.kind === 'indicator') {
      methods.add(n.normalisation.method);
      if (n.normalisation.method === 'zscore' && n.normalisation.sd === 'sample') sampleSd = true;
      if (n.transform !== undefined && n.transform !== 'none') transformed.push(`${n.name ?? n.code}（${transformLabels[n.transform]}）`);
    } else n.children.forEach(visit);
  };
  scheme.groups.forEach(visit);
  if (methods.has('standard'))
    notes.push(
      '标准值法：监测值 = 实际值 ÷ 标准值 × 100，达到或超过上限（默认 100）时取上限；逆向指标取 标准值 ÷ 实际值 × 100；正向指标实际值不大于 0 记 0 分，逆向指标实际值不大于 0 取上限。',
    );
  if (methods.has('minmax'))
    notes.push(
      '极差标准化：(x − 最小值) ÷ (最大值 − 最小值) × 100，逆向指标取 (最大值 − x) ÷ (最大值 − 最小值) × 100；参评地区数值全部相同时均记 100 分。',
    );
  if (methods.has('zscore'))
    notes.push(
      sampleSd
        ? 'Z 分数标准化：(x − 平均值) ÷ 标准差，标准差按方案为总体标准差（除以 n）或样本标准差（除以 n − 1，见各指标统计 sampleSd），逆向指标取相反数；标准差为 0 或样本仅一个地区时均记 0 分。'
        : 'Z 分数标准化：(x − 平均值) ÷ 标准差，标准差为总体标准差（除以 n，见各指标统计 sd），逆向指标取相反数；标准差为 0 时均记 0 分。',
    );
  if (transformed.length > 0)
    notes.push(
      `数据变换（标准化之前，用于偏态分布的指标）：${transformed.join('、')}；平方根要求数值不小于 0，自然对数要求数值大于 0，否则按缺失处理。`,
    );
  if (scheme.aggregation === 'arithmetic')
    notes.push('标准化与加权汇总按十进制精确计算（不引入二进制浮点误差），综合得分四舍五入保留 6 位小数。');
  if (methods.has('target'))
    notes.push(
      '目标值法：实际值 ÷ 本地区目标值 × 100，上限 100；逆向指标取 目标值 ÷ 实际值 × 100；无目标值或目标值不大于 0 时按缺失处理。',
    );
  notes.push('排名采用并列排名（如 1、2、2、4）：得分（精确到 10⁻⁹）相同者名次相同，同分地区按地区代码排列；得分保留 6 位小数。');
  if (scheme.tiers.length > 0) notes.push('梯队划分：地区归入门槛不高于其得分（标为“高于”的梯队须严格高于门槛）的最高梯队。');
  for (const t of scheme.tiers) {
    if (t.reference === 'average')
      notes.push(`梯队“${t.name}”的门槛为参评地区综合得分平均值的 ${t.minScore}%${t.exclusive ? '（须高于）' : ''}。`);
    if (t.reference === 'region')
      notes.push(`梯队“${t.name}”的门槛为参照地区 ${t.regionCode ?? ''} 综合得分的 ${t.minScore}%${t.exclusive ? '（须高于）' : ''}。`);
  }
  if (emptyRegions.length > 0) notes.push(`以下地区所有指标均缺失，综合得分记 0 分：${emptyRegions.join('、')}。`);
  return notes;
}
