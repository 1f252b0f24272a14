import type { TOutcome } from './contract-types.ts';

/** zh-CN labels: a pre-assessment never says "认定通过". */
export const outcomeLabels: Readonly<Record<TOutcome, string>> = {
  likely: '预评估：基本符合条件（以认定机构结论为准）',
  unlikely: '预评估：暂不符合条件',
  unknown: '预评估：信息不足或需专家判断，暂无法判断',
};
