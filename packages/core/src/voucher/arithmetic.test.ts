import { describe, expect, it } from 'vitest';
import { coverOf, quarterEnd, quarterOf, voucherAmount, withinCaps } from './arithmetic.ts';
import { packById, packInForce } from './rule-packs.ts';

const hengyang = packById('voucher-hengyang-draft');
const shanghai = packById('voucher-shanghai');
const yuhuan = packById('voucher-yuhuan');
if (!hengyang || !shanghai || !yuhuan) throw new Error('packs missing');
const wan = (n: number) => BigInt(n * 1_000_000);

describe('voucher cover', () => {
  it('covers a contract up to the threshold in full, the threshold itself included (以下含本数)', () => {
    expect(coverOf(hengyang, wan(1))).toEqual({ coverFen: wan(1), basis: 'full' });
    expect(coverOf(hengyang, wan(1) - 1n)).toEqual({ coverFen: wan(1) - 1n, basis: 'full' });
  });
  it('covers the share one fen above the threshold, rounded down to the fen', () => {
    expect(coverOf(hengyang, wan(1) + 1n)).toEqual({ coverFen: 500_000n, basis: 'share' });
    expect(coverOf(hengyang, 3n)).toEqual({ coverFen: 3n, basis: 'full' });
    expect(coverOf(shanghai, 3n)).toEqual({ coverFen: 1n, basis: 'share' });
  });
  it('takes 50% of a 30万 contract in 上海 (15万)', () => {
    expect(coverOf(shanghai, wan(30)).coverFen).toBe(wan(15));
  });
  it('covers nothing for a zero or negative contract', () => {
    expect(coverOf(hengyang, 0n).coverFen).toBe(0n);
    expect(coverOf(hengyang, -5n).coverFen).toBe(0n);
  });
});

describe('voucher amount = min(remaining quota, share × contract)', () => {
  it('is the cover when the remainder is larger', () => {
    expect(voucherAmount(shanghai, wan(30), wan(50))).toMatchObject({ amountFen: wan(15), cutToRemainder: false });
  });
  it('is the cover when the remainder equals it exactly', () => {
    expect(voucherAmount(shanghai, wan(30), wan(15))).toMatchObject({ amountFen: wan(15), cutToRemainder: false });
  });
  it('is the remainder when the cover exceeds it by one fen', () => {
    expect(voucherAmount(shanghai, wan(30), wan(15) - 1n)).toMatchObject({ amountFen: wan(15) - 1n, cutToRemainder: true });
  });
  it('is cut to the remainder also under full cover', () => {
    expect(voucherAmount(hengyang, wan(1), 300_000n)).toMatchObject({ amountFen: 300_000n, basis: 'full', cutToRemainder: true });
  });
  it('is zero when the quota is used up or overdrawn', () => {
    expect(voucherAmount(shanghai, wan(30), 0n).amountFen).toBe(0n);
    expect(voucherAmount(shanghai, wan(30), -1n).amountFen).toBe(0n);
  });
  it('never exceeds either bound over many contracts and remainders', () => {
    for (const contract of [1n, 2n, 9_999n, wan(1) - 1n, wan(1), wan(1) + 1n, 12_345_679n, wan(200)]) {
      for (const remaining of [0n, 1n, 499_999n, 500_000n, wan(30)]) {
        const a = voucherAmount(hengyang, contract, remaining);
        expect(a.amountFen <= remaining && a.amountFen <= a.coverFen && a.coverFen <= contract).toBe(true);
        // biome-ignore lint/complexity/useMathMinMax: bigint amounts (Math.min takes numbers)
        expect(a.amountFen === (a.coverFen < remaining ? a.coverFen : remaining)).toBe(true);
      }
    }
  });
});

describe('quota caps', () => {
  it('allows the yearly cap exactly (不超过含本数) and refuses one fen more', () => {
    expect(withinCaps(hengyang, 'enterprise', wan(30), 0n)).toBe(true);
    expect(withinCaps(hengyang, 'enterprise', wan(30) + 1n, 0n)).toBe(false);
    expect(withinCaps(hengyang, 'team', wan(10), 0n)).toBe(true);
    expect(withinCaps(hengyang, 'team', wan(10) + 1n, 0n)).toBe(false);
  });
  it('counts what the holder already has this year', () => {
    expect(withinCaps(yuhuan, 'enterprise', wan(2), wan(8))).toBe(true);
    expect(withinCaps(yuhuan, 'enterprise', wan(2), wan(8) + 1n)).toBe(false);
  });
  it('keeps a single application within the per-application cap (玉环 2万)', () => {
    expect(withinCaps(yuhuan, 'enterprise', wan(2), 0n)).toBe(true);
    expect(withinCaps(yuhuan, 'enterprise', wan(2) + 1n, 0n)).toBe(false);
  });
  it('refuses a zero request', () => {
    expect(withinCaps(hengyang, 'enterprise', 0n, 0n)).toBe(false);
  });
});

describe('packs and quarters', () => {
  it('finds the pack in force for a county of the city, from its effective date', () => {
    expect(packInForce('430408', '2026-05-01')?.id).toBe('voucher-hengyang-draft');
    expect(packInForce('430408', '2024-12-31')).toBeUndefined();
    expect(packInForce('420100', '2026-05-01')).toBeUndefined();
    expect(packInForce('310104', '2026-05-01')?.id).toBe('voucher-shanghai');
  });
  it('puts a day in its quarter', () => {
    expect([quarterOf('2026-01-01'), quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual([1, 1, 2, 4]);
    expect(quarterEnd(2026, 2)).toBe('2026-06-30');
  });
});
