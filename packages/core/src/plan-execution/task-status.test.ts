import { describe, expect, it } from 'vitest';
import { defaultStatusRules } from './status-rules.ts';
import { elapsedFraction, lowerIsBetter, rollUp, targetStatus, taskStatus } from './task-status.ts';

const year = { start: '2026-01-01', end: '2026-12-31' };

describe('task status', () => {
  it('explains a severely lagging task with the numbers and the threshold', () => {
    // 2026-08-15: 227 of 365 days → 62%
    const v = taskStatus({ ...year, asOf: '2026-08-15', percent: 30, overdueSlots: 0 });
    expect(v.status).toBe('severely_lagging');
    expect(v.reason).toBe('已过时间 62%，完成进度 30%，落后 32 个百分点 ≥ 30 → 严重滞后');
  });

  it('grades the gap against the rule pack thresholds', () => {
    expect(taskStatus({ ...year, asOf: '2026-08-15', percent: 55, overdueSlots: 0 }).status).toBe('on_track');
    expect(taskStatus({ ...year, asOf: '2026-08-15', percent: 52, overdueSlots: 0 }).status).toBe('lagging');
    expect(taskStatus({ ...year, asOf: '2026-08-15', percent: 33, overdueSlots: 0 }).status).toBe('lagging');
    const strict = { ...defaultStatusRules, laggingGap: 5 };
    expect(taskStatus({ ...year, asOf: '2026-08-15', percent: 55, overdueSlots: 0 }, strict).status).toBe('lagging');
  });

  it('done wins, then not started, then overdue reports', () => {
    expect(taskStatus({ ...year, asOf: '2026-02-01', percent: 100, overdueSlots: 3 }).status).toBe('done');
    const ns = taskStatus({ start: '2026-06-01', end: '2026-12-31', asOf: '2026-02-01', percent: null, overdueSlots: 0 });
    expect(ns).toEqual({ status: 'not_started', reason: '计划于 2026-06-01 开始，尚未开始 → 未开始' });
    const od = taskStatus({
      ...year,
      asOf: '2026-05-01',
      percent: 90,
      overdueSlots: 2,
      firstOverdue: { period: '2026-02', dueDate: '2026-03-05' },
    });
    expect(od.status).toBe('overdue_unreported');
    expect(od.reason).toContain('有 2 期进度逾期未报（最早为 2026-02 期，应于 2026-03-05 前报送）');
  });

  it('without a report counts 0% and says so', () => {
    const v = taskStatus({ ...year, asOf: '2026-01-10', percent: null, overdueSlots: 0 });
    expect(v.status).toBe('on_track');
    expect(v.reason).toContain('尚无报送（按 0% 计）');
  });

  it('a target far behind its path makes an on-track task lagging and names it', () => {
    const v = taskStatus({
      ...year,
      asOf: '2026-07-01',
      percent: 50,
      overdueSlots: 0,
      targets: [{ name: '高新技术企业净增', status: 'severely_lagging', reason: '落后 40 个百分点' }],
    });
    expect(v.status).toBe('severely_lagging');
    expect(v.reason).toContain('指标“高新技术企业净增”落后 40 个百分点');
  });
});

describe('target status', () => {
  const base = { ...year, kind: 'increment', comparator: null, unit: '家', baseline: null };
  it('an increment follows the path from 0: 30 of 180 by mid-year is severely behind', () => {
    const v = targetStatus({ ...base, asOf: '2026-07-02', target: 180, actual: 30 });
    expect(v.status).toBe('severely_lagging');
    expect(v.expected).toBeCloseTo(90, 0);
    expect(v.attainment).toBeCloseTo(30 / 180, 5);
    expect(v.reason).toMatch(/^应完成 50%（预期 90.25家），实际完成 17%（实际 30家 \/ 目标 180家），落后 33 个百分点 ≥ 30 → 严重滞后$/);
  });

  it('a level target uses its baseline; met is met', () => {
    const lvl = { ...base, kind: 'level', unit: '%', baseline: 2.0, target: 2.2 };
    expect(targetStatus({ ...lvl, asOf: '2026-07-02', actual: 2.1 }).status).toBe('on_track');
    expect(targetStatus({ ...lvl, asOf: '2026-12-31', actual: 2.05 }).status).toBe('severely_lagging');
    expect(targetStatus({ ...lvl, asOf: '2026-03-01', actual: 2.3 }).status).toBe('met');
  });

  it('without a baseline a level is judged only at the end; no actual is no data', () => {
    const lvl = { ...base, kind: 'level', unit: '%', target: 2.2 };
    expect(targetStatus({ ...lvl, asOf: '2026-07-02', actual: 1.5 }).status).toBe('on_track');
    expect(targetStatus({ ...lvl, asOf: '2027-01-02', actual: 1.5 }).status).toBe('severely_lagging');
    expect(targetStatus({ ...lvl, asOf: '2026-07-02', actual: null }).status).toBe('no_data');
  });

  it('ranks and ceilings are better when lower', () => {
    expect(lowerIsBetter('rank', null)).toBe(true);
    expect(lowerIsBetter('level', '不超过')).toBe(true);
    expect(lowerIsBetter('level', '≥')).toBe(false);
    expect(targetStatus({ ...base, kind: 'rank', unit: '位', target: 10, asOf: '2026-05-01', actual: 8 }).status).toBe('met');
  });
});

describe('roll-up', () => {
  it('weights completion and marks the section lagging when a fifth of the weight lags', () => {
    const r = rollUp([
      { status: 'done', percent: 100, weight: 1, elapsed: 0.5 },
      { status: 'on_track', percent: 50, weight: 2, elapsed: 0.5 },
      { status: 'overdue_unreported', percent: null, weight: 1, elapsed: 0.5 },
    ]);
    expect(r.completion).toBe(50);
    expect(r.counts.overdue_unreported).toBe(1);
    expect(r.status).toBe('lagging');
    expect(rollUp([]).status).toBe('not_started');
  });

  it('a task without a lead unit is 未分工, counted but weightless in the roll-up', () => {
    const u = taskStatus({ ...year, asOf: '2026-08-15', percent: null, overdueSlots: 0, assigned: false });
    expect(u).toEqual({ status: 'unassigned', reason: '尚未明确牵头单位，不计算进度 → 未分工' });
    // an unreported assigned task at 62% of the year is severely lagging; the unassigned one does not drag the section
    const r = rollUp([
      { status: 'on_track', percent: 60, weight: 1, elapsed: 0.62 },
      { status: 'unassigned', percent: null, weight: 5, elapsed: 0.62 },
    ]);
    expect(r).toMatchObject({ status: 'on_track', completion: 60, elapsed: 62 });
    expect(r.counts.unassigned).toBe(1);
    expect(rollUp([{ status: 'unassigned', percent: null, weight: 1, elapsed: 0.5 }]).status).toBe('unassigned');
  });

  it('elapsed is inclusive of both ends', () => {
    expect(elapsedFraction('2026-01-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(elapsedFraction('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
  });
});
