import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers } from './calendar.ts';
import { absorptionOf, type CountedContract, outputOf } from './counting.ts';
import { registrationDeadline } from './deadline.ts';
import { contractPackOn, fileContract, rules2001, rulesCivilCode, rulesDraft2024 } from './rule-packs.ts';
import { TransactionAmountError, technicalTransactionAmount } from './transaction-amount.ts';

const wan = (n: number) => BigInt(Math.round(n * 1_000_000)); // 万元 → 分

describe('contract types by rule-pack version', () => {
  it('files a patent licence under 技术转让 before the Civil Code and as 技术许可 after it', () => {
    expect(contractPackOn('2020-12-31').id).toBe(rules2001.id);
    expect(fileContract(contractPackOn('2020-12-31'), 'patent_license')).toMatchObject({ type: 'transfer', subtype: '专利实施许可' });
    expect(contractPackOn('2021-01-01').id).toBe(rulesCivilCode.id);
    expect(fileContract(contractPackOn('2021-01-01'), 'patent_license')).toMatchObject({ type: 'license', subtype: '专利实施许可' });
    expect(fileContract(contractPackOn('2021-01-01'), 'patent_transfer').type).toBe('transfer');
    expect(fileContract(contractPackOn('2026-05-01'), 'technical_training')).toMatchObject({ type: 'service', subtype: '技术培训' });
  });

  it('uses the 2024 draft only where a bureau switched it on, and not before its date', () => {
    expect(contractPackOn('2026-05-01').id).toBe(rulesCivilCode.id);
    const on = new Set([rulesDraft2024.id]);
    expect(contractPackOn('2026-05-01', on).id).toBe(rulesDraft2024.id);
    expect(contractPackOn('2025-01-17', on).id).toBe(rulesCivilCode.id);
    expect(() => contractPackOn('2000-01-01')).toThrow(/no technology-contract rule pack/);
  });

  it('lists every refusal reason with its clause and stage', () => {
    for (const pack of [rules2001, rulesCivilCode, rulesDraft2024]) {
      const codes = pack.refusals.map((r) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const r of pack.refusals) expect(r.clause.length).toBeGreaterThan(3);
    }
    expect(rules2001.refusals.find((r) => r.code === 'oral_contract')?.stage).toBe('not_accepted');
    expect(rules2001.refusals.find((r) => r.code === 'seal_mismatch')?.stage).toBe('not_registered');
    expect(rulesCivilCode.refusals.some((r) => r.code === 'infringes_others')).toBe(true);
    expect(rules2001.refusals.some((r) => r.code === 'infringes_others')).toBe(false);
  });
});

describe('技术交易额 = 成交额 − 非技术性费用, with the carrier rule', () => {
  it('deducts equipment and materials in full', () => {
    const r = technicalTransactionAmount(
      wan(100),
      [
        { kind: 'equipment', quantity: 1, unitCostFen: wan(20) },
        { kind: 'materials', quantity: 3, unitCostFen: wan(1.5) },
      ],
      rules2001,
    );
    expect(r.nonTechnicalFen).toBe(wan(24.5));
    expect(r.technicalAmountFen).toBe(wan(75.5));
  });

  it('keeps up to two complete equipment sets as carriers and deducts the third', () => {
    const sets = (n: number) =>
      technicalTransactionAmount(wan(100), [{ kind: 'carrier', carrier: 'equipment_set', quantity: n, unitCostFen: wan(10) }], rules2001);
    expect(sets(1).technicalAmountFen).toBe(wan(100));
    expect(sets(2).technicalAmountFen).toBe(wan(100));
    expect(sets(3).technicalAmountFen).toBe(wan(90));
    expect(sets(3).lines[0]?.reason).toContain('超出合理数量（2）');
    // a registrar cannot allow more than the rule's two sets
    const generous = technicalTransactionAmount(
      wan(100),
      [{ kind: 'carrier', carrier: 'equipment_set', quantity: 4, unitCostFen: wan(10), reasonableQuantity: 4 }],
      rules2001,
    );
    expect(generous.technicalAmountFen).toBe(wan(80));
  });

  it('keeps the reasonable quantity of documents and samples the registrar states, and deducts the rest', () => {
    const r = technicalTransactionAmount(
      wan(50),
      [
        { kind: 'carrier', carrier: 'sample_or_prototype', quantity: 5, unitCostFen: wan(1), reasonableQuantity: 3 },
        { kind: 'carrier', carrier: 'document', quantity: 2, unitCostFen: 5000n, reasonableQuantity: 2 },
      ],
      rules2001,
    );
    expect(r.nonTechnicalFen).toBe(wan(2));
    expect(r.technicalAmountFen).toBe(wan(48));
  });

  it('is exact to the fen and refuses deductions beyond the contract amount', () => {
    const r = technicalTransactionAmount(1_000_000_01n, [{ kind: 'parts', quantity: 3, unitCostFen: 33_333_333n }], rules2001);
    expect(r.technicalAmountFen).toBe(1_000_000_01n - 99_999_999n);
    expect(() => technicalTransactionAmount(wan(1), [{ kind: 'equipment', quantity: 1, unitCostFen: wan(1.01) }], rules2001)).toThrow(
      TransactionAmountError,
    );
    expect(() => technicalTransactionAmount(0n, [], rules2001)).toThrow(/大于零/);
  });
});

