import type { TAssignmentBulkMode, TExecNode } from '@kechuang/contracts';

/** The ticked rows that can be assigned (tasks, in plan order, each once) and how many sections were ticked. */
export function chosenTasks(nodes: TExecNode[], nodeIds: number[]): { tasks: TExecNode[]; sections: number } {
  const ids = new Set(nodeIds);
  const chosen = nodes.filter((n) => ids.has(n.id));
  return { tasks: chosen.filter((n) => n.kind === 'task'), sections: chosen.filter((n) => n.kind !== 'task').length };
}

export type BulkProblem = { kind: 'leadRequired' } | { kind: 'unitRequired' } | { kind: 'overlap'; orgIds: number[] };

/** The same rules the server applies before writing anything; null when the choice is acceptable. */
export function bulkAssignProblem(mode: TAssignmentBulkMode, lead: number[], co: number[]): BulkProblem | null {
  if (mode === 'replace' && lead.length === 0) return { kind: 'leadRequired' };
  if (lead.length + co.length === 0) return { kind: 'unitRequired' };
  const both = lead.filter((id) => co.includes(id));
  return both.length ? { kind: 'overlap', orgIds: both } : null;
}
