import { describe, expect, it } from 'vitest';
import { budgetLines, budgetToText, checkBudget, emptyBudget } from './budget-model.ts';

describe('the application budget table', () => {
  it('sums 万元 cells exactly in 分 (0.1 + 0.2 is 0.3)', () => {
    const rows = emptyBudget();
    rows[0] = { category: 'equipment', fiscalWan: '0.1', selfWan: '' };
    rows[1] = { category: 'business', fiscalWan: '0.2', selfWan: '5' };
    const c = checkBudget(rows, '0.3', '5');
    expect(c.fiscalSumFen).toBe(300_000);
    expect(c.selfSumFen).toBe(5_000_000);
    expect(c.fiscalMatches).toBe(true);
    expect(c.selfMatches).toBe(true);
  });

  it('flags a stated total that differs from the rows, and cells that are not amounts', () => {
    const rows = emptyBudget();
    rows[0] = { category: 'equipment', fiscalWan: '30', selfWan: 'abc' };
    const c = checkBudget(rows, '31', '0');
    expect(c.fiscalMatches).toBe(false);
    expect(c.selfMatches).toBe(true);
    expect(c.badCells).toBe(1);
  });

  it('leaves out empty rows and round-trips stored lines', () => {
    const rows = budgetToText([{ category: 'labour', fiscalFen: 12_345_000, selfFen: 0 }]);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.category === 'labour')).toEqual({ category: 'labour', fiscalWan: '12.345', selfWan: '0' });
    expect(budgetLines(rows)).toEqual([{ category: 'labour', fiscalFen: 12_345_000, selfFen: 0 }]);
  });
});
