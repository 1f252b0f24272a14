import { type Client, createTestApp, type TestApp } from './testing.ts';

/*
 * What the evaluation tests start from: a hand-checkable dataset of three counties of 衡阳 in 2018 and 2019 (the
 * demo's own data starts in 2022; 2018 gives 进位/退位 something to compare with) and a scheme that ranks them.
 */

/** The dataset as the value import reads it: R&D spending and GDP (rd_intensity is derived from them), 高新技术企业. */
export const countyValueRows = [
  ['指标代码', '地区代码', '期间', '类型', '数值'],
  ['rd_expenditure', '430405', '2018', '实际', '3000'],
  ['gdp', '430405', '2018', '实际', '100000'],
  ['rd_expenditure', '430422', '2018', '实际', '1000'],
  ['gdp', '430422', '2018', '实际', '100000'],
  ['rd_expenditure', '430405', '2019', '实际', '12000'],
  ['gdp', '430405', '2019', '实际', '1000000'],
  ['hnte_count', '430405', '2019', '实际', '50'],
  ['rd_expenditure', '430422', '2019', '实际', '34000'],
  ['gdp', '430422', '2019', '实际', '2500000'],
  ['hnte_count', '430422', '2019', '实际', '120'],
  ['rd_expenditure', '430481', '2019', '实际', '5000'],
  ['gdp', '430481', '2019', '实际', '500000'],
  ['hnte_count', '430481', '2019', '实际', '80'],
];

/** A test server with the demo data, the planner signed in, and the dataset imported (applied, not a dry run). */
export async function startWithCountyValues(): Promise<{ t: TestApp; planner: Client }> {
  const t = await createTestApp();
  const planner = await t.login('planner');
  const res = await planner.request({
    method: 'POST',
    url: '/api/indicators/values/import?dryRun=false',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(countyValueRows.map((r) => r.join(',')).join('\n')),
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { t, planner };
}

/**
 * A scheme ranking 衡阳's counties (level 3) on 创新投入: rd_intensity against a standard of 2.5% (weight 3) and
 * hnte_count against 100 (weight 1), a missing value counting as zero, in the tiers given.
 */
export function countyScheme(name: string, tiers: { name: string; minScore: number }[]) {
  return {
    name,
    level: 3,
    parentRegionCode: '430400',
    definition: {
      groups: [
        {
          kind: 'group',
          key: 'input',
          name: '创新投入',
          weight: 1,
          children: [
            {
              kind: 'indicator',
              code: 'rd_intensity',
              weight: 3,
              polarity: 'positive',
              normalisation: { method: 'standard', standard: 2.5 },
            },
            {
              kind: 'indicator',
              code: 'hnte_count',
              weight: 1,
              polarity: 'positive',
              normalisation: { method: 'standard', standard: 100 },
            },
          ],
        },
      ],
      missing: 'zero',
      tiers,
    },
  };
}
