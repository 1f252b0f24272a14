import { describe, expect, it } from 'vitest';
import { checkMilestones, milestonesInput } from './milestone-model.ts';

const targets = [
  { name: '样机精度', unit: 'nm', value: '0.5' },
  { name: '发明专利', unit: '件', value: '3' },
];

describe('揭榜挂帅 milestones at the 任务书', () => {
  it('passes when every target has a milestone and the payments add up to the grant exactly', () => {
    const rows = [
      { title: '样机验收', due: '2027-06-30', paymentWan: '60.5', target: '样机精度' },
      { title: '专利授权', due: '2027-12-31', paymentWan: '39.5', target: '发明专利' },
    ];
    const c = checkMilestones(rows, targets, 1_000_000_00);
    expect(c).toEqual({ sumFen: 100_000_000, uncovered: [], incomplete: 0, ok: true });
    expect(milestonesInput(rows)[0]).toEqual({ title: '样机验收', due: '2027-06-30', paymentFen: 60_500_000, target: '样机精度' });
  });

  it('names the targets without a milestone and refuses a sum that differs from the grant', () => {
    const c = checkMilestones([{ title: '样机验收', due: '2027-06-30', paymentWan: '50', target: '样机精度' }], targets, 100_000_000);
    expect(c.uncovered).toEqual(['发明专利']);
    expect(c.sumFen).toBe(50_000_000);
    expect(c.ok).toBe(false);
  });

  it('counts rows missing a title, a date, an amount or a target', () => {
    const c = checkMilestones([{ title: '', due: '2027', paymentWan: 'x', target: null }], targets, 0);
    expect(c.incomplete).toBe(1);
    expect(c.ok).toBe(false);
  });
});
