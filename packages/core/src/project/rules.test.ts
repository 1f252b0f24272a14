import { describe, expect, it } from 'vitest';
import { budgetProblems } from './budget.ts';
import { callWindow, daysLeft, shanghaiIso } from './call-time.ts';
import { eligibilityMessage, eligibilityReasons } from './eligibility.ts';
import { type CheckedApplication, formalFindings } from './formal-findings.ts';
import { jaccard, similarTitlePairs, titleBigrams } from './title-similarity.ts';

describe('eligibility rules', () => {
  const rules = { applicantKinds: ['enterprise' as const], regionCodes: [], rungsAnyOf: ['techSme' as const, 'hnte' as const] };
  it('accepts an enterprise of the call region holding one of the rungs', () => {
    expect(eligibilityReasons(rules, '430400', { orgKind: 'enterprise', regionCode: '430408', rungs: ['hnte'] })).toEqual([]);
  });
  it('refuses an institute when only enterprises may apply', () => {
    const r = eligibilityReasons(rules, '430400', { orgKind: 'institute', regionCode: '430407', rungs: [] });
    expect(r.map((x) => x.rule)).toEqual(['applicantKind', 'rung']);
    expect(eligibilityMessage(r[0] as never)).toBe('申报单位类型须为：企业');
  });
  it('refuses an applicant outside the call region subtree', () => {
    expect(
      eligibilityReasons(rules, '430400', { orgKind: 'enterprise', regionCode: '420102', rungs: ['techSme'] }).map((x) => x.rule),
    ).toEqual(['region']);
  });
  it('uses the listed regions instead of the call region when given', () => {
    const only = { ...rules, regionCodes: ['430481'] };
    expect(
      eligibilityReasons(only, '430400', { orgKind: 'enterprise', regionCode: '430408', rungs: ['techSme'] }).map((x) => x.rule),
    ).toEqual(['region']);
    expect(eligibilityReasons(only, '430400', { orgKind: 'enterprise', regionCode: '430481', rungs: ['techSme'] })).toEqual([]);
  });
  it('refuses an enterprise holding none of the rungs, and names them', () => {
    const r = eligibilityReasons(rules, '430400', { orgKind: 'enterprise', regionCode: '430408', rungs: ['specialized'] });
    expect(r).toHaveLength(1);
    expect(eligibilityMessage(r[0] as never)).toBe('申报单位须为以下之一：科技型中小企业、高新技术企业');
  });
  it('has no ladder condition when no rung is listed', () => {
    expect(eligibilityReasons({ ...rules, rungsAnyOf: [] }, '430400', { orgKind: 'enterprise', regionCode: '430408', rungs: [] })).toEqual(
      [],
    );
  });
});

describe('budget sums', () => {
  const lines = [
    { category: 'equipment' as const, fiscalFen: 10_000_000, selfFen: 5_000_000 },
    { category: 'business' as const, fiscalFen: 20_000_000, selfFen: 0 },
  ];
  it('accepts totals equal to the column sums within the maximum grant', () => {
    expect(budgetProblems(lines, { fiscalFen: 30_000_000, selfFen: 5_000_000 }, 30_000_000)).toEqual([]);
  });
  it('reports each column that does not add up, with the expected sum', () => {
    expect(budgetProblems(lines, { fiscalFen: 30_000_001, selfFen: 4_999_999 }, 50_000_000)).toEqual([
      { kind: 'fiscal_sum', expectedFen: 30_000_000, statedFen: 30_000_001 },
      { kind: 'self_sum', expectedFen: 5_000_000, statedFen: 4_999_999 },
    ]);
  });
  it('reports a fiscal total over the maximum grant by one 分', () => {
    expect(budgetProblems(lines, { fiscalFen: 30_000_000, selfFen: 5_000_000 }, 29_999_999).map((p) => p.kind)).toEqual(['over_max_grant']);
  });
  it('reports a category listed twice', () => {
    expect(budgetProblems([...lines, lines[0] as never], { fiscalFen: 40_000_000, selfFen: 10_000_000 }, 1e9).map((p) => p.kind)).toEqual([
      'duplicate_category',
    ]);
  });
  it('adds large amounts exactly (no floating point)', () => {
    const big = [
      { category: 'equipment' as const, fiscalFen: 2 ** 52, selfFen: 0 },
      { category: 'business' as const, fiscalFen: 1, selfFen: 0 },
    ];
    expect(budgetProblems(big, { fiscalFen: 2 ** 52 + 1, selfFen: 0 }, Number.MAX_SAFE_INTEGER)).toEqual([]);
  });
});

