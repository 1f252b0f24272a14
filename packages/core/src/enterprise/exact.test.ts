import { describe, expect, it } from 'vitest';
import { D } from './decimal.ts';
import { quotientText } from './display.ts';
import { randomInt, seededRandom } from './enterprise.factory.ts';
import { micros, quotient, scaledText } from './exact.ts';
import { countRdExpense } from './fiscal.ts';
import { countRdUnits, rdUnitsOf, unitsText } from './rd-units.ts';
import { hnte2016 } from './rule-packs/hnte-2016.ts';
import { techSme2022 } from './rule-packs/tech-sme-2022.ts';

// The integer fast paths must give exactly the texts and values of the decimal.js versions they replace.
describe('exact integer arithmetic', () => {
  it('quotient matches quotientText, also for values exactly on a rounding edge and for negative quotients', () => {
    const random = seededRandom(11);
    const edges: Array<[number, number]> = [
      [1, 3],
      [2, 3],
      [6, 3],
      [5, 100],
      [-5, 100],
      [1, -3],
      [0, 7],
      [99_999_999, 100_000_000],
      [Number.MAX_SAFE_INTEGER, 3],
      [Number.MAX_SAFE_INTEGER, 1],
    ];
    for (let i = 0; i < 2_000; i++) {
      const den = randomInt(random, 1, 1_000_000);
      const num = i % 2 === 0 ? randomInt(random, -1_000, 1_000) * den : randomInt(random, -10_000_000, 10_000_000);
      edges.push([num, den]);
    }
    for (const [num, den] of edges) {
      for (const [places, factor] of [
        [0, 1],
        [2, 1],
        [2, 100],
        [10, 1],
      ] as const) {
        for (const mode of ['down', 'up'] as const) {
          const expected = quotientText(new D(num), new D(den), places, mode, factor);
          expect(quotient(BigInt(num), BigInt(den), places, mode, factor), `${num}/${den} ${places} ${mode} ×${factor}`).toBe(expected);
        }
      }
    }
  });

  it('head counts parse to millionths and print as decimal.js does', () => {
    for (const s of ['0', '0.0', '007.50', '12.5', '500.000001', '999999999.999999', '123456789012.123456', '1234567890', '3.000000']) {
      expect(micros(s)).toBe(BigInt(new D(s).times(1_000_000).toFixed()));
      expect(scaledText(micros(s), 6)).toBe(new D(s).toFixed());
    }
  });

  it('R&D counted in integer units equals countRdExpense, with and without the 20% cap', () => {
    const random = seededRandom(12);
    const big = [0, 1, 7, 1_000_000, 4_000_000_000_000, Number.MAX_SAFE_INTEGER];
    for (const pack of [hnte2016, techSme2022]) {
      const u = rdUnitsOf(pack);
      expect(u).not.toBeNull();
      if (u === null) return;
      for (let i = 0; i < 1_000; i++) {
        const v = () => (i % 10 === 0 ? (big[randomInt(random, 0, big.length - 1)] as number) : randomInt(random, 0, 9_999_999));
        const rd = {
          personnelFen: v(),
          directInputFen: v(),
          depreciationFen: v(),
          amortisationFen: v(),
          designFen: v(),
          trialFen: v(),
          outsourcedDomesticFen: v(),
          outsourcedForeignFen: v(),
          otherFen: v(),
          abroadFen: v(),
        };
        const expected = countRdExpense(rd, pack);
        const counted = countRdUnits(rd, u);
        expect(unitsText(counted.total, u)).toBe(expected.total.toFixed());
        expect(unitsText(counted.domestic, u)).toBe(expected.domestic.toFixed());
      }
    }
  });
});
