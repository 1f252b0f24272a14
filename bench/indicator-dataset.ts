/**
 * A synthetic national indicator dataset: every current county-level region × 30 indicators ×
 * 10 years of actual values, as one values file (CSV, the import layout) per province. Deterministic:
 * a county's size and growth come from a hash of its code, so runs compare.
 *
 * The 30 stored indicators are the summable ones (GDP, R&D, fiscal, enterprise counts …) plus three that
 * are not aggregable; ratios such as 研发投入强度 are left to be derived (ΣR&D / ΣGDP) at every level.
 */

export const datasetIndicators: Array<[code: string, base: number, decimals: number]> = [
  ['gdp', 3_000_000, 0],
  ['population', 60, 2],
  ['employed_persons', 35, 2],
  ['fiscal_expenditure', 400_000, 0],
  ['industrial_enterprises', 180, 0],
  ['enterprise_revenue', 2_000_000, 0],
  ['new_registered_enterprises', 1500, 0],
  ['rd_expenditure', 45_000, 0],
  ['fiscal_st_expenditure', 9000, 0],
  ['rd_personnel', 1800, 0],
  ['enterprise_rd_expenditure', 30_000, 0],
  ['rd_tax_deduction', 4000, 0],
  ['st_popularization_funding', 300, 1],
  ['st_project_funding', 2500, 0],
  ['hnte_count', 60, 0],
  ['tech_sme_count', 120, 0],
  ['industrial_enterprises_with_rd', 70, 0],
  ['new_product_revenue', 350_000, 0],
  ['provincial_platform_count', 12, 0],
  ['municipal_platform_count', 30, 0],
  ['new_rd_institution_count', 3, 0],
  ['incubator_count', 5, 0],
  ['st_commissioner_count', 80, 0],
  ['talent_count', 150, 0],
  ['invention_patents', 900, 0],
  ['high_value_invention_patents', 300, 0],
  ['tech_contract_turnover', 60_000, 0],
  ['fiscal_st_growth', 8, 2],
  ['st_progress_contribution', 55, 2],
  ['energy_per_gdp', 0.45, 4],
];

/** a hash of a string into [0, 1) */
function unit(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1_000_000) / 1_000_000;
}

export interface DatasetRegion {
  code: string;
}

/** CSV text of one province's counties over the years. */
export function provinceCsv(counties: DatasetRegion[], years: number[]): { csv: string; rows: number } {
  const lines = ['指标代码,地区代码,期间,类型,数值'];
  for (const c of counties) {
    const size = 0.2 + 2.5 * unit(c.code);
    const growth = 0.02 + 0.1 * unit(`${c.code}g`);
    for (const [code, base, decimals] of datasetIndicators) {
      const own = 0.5 + unit(`${c.code}${code}`);
      for (const [i, y] of years.entries()) {
        const trend = (1 + growth) ** i;
        const noise = 0.9 + 0.2 * unit(`${c.code}${code}${y}`);
        const scaled = code === 'fiscal_st_growth' || code === 'st_progress_contribution' || code === 'energy_per_gdp';
        const v = (scaled ? base * own : base * size * own * trend) * noise;
        lines.push(`${code},${c.code},${y},实际,${v.toFixed(decimals)}`);
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}