describe('call window (Asia/Shanghai)', () => {
  const call = { opensAt: new Date('2026-03-01T09:00:00+08:00'), closesAt: new Date('2026-03-31T17:00:00+08:00') };
  it('is upcoming until the opening instant, open from it', () => {
    expect(callWindow(call, new Date('2026-03-01T08:59:59.999+08:00'))).toBe('upcoming');
    expect(callWindow(call, new Date('2026-03-01T01:00:00Z'))).toBe('open');
  });
  it('is open until just before the closing instant and ended at it', () => {
    expect(callWindow(call, new Date('2026-03-31T16:59:59.999+08:00'))).toBe('open');
    expect(callWindow(call, new Date('2026-03-31T09:00:00Z'))).toBe('ended');
  });
  it('writes instants in China Standard Time', () => {
    expect(shanghaiIso(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01T00:30:00+08:00');
  });
  it('counts days left in Beijing calendar days', () => {
    // 23:30 UTC on 30 March is already 31 March in Beijing: the closing day, 0 days left
    expect(daysLeft(call.closesAt, new Date('2026-03-30T23:30:00Z'))).toBe(0);
    expect(daysLeft(call.closesAt, new Date('2026-03-30T15:59:00Z'))).toBe(1);
  });
});

describe('near-duplicate titles', () => {
  it('measures character-bigram Jaccard, ignoring punctuation and spaces', () => {
    expect(jaccard(titleBigrams('智能 检测'), titleBigrams('智能检测'))).toBe(1);
    expect(jaccard(titleBigrams('abcd'), titleBigrams('abce'))).toBeCloseTo(2 / 4);
  });
  it('pairs titles at or above the threshold and nothing else', () => {
    const titles = [
      '基于深度学习的轴承故障智能检测方法研究',
      '基于深度学习的轴承故障智能检测技术研究',
      '稻田土壤重金属修复示范',
      '湘江流域水质监测',
    ];
    const pairs = similarTitlePairs(titles, 0.7);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 1]]);
    expect(pairs[0]?.similarity).toBeCloseTo(jaccard(titleBigrams(titles[0] as string), titleBigrams(titles[1] as string)));
  });
});

describe('formal-check findings', () => {
  const app = (id: number, over: Partial<CheckedApplication> = {}): CheckedApplication => ({
    id,
    title: `互不相同的题目${'甲乙丙丁戊己庚辛'[id]}${id}号课题`,
    orgId: 100 + id,
    leaderPersonId: 200 + id,
    submittedAt: new Date(2026, 2, id),
    eligibility: [],
    barred: null,
    ...over,
  });
  it('finds nothing in clean applications', () => {
    const f = formalFindings([app(1), app(2)], { limitPerUnit: 1, limitPerLeader: 1 }, 0.9);
    expect([...f.values()].flat()).toEqual([]);
  });
  it('flags the applications of a unit beyond its limit, in submission order', () => {
    const f = formalFindings(
      [app(3, { orgId: 9 }), app(1, { orgId: 9 }), app(2, { orgId: 9 })],
      { limitPerUnit: 2, limitPerLeader: null },
      0.9,
    );
    expect(f.get(1)).toEqual([]);
    expect(f.get(2)).toEqual([]);
    expect(f.get(3)?.map((x) => [x.kind, x.severity])).toEqual([['over_unit_limit', 'block']]);
  });
  it('warns of the same leader within the limit and blocks beyond it', () => {
    const f = formalFindings(
      [app(1, { leaderPersonId: 7 }), app(2, { leaderPersonId: 7 })],
      { limitPerUnit: null, limitPerLeader: 1 },
      0.9,
    );
    expect(f.get(1)?.map((x) => [x.kind, x.severity, x.related])).toEqual([['same_leader', 'warn', [2]]]);
    expect(f.get(2)?.map((x) => [x.kind, x.severity, x.related])).toEqual([['over_leader_limit', 'block', [1]]]);
  });
  it('warns both applications of a near-duplicate title', () => {
    const f = formalFindings(
      [app(1, { title: '轴承故障智能检测方法研究' }), app(2, { title: '轴承故障智能检测方法的研究' })],
      { limitPerUnit: null, limitPerLeader: null },
      0.7,
    );
    expect(f.get(1)?.[0]?.kind).toBe('duplicate_title');
    expect(f.get(2)?.[0]?.related).toEqual([1]);
  });
  it('blocks ineligible and barred applications with their reasons', () => {
    const f = formalFindings([app(1, { eligibility: ['申报单位类型须为：企业'], barred: '严重失信，限制申报至2027-12-31' })], {
      limitPerUnit: null,
      limitPerLeader: null,
    });
    expect(f.get(1)?.map((x) => [x.kind, x.message])).toEqual([
      ['not_eligible', '申报单位类型须为：企业'],
      ['barred', '严重失信，限制申报至2027-12-31'],
    ]);
  });
});

describe('near-duplicate titles at scale', () => {
  it('finds exactly the pairs a brute-force comparison finds', () => {
    const parts = [
      ['高温合金', '稻田土壤', '锂电池', '光谱仪', '中药材'],
      ['叶片', '重金属', '正极材料', '探测器', '种植'],
      ['关键技术研究', '修复示范', '智能检测方法研究', '绿色制备工艺', '产业化'],
    ];
    const titles: string[] = [];
    for (let i = 0; i < 300; i++)
      titles.push(
        `${parts[0]?.[i % 5]}${parts[1]?.[(i * 7) % 5]}${parts[2]?.[(i * 3) % 5]}${i % 4 === 0 ? '的研究' : ''}${i % 9 === 0 ? `第${i}期` : ''}`,
      );
    for (const t of [0.5, 0.7, 0.9]) {
      const brute: string[] = [];
      for (let b = 0; b < titles.length; b++)
        for (let a = 0; a < b; a++)
          if (jaccard(titleBigrams(titles[a] as string), titleBigrams(titles[b] as string)) >= t) brute.push(`${a}-${b}`);
      expect(
        similarTitlePairs(titles, t)
          .map((p) => `${p.a}-${p.b}`)
          .sort(),
      ).toEqual(brute.sort());
    }
  });
});
