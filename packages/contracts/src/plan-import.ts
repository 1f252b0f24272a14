import type { TPlanNodeInput, TPlanTargetInput } from './plan.ts';
import type { TDraftSection, TDraftTarget, TPlanDraft } from './plan-draft.ts';

/**
 * Turns an importer draft into the editable tree and target list the review page confirms:
 * sections become nodes; a task with the same span as a section marks that node as a task,
 * other tasks (table rows) hang under their section; each target goes to the innermost node
 * whose span contains it. Pure, so the server and the page agree.
 */
export function draftToPlanInput(draft: TPlanDraft): { nodes: TPlanNodeInput[]; targets: TPlanTargetInput[] } {
  const nodes: TPlanNodeInput[] = [];
  const byPath = new Map<string, string>();
  let n = 0;
  const walk = (list: TDraftSection[], parentKey: string | null, path: string[]) => {
    for (const s of list) {
      const key = `n${++n}`;
      const here = [...path, s.number];
      byPath.set(here.join('/'), key);
      nodes.push({
        key,
        parentKey,
        kind: 'section',
        number: s.number,
        title: s.title,
        start: s.start,
        end: s.end,
        leadUnits: [],
        coUnits: [],
        deadline: null,
      });
      walk(s.children, key, here);
    }
  };
  walk(draft.sections, null, []);
  for (const t of draft.tasks) {
    const same = nodes.find((x) => x.start === t.start && x.end === t.end);
    if (same) {
      Object.assign(same, { kind: 'task', leadUnits: t.leadUnits, coUnits: t.coUnits, deadline: t.deadline });
      continue;
    }
    const parentKey = byPath.get(t.sectionPath.join('/')) ?? null;
    nodes.push({
      key: `n${++n}`,
      parentKey,
      kind: 'task',
      number: t.number,
      title: t.title,
      start: t.start,
      end: t.end,
      leadUnits: t.leadUnits,
      coUnits: t.coUnits,
      deadline: t.deadline,
    });
  }
  const innermost = (start: number, end: number) => {
    let best: TPlanNodeInput | null = null;
    for (const x of nodes) if (x.start <= start && end <= x.end && (!best || x.end - x.start <= best.end - best.start)) best = x;
    return best?.key ?? null;
  };
  const targets: TPlanTargetInput[] = [
    ...draft.targets.map((t) => ({
      ...targetFields(t),
      comparator: t.comparator,
      targetYear: t.targetYear,
      nodeKey: innermost(t.start, t.end),
      baseline: false,
    })),
    ...draft.baselines.map((b) => ({
      ...targetFields(b),
      comparator: null,
      targetYear: b.year,
      nodeKey: innermost(b.start, b.end),
      baseline: true,
    })),
  ];
  return { nodes, targets };
}

function targetFields(
  t: Pick<TDraftTarget, 'indicator' | 'value' | 'valueMax' | 'unit' | 'normalized' | 'qualifier' | 'kind' | 'quote' | 'start' | 'end'>,
) {
  return {
    indicatorName: t.indicator.name,
    indicatorCode: t.indicator.code,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    normalizedValue: t.normalized.value,
    normalizedUnit: t.normalized.unit,
    qualifier: t.qualifier,
    kind: t.kind,
    quote: t.quote,
    start: t.start,
    end: t.end,
  };
}
