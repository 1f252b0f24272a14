import { describe, expect, it } from 'vitest';
import { sectionTicks, tasksUnder, toggleRow } from './task-selection.ts';

const nodes = [
  { id: 1, parentId: null, kind: 'section' as const },
  { id: 2, parentId: 1, kind: 'task' as const },
  { id: 3, parentId: 1, kind: 'task' as const },
  { id: 4, parentId: 1, kind: 'task' as const },
  { id: 5, parentId: null, kind: 'section' as const },
  { id: 6, parentId: 5, kind: 'section' as const },
  { id: 7, parentId: 6, kind: 'task' as const },
];

describe('ticks of the task table', () => {
  it('half-ticks a section when two of its three tasks are ticked', () => {
    expect(sectionTicks(nodes, new Set([2, 3]))).toEqual({ checked: [], partial: [1] });
    expect(sectionTicks(nodes, new Set([2, 3, 4]))).toEqual({ checked: [1], partial: [] });
  });

  it('ticks every task of a section, nested ones included, and unticks them again', () => {
    expect(tasksUnder(nodes, 5)).toEqual([7]);
    const on = toggleRow(nodes, [2], nodes[0] as (typeof nodes)[number], true);
    expect(on.sort()).toEqual([2, 3, 4]);
    expect(toggleRow(nodes, on, nodes[0] as (typeof nodes)[number], false)).toEqual([]);
    expect(sectionTicks(nodes, new Set([7]))).toEqual({ checked: [5, 6], partial: [] });
  });
});
