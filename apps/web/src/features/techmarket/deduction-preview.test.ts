import { describe, expect, it } from 'vitest';
import { previewTechnicalAmount } from './deduction-preview.ts';

describe('previewTechnicalAmount', () => {
  it('deducts equipment in full and a carrier only beyond its reasonable quantity', () => {
    const p = previewTechnicalAmount(1_000_000n, [
      { kind: 'equipment', quantity: 2, unitCostFen: 100_000 },
      { kind: 'carrier', carrier: 'document', quantity: 5, unitCostFen: 1_000, reasonableQuantity: 3 },
    ]);
    expect(p.lines.map((l) => l.deductedFen)).toEqual([200_000n, 2_000n]);
    expect(p.technicalFen).toBe(798_000n);
    expect(p.exceeds).toBe(false);
  });

  it('frees at most two complete equipment sets, whatever quantity is claimed as reasonable', () => {
    const p = previewTechnicalAmount(1_000_000n, [
      { kind: 'carrier', carrier: 'equipment_set', quantity: 3, unitCostFen: 100_000, reasonableQuantity: 3 },
    ]);
    expect(p.lines[0]?.free).toBe(2);
    expect(p.technicalFen).toBe(900_000n);
  });

  it('flags deductions above the contract amount', () => {
    expect(previewTechnicalAmount(100n, [{ kind: 'materials', quantity: 1, unitCostFen: 101 }]).exceeds).toBe(true);
  });
});
