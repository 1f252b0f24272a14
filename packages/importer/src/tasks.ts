import type { TTask } from './draft.ts';
import type { Node } from './sections.ts';

// Sections that frame the plan rather than list work: their leaves are not tasks.
const frameTitle =
  /^(?:指导思想|总体思路|总体要求|基本原则|(?:主要|发展|工作|总体|年度)目标|目标任务|工作要求|保障措施|组织保障|组织实施|实施步骤|进度安排|附件)$|施行|有效期/;
const taskTitle = /任务|重点工作|主要工作|工作措施|重点举措/;

const unitSplit = /[、，,；;/／]|\s+|和(?=[\u4e00-\u9fa5]{2,}(?:局|委|办|厅|院|部|会|中心|政府|公司|单位))/;
const unitLike =
  /(?:局|委|办|厅|院|部|会|中心|政府|公司|单位|管委会|园区|集团|学校|大学|银行|所|站|社|队|处|科|室|区|县|市|街道|乡镇|镇|各地)$/;

function splitUnits(s: string): string[] {
  return s
    .split(unitSplit)
    .map((u) => u.replace(/^(?:由|请)/, '').trim())
    .filter((u) => u.length >= 2 && u.length <= 30);
}

/**
 * Responsible units named in a task's text: a labelled parenthesis (牵头单位：…；责任单位：…), 市科技局牵头、市财政局配合,
 * or a trailing parenthesis of unit names (the first is read as the lead).
 */
export function parseUnits(text: string): { leadUnits: string[]; coUnits: string[] } {
  const lead: string[] = [];
  const co: string[] = [];
  const labelled = /((?:牵头|责任|配合|参与|协办|协同|主办)(?:单位|部门|股室|科室|处室|领导)?)[:：]\s*([^；;）)。\n]+)/g;
  let any = false;
  const labels = [...text.matchAll(labelled)];
  const hasLead = labels.some((m) => /牵头/.test(m[1] ?? ''));
  for (const m of labels) {
    any = true;
    const units = splitUnits(m[2] ?? '');
    if (/牵头/.test(m[1] ?? '') || (!hasLead && /责任/.test(m[1] ?? ''))) lead.push(...units);
    else co.push(...units);
  }
  if (any) return { leadUnits: lead, coUnits: co };
  const verbs = /[（(]([^（）()]{2,80}?)牵头(?:[，,、；;]\s*([^（）()]{2,80}?)(?:配合|参与|协同|协助))?[）)]/.exec(text);
  if (verbs) return { leadUnits: splitUnits(verbs[1] ?? ''), coUnits: splitUnits(verbs[2] ?? '') };
  const trailing = /[（(]([^（）()]{2,120})[）)]\s*[。.]?\s*$/.exec(text.trim());
  if (trailing) {
    const units = splitUnits(trailing[1] ?? '');
    if (units.length && units.every((u) => unitLike.test(u))) return { leadUnits: units.slice(0, 1), coUnits: units.slice(1) };
  }
  return { leadUnits: [], coUnits: [] };
}

function leaves(node: Node, path: string[], out: { node: Node; path: string[] }[]): void {
  if (!node.children.length) {
    out.push({ node, path });
    return;
  }
  for (const c of node.children) leaves(c, [...path, c.number || c.title], out);
}

/** Tasks are the leaves of the task sections (重点任务 …), or of every non-framing section when none is named. */
export function extractTasks(text: string, roots: Node[]): TTask[] {
  const named = roots.filter((r) => taskTitle.test(r.title) && !frameTitle.test(r.title));
  const scope = named.length ? named : roots.filter((r) => !frameTitle.test(r.title));
  const found: { node: Node; path: string[] }[] = [];
  for (const r of scope) leaves(r, [r.number || r.title], found);
  return found
    .filter(({ node }) => node !== roots.find((r) => r === node) || !frameTitle.test(node.title))
    .map(({ node, path }) => {
      const body = text.slice(node.start, node.end);
      const row = node.row;
      const cell = (i: number) => (row && i >= 0 ? (row.cells[i] ?? '') : '');
      const units = row ? { leadUnits: splitUnits(cell(row.columns.lead)), coUnits: splitUnits(cell(row.columns.co)) } : parseUnits(body);
      return {
        number: node.number,
        title: node.title,
        ...units,
        deadline: row ? cell(row.columns.deadline) || null : (/完成时限[:：]\s*([^；;）)。\n]+)/.exec(body)?.[1] ?? null),
        start: node.start,
        end: node.end,
        sectionPath: path.slice(0, -1),
      };
    });
}
