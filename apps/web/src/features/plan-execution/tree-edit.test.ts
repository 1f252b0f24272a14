import { describe, expect, it } from 'vitest';
import { childrenByParent, movedOrder, nextTaskNumber, oneLine } from './tree-edit.ts';

describe('plan tree editing helpers', () => {
  it('lists each parent’s children in position order', () => {
    const map = childrenByParent([
      { id: 5, parentId: 1, position: 4 },
      { id: 1, parentId: null, position: 0 },
      { id: 3, parentId: 1, position: 2 },
      { id: 9, parentId: null, position: 7 },
      { id: 4, parentId: 1, position: 3 },
    ]);
    expect(map.get(null)).toEqual([1, 9]);
    expect(map.get(1)).toEqual([3, 4, 5]);
    expect(map.get(3)).toBeUndefined();
  });

  it('moves one place up or down and refuses to go past the ends', () => {
    expect(movedOrder([3, 4, 5], 5, -1)).toEqual([3, 5, 4]);
    expect(movedOrder([3, 4, 5], 3, 1)).toEqual([4, 3, 5]);
    expect(movedOrder([3, 4, 5], 4, -1)).toEqual([4, 3, 5]);
    expect(movedOrder([3, 4, 5], 3, -1)).toBeNull();
    expect(movedOrder([3, 4, 5], 5, 1)).toBeNull();
    expect(movedOrder([3, 4, 5], 8, 1)).toBeNull();
    expect(movedOrder([7], 7, 1)).toBeNull();
  });

  it('suggests the next plain task number, else nothing', () => {
    const task = (number: string) => ({ kind: 'task' as const, number });
    expect(nextTaskNumber([{ kind: 'section', number: '一' }, task('1'), task('12'), task(' 3 ')])).toBe('13');
    expect(nextTaskNumber([task('1'), task('（二）')])).toBe('');
    expect(nextTaskNumber([{ kind: 'section', number: '一' }])).toBe('');
  });

  it('keeps a title on one line', () => {
    expect(oneLine('  建设科技创新券\n  线上服务平台 ')).toBe('建设科技创新券线上服务平台');
    expect(oneLine('a b\r\nc')).toBe('a bc');
  });
});
