import { describe, expect, it } from 'vitest';
import { assessHnte } from './assess-hnte.ts';
import { assessTechSme } from './assess-tech-sme.ts';
import { D } from './decimal.ts';
import { quotientText } from './display.ts';
import { conditionOf, goodInput, goodYear, parseInput, randomInt, scoreItemOf, seededRandom, wan, withYear } from './enterprise.factory.ts';
import { hnte2016 } from './rule-packs/hnte-2016.ts';
import { techSme2022 } from './rule-packs/tech-sme-2022.ts';

// Property-style checks: values placed exactly on a boundary (often values a binary float cannot hold, like 0.3)
// must land on the inclusive side, and the smallest step below must not. Each test also counts how often a float
// computation would have decided otherwise, to show the cases are real.
const at = '2026-06-01';
const runs = 300;

describe('decimal boundaries', () => {
  it('HNTE C4: staff = employees × 10% as decimal strings is always met; one millionth less never is', () => {
    const random = seededRandom(1);
    let floatWrong = 0;
    for (let i = 0; i < runs; i++) {
      const k = randomInt(random, 1, 9_999_999);
      const employees = new D(k).dividedBy(100);
      const staff = employees.dividedBy(10);
      if (Number(staff.toString()) / Number(employees.toString()) < 0.1) floatWrong++;
      const input = (s: string) => parseInput(withYear(goodInput(), 2025, { employeesAvg: employees.toString(), techStaffAvg: s }));
      expect(conditionOf(assessHnte(input(staff.toString()), hnte2016, at), 'hnte.c4').status, staff.toString()).toBe('met');
      const below = staff.minus('0.000001').toString();
      expect(conditionOf(assessHnte(input(below), hnte2016, at), 'hnte.c4').status, below).toBe('unmet');
    }
    expect(floatWrong).toBeGreaterThan(0);
  });

  it('HNTE C5: R&D exactly at the tier ratio of random sales is met; one 分 less is unmet', () => {
    const random = seededRandom(2);
    const bounds = [wan(5000), wan(20000)];
    for (let i = 0; i < runs; i++) {
      const sales = [0, 1, 2].map(() => randomInt(random, 1, 4_000_000) * 10_000);
      // a third of the runs put last-year sales exactly on a tier bound
      if (i % 3 === 0) sales[2] = bounds[i % 2] as number;
      const last = sales[2] as number;
      const t = last <= wan(5000) ? 0.05 : last <= wan(20000) ? 0.04 : 0.03;
      const rd = sales.map((s) => new D(s).times(t).toNumber());
      const raw = (delta: number) =>
        goodInput({
          years: sales.map((s, y) =>
            goodYear(2023 + y, { salesFen: s, rdExpense: { personnelFen: (rd[y] as number) + (y === 2 ? delta : 0) } }),
          ),
        });
      const status = (delta: number) => conditionOf(assessHnte(parseInput(raw(delta)), hnte2016, at), 'hnte.c5.ratio').status;
      expect(status(0), `${sales} at ${t}`).toBe('met');
      expect(status(-1), `${sales} at ${t}`).toBe('unmet');
    }
  });

  it('HNTE growth: a rate exactly on 5/15/25/35% lands in the higher band, one 分 less in the lower', () => {
    const random = seededRandom(3);
    const boundaries = [
      ['0.05', [3, 4], [1, 2]],
      ['0.15', [5, 6], [3, 4]],
      ['0.25', [7, 8], [5, 6]],
      ['0.35', [9, 10], [7, 8]],
    ] as const;
    let floatWrong = 0;
    for (let i = 0; i < runs; i++) {
      const [t, atBand, belowBand] = boundaries[i % 4] as (typeof boundaries)[number];
      // Y2/Y1 = 1 + t + d and Y3/Y2 = 1 + t − d, so 1/2 × (Y2/Y1 + Y3/Y2) − 1 = t exactly.
      const d = new D(randomInt(random, 0, 999)).dividedBy(10_000);
      const a = new D(100_000_000);
      const b = a.times(new D(1).plus(t).plus(d));
      const c = b.times(new D(1).plus(t).minus(d));
      if (0.5 * (b.toNumber() / a.toNumber() + c.toNumber() / b.toNumber()) - 1 < Number(t)) floatWrong++;
      const band = (last: number) => {
        const values = [a.toNumber(), b.toNumber(), last];
        const raw = goodInput({ years: values.map((v, y) => goodYear(2023 + y, { netAssetsFen: v })) });
        const item = scoreItemOf(assessHnte(parseInput(raw), hnte2016, at), 'hnte.score.netAssetGrowth');
        return [item.min, item.max];
      };
      expect(band(c.toNumber()), `${a} ${b} ${c}`).toEqual(atBand);
      expect(band(c.toNumber() - 1), `${a} ${b} ${c}`).toEqual(belowBand);
    }
    expect(floatWrong).toBeGreaterThan(0);
  });

  it('科技型中小企业: staff and R&D ratios exactly on each band bound score that band', () => {
    const random = seededRandom(4);
    const staffBands = [
      ['0.30', 20],
      ['0.25', 16],
      ['0.20', 12],
      ['0.15', 8],
      ['0.10', 4],
    ] as const;
    const rdBands = [
      ['0.06', 50],
      ['0.05', 40],
      ['0.04', 30],
      ['0.03', 20],
      ['0.02', 10],
    ] as const;
    for (let i = 0; i < runs; i++) {
      const [st, sp] = staffBands[i % 5] as (typeof staffBands)[number];
      const [rt, rp] = rdBands[i % 5] as (typeof rdBands)[number];
      const employees = new D(randomInt(random, 1, 50_000)).dividedBy(100);
      const sales = randomInt(random, 1, 2_000_000) * 100;
      const raw = goodInput({
        years: [
          goodYear(2025, {
            employeesAvg: employees.toString(),
            techStaffAvg: employees.times(st).toString(),
            salesFen: sales,
            costExpenseFen: wan(10_000_000),
            rdExpense: { personnelFen: new D(sales).times(rt).toNumber() },
          }),
        ],
      });
      const result = assessTechSme(parseInput(raw), techSme2022, at);
      expect(scoreItemOf(result, 'techSme.score.staff').min, `${employees} × ${st}`).toBe(sp);
      expect(scoreItemOf(result, 'techSme.score.rd').min, `${sales} × ${rt}`).toBe(rp);
    }
  });
});

describe('display rounding', () => {
  it('shows the exact floor and ceiling of a quotient, also for values exactly on a rounding edge', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const den = new D(randomInt(random, 1, 1_000_000_000));
      // every third numerator is an exact multiple of 10^-places of the denominator (a rounding edge)
      const num = i % 3 === 0 ? den.times(randomInt(random, 0, 100_000)).dividedBy(10_000) : new D(randomInt(random, 0, 2_000_000_000));
      for (const places of [0, 2, 4, 10]) {
        const exact = num.dividedBy(den).times(new D(10).pow(places));
        expect(quotientText(num, den, places, 'down'), `${num}/${den}`).toBe(exact.floor().dividedBy(new D(10).pow(places)).toFixed());
        expect(quotientText(num, den, places, 'up'), `${num}/${den}`).toBe(exact.ceil().dividedBy(new D(10).pow(places)).toFixed());
      }
    }
  });
});
