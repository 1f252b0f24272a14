import type { TExecNode } from '@kechuang/contracts';

type Node = Pick<TExecNode, 'id' | 'parentId' | 'kind'>;

/** Every task under a node in the whole plan tree (whatever the filters show). */
export function tasksUnder(nodes: readonly Node[], id: number): number[] {
  const children = new Map<number | null, Node[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out: number[] = [];
  const walk = (parent: number) => {
    for (const c of children.get(parent) ?? []) {
      if (c.kind === 'task') out.push(c.id);
      walk(c.id);
    }
  };
  walk(id);
  return out;
}

/**
 * The ticks of the task table for 批量分工: the selection holds tasks only; a section is ticked when all its
 * tasks are, half-ticked when some are (counted over the whole tree, so a filter that hides some of a
 * section's tasks never makes ticking the visible ones tick the section).
 */
export function sectionTicks(nodes: readonly Node[], selected: ReadonlySet<number>): { checked: number[]; partial: number[] } {
  const checked: number[] = [];
  const partial: number[] = [];
  for (const n of nodes) {
    if (n.kind !== 'section') continue;
    const tasks = tasksUnder(nodes, n.id);
    const ticked = tasks.filter((id) => selected.has(id)).length;
    if (tasks.length > 0 && ticked === tasks.length) checked.push(n.id);
    else if (ticked > 0) partial.push(n.id);
  }
  return { checked, partial };
}

/** Ticking or unticking a row: a task itself, or all tasks of a section. */
export function toggleRow(nodes: readonly Node[], selected: readonly number[], node: Node, on: boolean): number[] {
  const ids = node.kind === 'task' ? [node.id] : tasksUnder(nodes, node.id);
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return [...next];
}
