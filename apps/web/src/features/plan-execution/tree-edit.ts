import type { TExecNode } from '@kechuang/contracts';

/** Each parent's children ids in plan order (the whole tree, whatever a filter shows). */
export function childrenByParent(nodes: readonly Pick<TExecNode, 'id' | 'parentId' | 'position'>[]): Map<number | null, number[]> {
  const map = new Map<number | null, number[]>();
  for (const n of [...nodes].sort((a, b) => a.position - b.position)) map.set(n.parentId, [...(map.get(n.parentId) ?? []), n.id]);
  return map;
}

/**
 * The parent's full new order after moving `id` one place up (-1) or down (+1), as the reorder API wants it;
 * null when it cannot move (first going up, last going down, or not among the siblings).
 */
export function movedOrder(siblings: readonly number[], id: number, by: -1 | 1): number[] | null {
  const index = siblings.indexOf(id);
  const to = index + by;
  if (index < 0 || to < 0 || to >= siblings.length) return null;
  const order = [...siblings];
  order.splice(index, 1);
  order.splice(to, 0, id);
  return order;
}

/** The number for a new task in a plan numbered 1, 2, 3…: one more than the largest; blank when the numbers are not plain. */
export function nextTaskNumber(nodes: readonly Pick<TExecNode, 'kind' | 'number'>[]): string {
  const numbers = nodes.filter((n) => n.kind === 'task').map((n) => n.number.trim());
  if (numbers.length === 0 || !numbers.every((n) => /^\d{1,6}$/.test(n))) return '';
  return String(Math.max(...numbers.map(Number)) + 1);
}

/** A title as one line: the text box wraps long titles, but line breaks (typed or pasted) do not belong in them. */
export function oneLine(title: string): string {
  return title.replace(/\s*[\r\n]+\s*/g, '').trim();
}
