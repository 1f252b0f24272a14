import {
  AppError,
  evaluationLimits,
  type TEvaluationScheme,
  type TSchemeGroup,
  type TSchemeIndicator,
  type TSchemeNode,
  ZEvaluationScheme,
} from '@kechuang/contracts';

export interface SchemeIssue {
  path: string;
  message: string;
}

/**
 * Parses and checks an evaluation scheme; returns it with defaults applied (cap 100, arithmetic, zero, no tiers).
 * Throws AppError('indicator/invalid_scheme', { issues }) listing every problem found, in zh-CN.
 */
export function validateScheme(input: unknown): TEvaluationScheme {
  const parsed = ZEvaluationScheme.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('indicator/invalid_scheme', { issues });
  }
  const scheme = parsed.data;
  const issues = schemeIssues(scheme);
  if (issues.length > 0) throw new AppError('indicator/invalid_scheme', { issues });
  return scheme;
}

/** The semantic rules beyond the zod shape. Exported for tests and for callers that want a list, not a throw. */
export function schemeIssues(scheme: TEvaluationScheme): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const codes = new Set<string>();
  const keys = new Set<string>();
  let nodes = 0;
  const visit = (node: TSchemeNode, path: string, depth: number) => {
    nodes++;
    if (!(Number.isFinite(node.weight) && node.weight > 0)) issues.push({ path: `${path}.weight`, message: '权重必须是大于 0 的数' });
    if (node.kind === 'indicator') {
      if (codes.has(node.code)) issues.push({ path: `${path}.code`, message: `指标代码“${node.code}”重复` });
      codes.add(node.code);
      const n = node.normalisation;
      if (node.transform !== undefined && node.transform !== 'none' && n.method !== 'minmax' && n.method !== 'zscore')
        issues.push({ path: `${path}.transform`, message: `数据变换仅适用于极差标准化和 Z 分数标准化（指标“${node.code}”）` });
      if (scheme.aggregation === 'geometric' && n.method === 'zscore')
        issues.push({ path: `${path}.normalisation`, message: `几何平均要求标准化值非负，指标“${node.code}”不能使用 Z 分数标准化` });
      if (n.method === 'standard') {
        if (!(Number.isFinite(n.standard) && n.standard > 0))
          issues.push({ path: `${path}.normalisation.standard`, message: '标准值必须大于 0' });
        if (!(Number.isFinite(n.cap) && n.cap > 0)) issues.push({ path: `${path}.normalisation.cap`, message: '上限值必须大于 0' });
      }
      return;
    }
    if (keys.has(node.key)) issues.push({ path: `${path}.key`, message: `指标组“${node.key}”重复` });
    keys.add(node.key);
    if (depth > evaluationLimits.depth) issues.push({ path, message: `指标层级不能超过 ${evaluationLimits.depth} 级` });
    if (node.children.length === 0) issues.push({ path: `${path}.children`, message: `指标组“${node.name}”不能为空` });
    node.children.forEach((c, i) => {
      visit(c, `${path}.children.${i}`, depth + 1);
    });
  };
  if (scheme.groups.length === 0) issues.push({ path: 'groups', message: '至少需要一个一级指标组' });
  scheme.groups.forEach((g, i) => {
    visit(g, `groups.${i}`, 1);
  });
  if (nodes > evaluationLimits.nodes) issues.push({ path: 'groups', message: `指标节点不能超过 ${evaluationLimits.nodes} 个` });
  const tierNames = new Set<string>();
  scheme.tiers.forEach((t, i) => {
    if (tierNames.has(t.name)) issues.push({ path: `tiers.${i}.name`, message: `梯队名称“${t.name}”重复` });
    tierNames.add(t.name);
    if (t.reference === 'region' && t.regionCode === undefined)
      issues.push({ path: `tiers.${i}.regionCode`, message: `梯队“${t.name}”须指定参照地区` });
    if ((t.reference === 'average' || t.reference === 'region') && !(t.minScore > 0))
      issues.push({ path: `tiers.${i}.minScore`, message: `梯队“${t.name}”的门槛百分比必须大于 0` });
  });
  return issues;
}

/** One node of the flattened tree, in pre-order; index 0 is a virtual root holding the level-1 groups. */
export interface CompiledNode {
  index: number;
  parent: number;
  level: number;
  kind: 'root' | 'group' | 'indicator';
  weight: number;
  children: number[];
  group: TSchemeGroup | null;
  indicator: TSchemeIndicator | null;
  /** Position among the indicators (pre-order), −1 for groups. */
  leaf: number;
}

export interface CompiledScheme {
  nodes: CompiledNode[];
  /** Node index of each indicator, in pre-order. */
  leaves: number[];
  /** Node indices in post-order (children before parents), root last. */
  postOrder: number[];
}

export function compileScheme(scheme: TEvaluationScheme): CompiledScheme {
  const nodes: CompiledNode[] = [];
  const leaves: number[] = [];
  const postOrder: number[] = [];
  const add = (node: TSchemeNode | null, parent: number, level: number): number => {
    const index = nodes.length;
    const c: CompiledNode = {
      index,
      parent,
      level,
      kind: node === null ? 'root' : node.kind,
      weight: node === null ? 1 : node.weight,
      children: [],
      group: node?.kind === 'group' ? node : null,
      indicator: node?.kind === 'indicator' ? node : null,
      leaf: -1,
    };
    nodes.push(c);
    if (node?.kind === 'indicator') {
      c.leaf = leaves.length;
      leaves.push(index);
    } else {
      const children = node === null ? scheme.groups : node.children;
      for (const child of children) c.children.push(add(child, index, level + 1));
    }
    postOrder.push(index);
    return index;
  };
  add(null, -1, 0);
  return { nodes, leaves, postOrder };
}

/** Effective weight of every node when nothing is missing: product of the sibling-normalised weights down the path. */
export function effectiveWeights(compiled: CompiledScheme, weights: ArrayLike<number> = compiled.nodes.map((n) => n.weight)): number[] {
  const eff = new Array<number>(compiled.nodes.length).fill(0);
  eff[0] = 1;
  for (const node of compiled.nodes) {
    if (node.children.length === 0) continue;
    let sum = 0;
    for (const c of node.children) sum += weights[c]!;
    for (const c of node.children) eff[c] = (eff[node.index]! * weights[c]!) / sum;
  }
  return eff;
}
