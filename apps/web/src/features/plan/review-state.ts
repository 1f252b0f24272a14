/**
 * The review page's working copy of an imported plan: the node tree (parents by key, siblings in
 * array order) and the target list. Every edit is a pure function from state to state, so the
 * page can hold it in one reducer and the rules are testable without a browser.
 */
import { draftToPlanInput, type TPlanDraft, type TPlanNodeInput, type TPlanTargetInput } from '@kechuang/contracts';
import { guessValue, normalizeValue, renormalize } from './normalize.ts';

/** A target plus a client-side id for table rows; the id is dropped on confirm. */
export type ReviewTarget = TPlanTargetInput & { id: string };

export interface ReviewState {
  nodes: TPlanNodeInput[];
  targets: ReviewTarget[];
  /** Counter for new keys and ids, so they never collide with the draft's `n1…`. */
  serial: number;
}

export function initialReview(draft: TPlanDraft): ReviewState {
  const { nodes, targets } = draftToPlanInput(draft);
  return { nodes, targets: targets.map((t, i) => ({ ...t, id: `t${i + 1}` })), serial: targets.length + 1 };
}

export type TargetPatch = Partial<Pick<TPlanTargetInput, 'indicatorName' | 'indicatorCode' | 'value' | 'unit' | 'targetYear' | 'kind'>>;
export type NodePatch = Partial<Pick<TPlanNodeInput, 'kind' | 'title' | 'leadUnits' | 'coUnits' | 'deadline'>>;
export type DropPosition = 'before' | 'after' | 'inside';

export type ReviewAction =
  | { type: 'updateTarget'; id: string; patch: TargetPatch }
  | { type: 'removeTarget'; id: string }
  | { type: 'addTarget'; start: number; end: number; quote: string; year: number | null }
  | { type: 'updateNode'; key: string; patch: NodePatch }
  | { type: 'removeNode'; key: string }
  | { type: 'mergeIntoPrevious'; key: string }
  | { type: 'moveNode'; key: string; to: string; position: DropPosition };

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'updateTarget':
      return { ...state, targets: state.targets.map((t) => (t.id === action.id ? patchTarget(t, action.patch) : t)) };
    case 'removeTarget':
      return { ...state, targets: state.targets.filter((t) => t.id !== action.id) };
    case 'addTarget':
      return addTarget(state, action);
    case 'updateNode':
      return { ...state, nodes: state.nodes.map((n) => (n.key === action.key ? { ...n, ...action.patch } : n)) };
    case 'removeNode':
      return removeNode(state, action.key);
    case 'mergeIntoPrevious':
      return mergeIntoPrevious(state, action.key);
    case 'moveNode':
      return moveNode(state, action.key, action.to, action.position);
  }
}

function patchTarget(t: ReviewTarget, patch: TargetPatch): ReviewTarget {
  const next = { ...t, ...patch };
  if (patch.value === undefined && patch.unit === undefined) return next;
  return { ...next, ...renormalize(t, next.value, next.unit) };
}

/** The innermost node whose span holds [start, end): where a new target belongs. */
export function innermostNode(nodes: readonly TPlanNodeInput[], start: number, end: number): string | null {
  let best: TPlanNodeInput | null = null;
  for (const n of nodes) if (n.start <= start && end <= n.end && (!best || n.end - n.start <= best.end - best.start)) best = n;
  return best?.key ?? null;
}

function addTarget(state: ReviewState, a: { start: number; end: number; quote: string; year: number | null }): ReviewState {
  const guess = guessValue(a.quote);
  const value = guess.value ?? 0;
  const normalized = normalizeValue(value, guess.unit);
  const target: ReviewTarget = {
    id: `t${state.serial}`,
    nodeKey: innermostNode(state.nodes, a.start, a.end),
    indicatorName: guess.name.slice(0, 100),
    indicatorCode: null,
    value,
    valueMax: null,
    unit: guess.unit,
    normalizedValue: normalized.value,
    normalizedUnit: normalized.unit,
    comparator: null,
    qualifier: null,
    kind: guess.unit === '%' ? 'share' : 'level',
    targetYear: a.year,
    quote: a.quote.slice(0, 1000),
    start: a.start,
    end: a.end,
    baseline: false,
  };
  const targets = [...state.targets, target].sort((x, y) => x.start - y.start || x.end - y.end);
  return { ...state, targets, serial: state.serial + 1 };
}

