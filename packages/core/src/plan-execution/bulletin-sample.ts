import type { TTaskProgress } from '@kechuang/contracts';

/** A task as a bulletin receives it, for the renderers' tests: one lead unit, due at the year's end. */
export function sampleTask(i: number, status: TTaskProgress['status'], more: Partial<TTaskProgress> = {}): TTaskProgress {
  return {
    nodeId: i,
    number: `${i}.`,
    title: `第${i}项任务`,
    sectionId: 1,
    sectionTitle: '一、强化科技创新主体',
    leadOrgs: [{ orgId: 1, name: '耒阳市人民政府', shortName: '耒阳市' }],
    coOrgs: [],
    status,
    statusReason: '已过时间 40%，最新报送完成 10%，落后 30 个百分点 ≥ 30 → 严重滞后',
    percent: 10,
    elapsed: 0.4,
    latestReport: null,
    overdueSlots: 0,
    weight: 1,
    dueDate: '2026-12-31',
    ...more,
  };
}
