import type { TPlanNodeInput } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { guessValue } from './normalize.ts';
import { type ReviewState, type ReviewTarget, reviewReducer } from './review-state.ts';

const node = (key: string, parentKey: string | null, start: number, end: number, kind: 'section' | 'task' = 'task'): TPlanNodeInput => ({
  key,
  parentKey,
  kind,
  number: key,
  title: `title ${key}`,
  start,
  end,
  leadUnits: [],
  coUnits: [],
  deadline: null,
});

const target = (id: string, nodeKey: string | null, start: number, end: number): ReviewTarget => ({
  id,
  nodeKey,
  indicatorName: '高新技术企业数',
  indicatorCode: null,
  value: 35,
  valueMax: null,
  unit: '亿元',
  normalizedValue: 350000,
  normalizedUnit: '万元',
  comparator: '达到',
  qualifier: null,
  kind: 'level',
  targetYear: 2021,
  quote: 'x',
  start,
  end,
  baseline: false,
});

// s1 holds tasks a and b; a holds a1; b holds target tb.
const base: ReviewState = {
  nodes: [node('s1', null, 0, 100, 'section'), node('a', 's1', 10, 40), node('a1', 'a', 20, 30), node('b', 's1', 40, 90)],
  targets: [target('ta', 'a', 12, 18), target('tb', 'b', 50, 60)],
  serial: 3,
};

describe('review reducer', () => {
  it('merges a task into its previous sibling: titles joined, spans united, children and targets moved', () => {
    const next = reviewReducer(base, { type: 'mergeIntoPrevious', key: 'b' });
    expect(next.nodes.map((n) => n.key)).toEqual(['s1', 'a', 'a1']);
    const a = next.nodes.find((n) => n.key === 'a');
    expect(a).toMatchObject({ title: 'title a；title b', start: 10, end: 90 });
    expect(next.targets.find((t) => t.id === 'tb')?.nodeKey).toBe('a');
  });

  it('does nothing when a node has no previous sibling', () => {
    expect(reviewReducer(base, { type: 'mergeIntoPrevious', key: 'a' })).toBe(base);
  });

  it('keeps children and targets of a deleted node by moving them to its parent', () => {
    const next = reviewReducer(base, { type: 'removeNode', key: 'a' });
    expect(next.nodes.find((n) => n.key === 'a1')?.parentKey).toBe('s1');
    expect(next.targets.find((t) => t.id === 'ta')?.nodeKey).toBe('s1');
  });

  it('re-parents on drop and refuses a drop into the node’s own subtree', () => {
    const inside = reviewReducer(base, { type: 'moveNode', key: 'b', to: 'a', position: 'inside' });
    expect(inside.nodes.find((n) => n.key === 'b')?.parentKey).toBe('a');
    expect(inside.nodes.map((n) => n.key)).toEqual(['s1', 'a', 'b', 'a1']);
    expect(reviewReducer(base, { type: 'moveNode', key: 'a', to: 'a1', position: 'inside' })).toBe(base);
    const before = reviewReducer(base, { type: 'moveNode', key: 'b', to: 'a', position: 'before' });
    expect(before.nodes.map((n) => n.key)).toEqual(['s1', 'b', 'a', 'a1']);
  });

  it('keeps the importer’s normalisation factor when only the value changes', () => {
    const next = reviewReducer(base, { type: 'updateTarget', id: 'ta', patch: { value: 40 } });
    expect(next.targets.find((t) => t.id === 'ta')).toMatchObject({ value: 40, normalizedValue: 400000, normalizedUnit: '万元' });
  });

  it('adds a target from selected text under the innermost node, with a guessed value', () => {
    const next = reviewReducer(base, { type: 'addTarget', start: 22, end: 28, quote: '技术合同成交额突破35亿元', year: 2021 });
    const added = next.targets.find((t) => t.id === 't3');
    expect(added).toMatchObject({ nodeKey: 'a1', value: 35, unit: '亿元', normalizedValue: 350000, indicatorName: '技术合同成交额' });
    expect(next.serial).toBe(4);
  });
});

describe('guessValue', () => {
  it('reads a number, its unit and the indicator before the comparator', () => {
    expect(guessValue('高新技术企业总数突破600家')).toEqual({ value: 600, unit: '家', name: '高新技术企业总数' });
    expect(guessValue('研发投入强度')).toEqual({ value: null, unit: '', name: '研发投入强度' });
    expect(guessValue('6.新增省级研发平台15家')).toEqual({ value: 15, unit: '家', name: '新增省级研发平台' });
  });
});
