import { AppError } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { validateScheme } from './scheme.ts';

const ind = (code: string, extra: Record<string, unknown> = {}) => ({
  kind: 'indicator',
  code,
  weight: 1,
  polarity: 'positive',
  normalisation: { method: 'minmax' },
  ...extra,
});
const group = (key: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'group',
  key,
  name: key,
  weight: 1,
  children,
  ...extra,
});

function refused(scheme: unknown): { path: string; message: string }[] {
  try {
    validateScheme(scheme);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('indicator/invalid_scheme');
    expect((e as AppError).status).toBe(400);
    return (e as AppError).details!.issues as { path: string; message: string }[];
  }
  throw new Error('scheme was accepted');
}

describe('validateScheme', () => {
  it('accepts a valid scheme and applies defaults', () => {
    const s = validateScheme({ groups: [group('G', [ind('x', { normalisation: { method: 'standard', standard: 2.5 } })])] });
    expect(s.aggregation).toBe('arithmetic');
    expect(s.missing).toBe('zero');
    expect(s.tiers).toEqual([]);
    const x = s.groups[0]!.children[0]!;
    expect(x.kind === 'indicator' && x.normalisation).toEqual({ method: 'standard', standard: 2.5, cap: 100 });
  });
  it('refuses a zero or negative weight', () => {
    expect(refused({ groups: [group('G', [ind('x', { weight: 0 })])] })[0]!.message).toContain('权重');
    expect(refused({ groups: [group('G', [ind('x')], { weight: -1 })] })[0]!.path).toBe('groups.0.weight');
  });
  it('refuses duplicate indicator codes and group keys', () => {
    const issues = refused({ groups: [group('G', [ind('x')]), group('G', [ind('x')])] });
    expect(issues.map((i) => i.message)).toEqual(['指标组“G”重复', '指标代码“x”重复']);
  });
  it('refuses empty groups and an empty scheme', () => {
    expect(refused({ groups: [group('G', [])] })[0]!.message).toBe('指标组不能为空');
    expect(refused({ groups: [] })[0]!.message).toBe('至少需要一个一级指标组');
  });
  it('refuses z-scores under geometric aggregation (they can be ≤ 0)', () => {
    const issues = refused({ aggregation: 'geometric', groups: [group('G', [ind('x', { normalisation: { method: 'zscore' } })])] });
    expect(issues[0]!.message).toContain('几何平均');
    expect(() =>
      validateScheme({ aggregation: 'arithmetic', groups: [group('G', [ind('x', { normalisation: { method: 'zscore' } })])] }),
    ).not.toThrow();
  });
  it('refuses a standard value ≤ 0 or a cap ≤ 0', () => {
    expect(refused({ groups: [group('G', [ind('x', { normalisation: { method: 'standard', standard: 0 } })])] })[0]!.message).toBe(
      '标准值必须大于 0',
    );
    expect(refused({ groups: [group('G', [ind('x', { normalisation: { method: 'standard', standard: 1, cap: -5 } })])] })[0]!.message).toBe(
      '上限值必须大于 0',
    );
  });
  it('refuses unknown fields, duplicate tier names and too deep trees', () => {
    expect(refused({ groups: [group('G', [ind('x', { colour: 'red' })])] }).length).toBeGreaterThan(0);
    expect(
      refused({
        groups: [group('G', [ind('x')])],
        tiers: [
          { name: 'A', minScore: 80 },
          { name: 'A', minScore: 60 },
        ],
      })[0]!.message,
    ).toBe('梯队名称“A”重复');
    let deep: unknown = ind('x');
    for (let i = 0; i < 7; i++) deep = group(`g${i}`, [deep]);
    expect(refused({ groups: [deep] })[0]!.message).toContain('层级');
  });
});
