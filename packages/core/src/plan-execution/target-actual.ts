import type { IndicatorActual } from './progress.queries.ts';

/** Where a target's actual comes from, or exactly why it has none. */
export interface TargetActual {
  actual: number | null;
  source: 'indicator' | 'report' | null;
  /** e.g. 指标库 2026 年实际值（衡阳市，2026-11-02 录入）; null without an actual */
  sourceLabel: string | null;
  /** why there is no actual (null when there is one) */
  missingReason: string | null;
}

export interface TargetActualInput {
  indicatorCode: string | null;
  planYear: number;
  regionName: string;
  /** the catalogue's value of the plan's region for the plan year */
  fromIndicator?: IndicatorActual;
  /** the catalogue's latest annual value of the plan's region, any year */
  latestIndicator?: IndicatorActual;
  /** the latest value reported by a unit on the target */
  fromReport?: { value: number; period: string; unitName: string };
}

const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A bound catalogue indicator wins over unit reports (the catalogue holds the statistical caliber);
 * without either, the reason names what is missing: no binding, no value for the plan year (with the
 * latest year the catalogue does hold), or no value for the plan's region at all.
 */
export function targetActual(i: TargetActualInput): TargetActual {
  if (i.fromIndicator) {
    const v = i.fromIndicator;
    const how =
      v.origin === 'rolled_up'
        ? '由下级地区汇总'
        : v.origin === 'derived'
          ? '由相关指标计算'
          : v.recordedAt
            ? `${day(v.recordedAt)} 录入`
            : '录入';
    return {
      actual: v.value,
      source: 'indicator',
      sourceLabel: `指标库 ${i.planYear} 年实际值（${i.regionName}，${how}）`,
      missingReason: null,
    };
  }
  if (i.fromReport)
    return {
      actual: i.fromReport.value,
      source: 'report',
      sourceLabel: `${i.fromReport.unitName} ${i.fromReport.period} 期报送`,
      missingReason: null,
    };
  let missingReason: string;
  if (!i.indicatorCode) missingReason = '未绑定指标库指标，责任单位也未报送实际值';
  else if (i.latestIndicator)
    missingReason = `指标库尚无${i.regionName} ${i.planYear} 年实际值（最近为 ${i.latestIndicator.period} 年：${Number(i.latestIndicator.value.toFixed(4))}）`;
  else missingReason = `指标库尚无${i.regionName}该指标的数值（不在已录入范围内）`;
  return { actual: null, source: null, sourceLabel: null, missingReason };
}