export function childrenOf(nodes: readonly TPlanNodeInput[], key: string | null): TPlanNodeInput[] {
  return nodes.filter((n) => n.parentKey === key);
}

/** Keys of a node and everything under it. */
export function subtreeKeys(nodes: readonly TPlanNodeInput[], key: string): Set<string> {
  const keys = new Set([key]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentKey !== null && keys.has(n.parentKey) && !keys.has(n.key)) {
        keys.add(n.key);
        grew = true;
      }
    }
  }
  return keys;
}

/** Deleting a node keeps what hangs under it: its children move up to its parent, its targets too. */
function removeNode(state: ReviewState, key: string): ReviewState {
  const node = state.nodes.find((n) => n.key === key);
  if (!node) return state;
  return {
    ...state,
    nodes: state.nodes.filter((n) => n.key !== key).map((n) => (n.parentKey === key ? { ...n, parentKey: node.parentKey } : n)),
    targets: state.targets.map((t) => (t.nodeKey === key ? { ...t, nodeKey: node.parentKey } : t)),
  };
}

export function previousSibling(nodes: readonly TPlanNodeInput[], key: string): TPlanNodeInput | null {
  const node = nodes.find((n) => n.key === key);
  if (!node) return null;
  const siblings = childrenOf(nodes, node.parentKey);
  const i = siblings.findIndex((n) => n.key === key);
  return i > 0 ? (siblings[i - 1] ?? null) : null;
}

const joinTitles = (a: string, b: string) => (/[。；;，,]$/.test(a) ? `${a}${b}` : `${a}；${b}`).slice(0, 500);
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** A task split in two by the importer becomes one again: the later part joins the earlier. */
function mergeIntoPrevious(state: ReviewState, key: string): ReviewState {
  const node = state.nodes.find((n) => n.key === key);
  const prev = previousSibling(state.nodes, key);
  if (!node || !prev) return state;
  const merged: TPlanNodeInput = {
    ...prev,
    title: joinTitles(prev.title, node.title),
    start: Math.min(prev.start, node.start),
    end: Math.max(prev.end, node.end),
    leadUnits: union(prev.leadUnits, node.leadUnits),
    coUnits: union(prev.coUnits, node.coUnits),
    deadline: prev.deadline ?? node.deadline,
  };
  return {
    ...state,
    nodes: state.nodes
      .filter((n) => n.key !== key)
      .map((n) => (n.key === prev.key ? merged : n.parentKey === key ? { ...n, parentKey: prev.key } : n)),
    targets: state.targets.map((t) => (t.nodeKey === key ? { ...t, nodeKey: prev.key } : t)),
  };
}

/** Drag and drop: before/after a node makes a sibling, inside makes the first child. */
function moveNode(state: ReviewState, key: string, to: string, position: DropPosition): ReviewState {
  if (key === to || subtreeKeys(state.nodes, key).has(to)) return state;
  const node = state.nodes.find((n) => n.key === key);
  const target = state.nodes.find((n) => n.key === to);
  if (!node || !target) return state;
  const moved = { ...node, parentKey: position === 'inside' ? target.key : target.parentKey };
  const rest = state.nodes.filter((n) => n.key !== key);
  let at = rest.findIndex((n) => n.key === to);
  if (position !== 'before') at += 1;
  return { ...state, nodes: [...rest.slice(0, at), moved, ...rest.slice(at)] };
}

/** What the server receives: the contract's shapes, without the client-side row ids. */
export function toSubmission(state: ReviewState): { nodes: TPlanNodeInput[]; targets: TPlanTargetInput[] } {
  return { nodes: state.nodes, targets: state.targets.map(({ id: _id, ...t }) => t) };
}
