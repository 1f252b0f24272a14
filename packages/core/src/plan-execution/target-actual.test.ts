import { describe, expect, it } from 'vitest';
import { targetActual } from './target-actual.ts';

const base = { planYear: 2026, regionName: '衡阳市' };
const v = (value: number, period: string, origin: 'stored' | 'rolled_up' = 'stored') => ({
  value,
  period,
  origin,
  recordedAt: origin === 'stored' ? new Date('2026-11-01T20:00:00Z') : null,
});

describe('a target’s actual', () => {
  it('takes the bound indicator’s plan-year value, dated by the bureau day it was recorded', () => {
    const a = targetActual({
      ...base,
      indicatorCode: 'rd_intensity',
      fromIndicator: v(2.4, '2026'),
      fromReport: { value: 9, period: '2026-06', unitName: '耒阳市' },
    });
    expect(a).toEqual({
      actual: 2.4,
      source: 'indicator',
      sourceLabel: '指标库 2026 年实际值（衡阳市，2026-11-02 录入）',
      missingReason: null,
    });
  });

  it('names a value rolled up from the counties', () => {
    const a = targetActual({ ...base, indicatorCode: 'rd_intensity', fromIndicator: v(2.35, '2026', 'rolled_up') });
    expect(a.sourceLabel).toBe('指标库 2026 年实际值（衡阳市，由下级地区汇总）');
  });

  it('falls back to a unit’s report', () => {
    const a = targetActual({ ...base, indicatorCode: null, fromReport: { value: 9, period: '2026-06', unitName: '耒阳市' } });
    expect(a.sourceLabel).toBe('耒阳市 2026-06 期报送');
  });

  it('says exactly why there is none', () => {
    expect(targetActual({ ...base, indicatorCode: null }).missingReason).toBe('未绑定指标库指标，责任单位也未报送实际值');
    expect(targetActual({ ...base, indicatorCode: 'rd_intensity', latestIndicator: v(2.1, '2025') }).missingReason).toBe(
      '指标库尚无衡阳市 2026 年实际值（最近为 2025 年：2.1）',
    );
    expect(targetActual({ ...base, indicatorCode: 'rd_intensity' }).missingReason).toBe('指标库尚无衡阳市该指标的数值（不在已录入范围内）');
  });
});
