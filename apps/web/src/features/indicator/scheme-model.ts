import type {
  TEvaluationScheme,
  TEvaluationSchemeInput,
  TIndicator,
  TNormalisationMethod,
  TSchemeGroup,
  TSchemeIndicator,
  TSchemeNode,
  TStandardDeviation,
  TStoredScheme,
  TTierReference,
  TTransform,
} from '@kechuang/contracts';

/** The editor's flat shape: level-1 groups holding indicators (deeper trees are shown read-only). */
export interface LeafForm {
  code: string;
  weight: number;
  polarity: 'positive' | 'negative';
  method: TNormalisationMethod;
  standard?: number | null;
  cap?: number | null;
  /** before normalisation, for minmax and zscore */
  transform?: TTransform;
  /** zscore only */
  sd?: TStandardDeviation;
}
export interface GroupForm {
  key?: string;
  name: string;
  weight: number;
  children: LeafForm[];
}
export interface TierForm {
  name: string;
  /** fixed: a score; average / region: a percentage of the reference score */
  minScore: number;
  exclusive?: boolean;
  reference?: TTierReference;
  regionCode?: string;
}
export interface SchemeForm {
  name: string;
  description?: string;
  level: 2 | 3;
  parentRegionCode: string;
  aggregation: 'arithmetic' | 'geometric';
  missing: 'zero' | 'mean' | 'reweight';
  groups: GroupForm[];
  tiers: TierForm[];
}

export function isFlat(def: TEvaluationScheme): boolean {
  return def.groups.every((g) => g.children.every((c) => c.kind === 'indicator'));
}

export function toForm(s: TStoredScheme): SchemeForm {
  return {
    name: s.name,
    description: s.description,
    level: s.level,
    parentRegionCode: s.parentRegionCode,
    aggregation: s.definition.aggregation,
    missing: s.definition.missing,
    tiers: s.definition.tiers.map((t) => ({
      name: t.name,
      minScore: t.minScore,
      exclusive: t.exclusive ?? false,
      reference: t.reference ?? 'fixed',
      ...(t.regionCode ? { regionCode: t.regionCode } : {}),
    })),
    groups: s.definition.groups.map((g) => ({
      key: g.key,
      name: g.name,
      weight: g.weight,
      children: g.children
        .filter((c): c is TSchemeIndicator => c.kind === 'indicator')
        .map((c) => ({
          code: c.code,
          weight: c.weight,
          polarity: c.polarity,
          method: c.normalisation.method,
          transform: c.transform ?? 'none',
          ...(c.normalisation.method === 'standard' ? { standard: c.normalisation.standard, cap: c.normalisation.cap } : {}),
          ...(c.normalisation.method === 'zscore' ? { sd: c.normalisation.sd ?? 'population' } : {}),
        })),
    })),
  };
}

export function fromForm(f: SchemeForm, catalog: Map<string, TIndicator>): TEvaluationSchemeInput {
  const used = new Set<string>();
  return {
    name: f.name.trim(),
    description: (f.description ?? '').trim(),
    level: f.level,
    parentRegionCode: f.parentRegionCode,
    definition: {
      aggregation: f.aggregation,
      missing: f.missing,
      tiers: (f.tiers ?? []).map((t) => ({
        name: t.name.trim(),
        minScore: t.minScore,
        ...(t.exclusive ? { exclusive: true } : {}),
        ...(t.reference && t.reference !== 'fixed' ? { reference: t.reference } : {}),
        ...(t.reference === 'region' && t.regionCode ? { regionCode: t.regionCode.trim() } : {}),
      })),
      groups: f.groups.map((g, gi) => {
        let key = (g.key ?? '').trim() || `g${gi + 1}`;
        while (used.has(key)) key = `${key}_${gi + 1}`;
        used.add(key);
        return {
          kind: 'group' as const,
          key,
          name: g.name.trim(),
          weight: g.weight,
          children: (g.children ?? []).map((c) => ({
            kind: 'indicator' as const,
            code: c.code,
            name: catalog.get(c.code)?.nameZh ?? c.code,
            weight: c.weight,
            polarity: c.polarity,
            // a transform only with the methods computed over the regions (the engine refuses it otherwise)
            ...((c.method === 'minmax' || c.method === 'zscore') && c.transform && c.transform !== 'none'
              ? { transform: c.transform }
              : {}),
            normalisation:
              c.method === 'standard'
                ? { method: 'standard' as const, standard: c.standard ?? 1, cap: c.cap ?? 100 }
                : c.method === 'zscore'
                  ? { method: 'zscore' as const, ...(c.sd === 'sample' ? { sd: 'sample' as const } : {}) }
                  : { method: c.method as 'minmax' | 'target' },
          })),
        };
      }),
    },
  };
}

/** A starting point a bureau can adjust: three groups of commonly assessed indicators. */
export function starterScheme(parentRegionCode: string, level: 2 | 3): SchemeForm {
  const leaf = (code: string, weight: number): LeafForm => ({ code, weight, polarity: 'positive', method: 'minmax', transform: 'none' });
  return {
    name: '',
    description: '',
    level,
    parentRegionCode,
    aggregation: 'arithmetic',
    missing: 'zero',
    groups: [
      { name: '创新投入', weight: 40, children: [leaf('rd_intensity', 60), leaf('fiscal_st_share', 40)] },
      { name: '创新主体', weight: 30, children: [leaf('hnte_count', 50), leaf('tech_sme_count', 50)] },
      { name: '创新产出', weight: 30, children: [leaf('tech_contract_turnover', 50), leaf('invention_patents_per_10k', 50)] },
    ],
    tiers: [
      { name: '第一梯队', minScore: 80, reference: 'fixed' },
      { name: '第二梯队', minScore: 60, reference: 'fixed' },
      { name: '第三梯队', minScore: 0, reference: 'fixed' },
    ],
  };
}

/** indicator code → names of the groups above it (for the breakdown). */
export function groupPaths(def: TEvaluationScheme): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (nodes: TSchemeNode[], path: string[]) => {
    for (const n of nodes) {
      if (n.kind === 'indicator') out.set(n.code, path);
      else walk(n.children, [...path, n.name]);
    }
  };
  walk(def.groups as TSchemeGroup[], []);
  return out;
}

export function countIndicators(def: TEvaluationScheme): number {
  return groupPaths(def).size;
}
