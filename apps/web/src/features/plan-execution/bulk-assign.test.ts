import type { TExecNode } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { bulkAssignProblem, chosenTasks } from './bulk-assign.ts';

const node = (id: number, kind: 'section' | 'task'): TExecNode => ({
  id,
  parentId: null,
  position: id,
  kind,
  number: String(id),
  title: `node ${id}`,
  leadUnits: [],
  coUnits: [],
  deadline: null,
  leader: null,
  startDate: null,
  dueDate: null,
  cycle: 'none',
  cycleDueDay: 5,
  customDueDates: [],
  weight: 1,
  milestones: [],
  version: 1,
  leadOrgs: [],
  coOrgs: [],
});

describe('bulk assignment choices', () => {
  it('keeps the ticked tasks in plan order, once each, and counts the ticked sections', () => {
    const nodes = [node(1, 'section'), node(2, 'task'), node(3, 'task'), node(4, 'section'), node(5, 'task')];
    const { tasks, sections } = chosenTasks(nodes, [5, 1, 2, 2, 99]);
    expect(tasks.map((n) => n.id)).toEqual([2, 5]);
    expect(sections).toBe(1);
  });

  it('requires a lead to replace with, some unit to add, and no unit both lead and co', () => {
    expect(bulkAssignProblem('replace', [], [7])).toEqual({ kind: 'leadRequired' });
    expect(bulkAssignProblem('add', [], [])).toEqual({ kind: 'unitRequired' });
    expect(bulkAssignProblem('add', [], [7])).toBeNull();
    expect(bulkAssignProblem('replace', [7, 8], [8, 9])).toEqual({ kind: 'overlap', orgIds: [8] });
    expect(bulkAssignProblem('replace', [7], [9])).toBeNull();
  });
});