describe('registration deadlines', () => {
  it('gives 30 calendar days under the 2000 办法', () => {
    expect(registrationDeadline(rules2001, { acceptedOn: '2026-09-15' }).dueDate).toBe('2026-10-15');
  });

  it('counts 15 working days across 中秋 and 国庆 2026 with the 10-10 调休 Saturday, not by weekdays', () => {
    const d = registrationDeadline(rulesDraft2024, { acceptedOn: '2026-09-24', technicalAmountFen: wan(100) });
    // 9-28, 9-29, 9-30, 10-8, 10-9, 10-10 (调休), 10-12 … 10-16, 10-19 … 10-22
    expect(d.dueDate).toBe('2026-10-22');
    expect(d.kind).toBe('working');
    expect(d.calendarComplete).toBe(true);
    // a weekday-only count would have said 10-15
    expect(d.dueDate).not.toBe('2026-10-15');
  });

  it('gives a large or disputed contract 30 working days, and restarts the clock on the day 补正 materials come in', () => {
    expect(registrationDeadline(rulesDraft2024, { acceptedOn: '2026-03-02', technicalAmountFen: wan(500) }).days).toBe(30);
    expect(registrationDeadline(rulesDraft2024, { acceptedOn: '2026-03-02', technicalAmountFen: wan(499.99) }).days).toBe(15);
    expect(registrationDeadline(rulesDraft2024, { acceptedOn: '2026-03-02', disputed: true }).days).toBe(30);
    const corrected = registrationDeadline(rulesDraft2024, { acceptedOn: '2026-03-02', correctedOn: '2026-03-16' });
    expect(corrected.startedOn).toBe('2026-03-16');
    expect(corrected.dueDate).toBe(addWorkingDays('2026-03-16', 15).date);
  });

  it('says so when the count runs into a year whose holiday notice the calendar does not hold', () => {
    const lastKnown = [2026, 2027, 2028, 2029, 2030].filter((y) => calendarCovers(y)).at(-1) as number;
    const r = registrationDeadline(rulesDraft2024, { acceptedOn: `${lastKnown}-12-20` });
    expect(r.calendarComplete).toBe(false);
  });
});

describe('输出 and 吸纳', () => {
  const contracts: CountedContract[] = [
    // 衡阳 seller, 长沙 buyer
    { sellerRegion: '430407', buyerRegion: '430104', contractAmountFen: wan(100), technicalAmountFen: wan(80) },
    // 衡阳 county to 衡阳 county
    { sellerRegion: '430481', buyerRegion: '430407', contractAmountFen: wan(10), technicalAmountFen: wan(10) },
    // 武汉 seller, 衡阳 buyer (another province)
    { sellerRegion: '420106', buyerRegion: '430482', contractAmountFen: wan(50), technicalAmountFen: wan(45) },
  ];

  it('counts a contract in its seller region as output and in its buyer region as absorption', () => {
    expect(outputOf('430400', contracts)).toEqual({ count: 2, contractAmountFen: wan(110), technicalAmountFen: wan(90) });
    expect(absorptionOf('430400', contracts)).toEqual({ count: 2, contractAmountFen: wan(60), technicalAmountFen: wan(55) });
    expect(outputOf('430100', contracts).count).toBe(0);
    expect(absorptionOf('430100', contracts).contractAmountFen).toBe(wan(100));
    // the province counts its own contracts once as output, whatever the buyer
    expect(outputOf('430000', contracts).count).toBe(2);
    expect(absorptionOf('430000', contracts).count).toBe(3);
    expect(outputOf('420000', contracts).contractAmountFen).toBe(wan(50));
  });
});
