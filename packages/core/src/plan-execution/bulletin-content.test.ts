import { describe, expect, it } from 'vitest';
import { overallText, sectionsWithTasks, sectionText, targetNote } from './bulletin-content.ts';
import { emptyCounts, rollUp } from './task-status.ts';

const title = '某市2026年科技工作要点';

describe('honest roll-ups in the bulletin', () => {
  it('rests progress on the assigned tasks and says how many wait for 分工', () => {
    // 49 unassigned tasks and one assigned, unreported task at 40% of the year
    const items = [
      { status: 'severely_lagging' as const, percent: null, weight: 1, elapsed: 0.4 },
      ...Array.from({ length: 49 }, () => ({ status: 'unassigned' as const, percent: null, weight: 1, elapsed: 0.4 })),
    ];
    const r = rollUp(items);
    expect(r.counts.unassigned).toBe(49);
    const text = overallText({ title, ...r });
    expect(text).toBe(
      `《${title}》共分解任务 50 项，其中已明确牵头单位 1 项、尚未分工 49 项（未分工任务不计入进度）。已分工任务按权重计完成进度 0%，状态为“严重滞后”，其中严重滞后 1 项。`,
    );
  });

  it('computes no progress when no task is assigned', () => {
    const r = rollUp(Array.from({ length: 3 }, () => ({ status: 'unassigned' as const, percent: null, weight: 1, elapsed: 0.5 })));
    expect(overallText({ title, ...r })).toBe(`《${title}》共分解任务 3 项，均未明确牵头单位，暂不计算完成进度。`);
  });

  it('states the whole plan when every task is assigned', () => {
    const counts = { ...emptyCounts(), done: 2, on_track: 1 };
    expect(overallText({ title, counts, completion: 80, status: 'on_track' })).toBe(
      `《${title}》共分解任务 3 项，整体按权重计完成进度 80%，状态为“正常推进”。其中已完成 2 项，正常推进 1 项。`,
    );
  });

  it('leaves sections without tasks out and names unassigned tasks of a section', () => {
    const empty = { counts: emptyCounts(), completion: 0, status: 'not_started' as const, title: '指导思想' };
    const mixed = {
      counts: { ...emptyCounts(), on_track: 2, unassigned: 1 },
      completion: 50,
      status: 'on_track' as const,
      title: '强化主体',
    };
    const none = { counts: { ...emptyCounts(), unassigned: 4 }, completion: 0, status: 'unassigned' as const, title: '人才' };
    expect(sectionsWithTasks([empty, mixed, none]).map((s) => s.title)).toEqual(['强化主体', '人才']);
    expect(sectionText(mixed)).toBe('完成进度 50%，状态“正常推进”；正常推进 2 项；另有 1 项尚未分工，不计入进度。');
    expect(sectionText(none)).toBe('共 4 项任务，均尚未分工。');
  });

  it('notes a target’s source, or why it has no actual', () => {
    expect(
      targetNote({ actual: 3, actualSourceLabel: '指标库 2026 年实际值（衡阳市，2026-11-02 录入）', statusReason: 'x → 已达标' }),
    ).toBe('指标库 2026 年实际值（衡阳市，2026-11-02 录入）');
    expect(targetNote({ actual: null, actualSourceLabel: null, statusReason: '未绑定指标库指标，责任单位也未报送实际值 → 暂无数据' })).toBe(
      '未绑定指标库指标，责任单位也未报送实际值',
    );
  });
});
