import type { DB, Transaction } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import { validateScheme } from '../indicator/evaluation/index.ts';
import { type NewValue, writeValues } from '../indicator/write-values.ts';
import type { DemoEnterprise } from './demo-enterprises.ts';
import { rungCounts } from './demo-ladder.ts';

/*
 * Demo indicators: the twelve counties and districts of 衡阳 for 2022–2025 — GDP, R&D, fiscal
 * S&T spending, enterprise counts, patents, population — illustrative figures of a plausible size, not
 * official statistics. The city's values are left to the roll-up (ΣR&D / ΣGDP …) except its 2025 targets
 * from the 2021 工作要点 style (研发投入强度 2.2%). One evaluation scheme ranks the counties.
 */

// code, GDP 2022 (万元), R&D intensity 2022 (%), population (万人)
const counties: Array<[string, number, number, number]> = [
  ['430405', 2_050_000, 1.9, 34],
  ['430406', 1_780_000, 1.4, 25],
  ['430407', 1_690_000, 2.3, 27],
  ['430408', 2_480_000, 2.6, 38],
  ['430412', 520_000, 0.9, 6],
  ['430421', 3_520_000, 1.5, 87],
  ['430422', 3_380_000, 1.6, 82],
  ['430423', 1_820_000, 1.7, 36],
  ['430424', 2_410_000, 1.8, 55],
  ['430426', 2_890_000, 1.3, 82],
  ['430481', 4_960_000, 1.2, 112],
  ['430482', 3_010_000, 1.6, 74],
];
const years = [2022, 2023, 2024, 2025];

function demoValues(): NewValue[] {
  const out: NewValue[] = [];
  const add = (indicatorCode: string, regionCode: string, period: string, value: number, kind: NewValue['kind'] = 'actual', decimals = 0) =>
    out.push({
      indicatorCode,
      regionCode,
      period,
      kind,
      value: value.toFixed(decimals),
      source: 'file',
      sourceRef: '演示数据',
      note: null,
    });
  counties.forEach(([code, gdp0, rd0, pop], i) => {
    years.forEach((y, k) => {
      const gdp = gdp0 * 1.055 ** k;
      const intensity = rd0 + 0.08 * k + ((i + k) % 3) * 0.03;
      const p = String(y);
      add('gdp', code, p, gdp);
      add('rd_expenditure', code, p, (gdp * intensity) / 100);
      add('population', code, p, pop - 0.3 * k, 'actual', 2);
      add('fiscal_expenditure', code, p, gdp * 0.12);
      add('fiscal_st_expenditure', code, p, gdp * 0.12 * (0.012 + 0.002 * ((i + k) % 4)));
      add('hitech_value_added', code, p, gdp * (0.18 + 0.01 * k + 0.01 * (i % 5)));
      add('invention_patents', code, p, 80 + ((i * 37) % 300) + 25 * k);
      add('tech_contract_turnover', code, p, gdp * (0.01 + 0.002 * (i % 6)) * (1 + 0.1 * k));
    });
  });
  // the city's 2025 targets (as its plan sets them); actuals come from the counties
  add('rd_intensity', '430400', '2025', 2.2, 'target', 2);
  add('hitech_value_added_share', '430400', '2025', 25, 'target', 2);
  add('tech_sme_count', '430400', '2025', 600, 'target');
  add('rd_intensity', '430400', '2020', 1.75, 'baseline', 2);
  return out;
}

/**
 * 科技型中小企业数 and 高新技术企业数 of each county from 2022 to this year, counted from the demo registry
 * (holding the rung on 31 December, as the registry sync counts): the funnel and the indicator agree.
 */
function registryValues(enterprises: DemoEnterprise[], thisYear: number): NewValue[] {
  const out: NewValue[] = [];
  for (let y = 2022; y <= thisYear; y++)
    for (const [rung, indicatorCode] of [
      ['techSme', 'tech_sme_count'],
      ['hnte', 'hnte_count'],
    ] as const) {
      const byCounty = rungCounts(enterprises, rung, y);
      for (const [code] of counties)
        out.push({
          indicatorCode,
          regionCode: code,
          period: String(y),
          kind: 'actual',
          value: String(byCounty.get(code) ?? 0),
          source: 'registry',
          sourceRef: `企业库梯度状态（${y}-12-31 在有效期内，演示）`,
          note: null,
        });
    }
  return out;
}

const ind = (code: string, weight: number, normalisation: Record<string, unknown>) => ({
  kind: 'indicator',
  code,
  weight,
  polarity: 'positive',
  normalisation,
});

export const demoScheme = {
  name: '衡阳市县市区科技创新综合考评（示例）',
  description: '演示方案：投入、企业、产出三组指标；研发投入强度按统计监测标准值 2.5% 折算（封顶 100），其余按极差标准化。',
  definition: {
    groups: [
      {
        kind: 'group',
        key: 'input',
        name: '创新投入',
        weight: 0.4,
        children: [
          ind('rd_intensity', 2, { method: 'standard', standard: 2.5 }),
          ind('fiscal_st_share', 1, { method: 'standard', standard: 5 }),
        ],
      },
      {
        kind: 'group',
        key: 'enterprise',
        name: '企业创新',
        weight: 0.3,
        children: [ind('tech_sme_count', 1, { method: 'minmax' }), ind('hitech_value_added_share', 1, { method: 'minmax' })],
      },
      {
        kind: 'group',
        key: 'output',
        name: '创新产出',
        weight: 0.3,
        children: [ind('invention_patents_per_10k', 1, { method: 'minmax' }), ind('tech_contract_share_gdp', 1, { method: 'minmax' })],
      },
    ],
    missing: 'reweight',
    tiers: [
      { name: '第一梯队', minScore: 70 },
      { name: '第二梯队', minScore: 50 },
      { name: '第三梯队', minScore: 0 },
    ],
  },
};

/** Writes the demo indicator values and the demo scheme inside the demo loader's transaction. */
export async function loadDemoIndicators(tx: Transaction<DB>, now: Date, enterprises: DemoEnterprise[]): Promise<{ values: number }> {
  const counts = await writeValues(tx, [...demoValues(), ...registryValues(enterprises, Number(bureauDate(now).slice(0, 4)))], {
    userId: null,
    via: 'demo',
    now,
  });
  await tx
    .insertInto('evaluation_scheme')
    .values({
      name: demoScheme.name,
      description: demoScheme.description,
      level: 3,
      parent_region_code: '430400',
      definition: JSON.stringify(validateScheme(demoScheme.definition)),
      created_by: null,
    })
    .execute();
  return { values: counts.created };
}
