import type { TPlanCreate } from '@kechuang/contracts';

export interface GeneratedPlanOptions {
  nodes: number;
  /** a section heads every this many nodes (the rest are its tasks) */
  sectionEvery: number;
  regionCode?: string;
  title?: string;
  year?: number;
}

/**
 * A confirm-step body as the importer's review page sends it, of any size: numbered sections, each with its tasks
 * (lead unit 市科技局, some with co-units and deadlines) and a target on its first task; values vary with the
 * position so two plans made from it can be compared field by field. Used by the import tests and bench:import.
 */
export function generatedPlan(o: GeneratedPlanOptions): TPlanCreate {
  const year = o.year ?? 2026;
  const out: TPlanCreate = {
    title: o.title ?? `衡阳市科技创新工作要点（${o.nodes} 个节点）`,
    docNumber: `衡科发〔${year}〕9号`,
    issuer: '衡阳市科学技术局',
    issuedOn: `${year}-02-01`,
    regionCode: o.regionCode ?? '430400',
    year,
    periodTo: null,
    kind: 'plan',
    sourceFilename: 'generated.docx',
    sourceText: '正文',
    nodes: [],
    targets: [],
  };
  let section = '';
  for (let i = 0; i < o.nodes; i++) {
    const inSection = i % o.sectionEvery;
    if (inSection === 0) {
      section = `s${i}`;
      out.nodes.push({
        key: section,
        parentKey: null,
        kind: 'section',
        number: `${i / o.sectionEvery + 1}、`,
        title: `板块${i / o.sectionEvery + 1}`,
        start: 0,
        end: 2,
        leadUnits: [],
        coUnits: [],
        deadline: null,
      });
      continue;
    }
    out.nodes.push({
      key: `t${i}`,
      parentKey: section,
      kind: 'task',
      number: `${inSection}.`,
      title: `任务 ${i}`,
      start: i,
      end: i + 1,
      leadUnits: ['市科技局'],
      coUnits: i % 2 ? ['市财政局'] : [],
      deadline: i % 3 ? `${year}年底` : null,
    });
    if (inSection === 1)
      out.targets.push({
        nodeKey: `t${i}`,
        indicatorName: `指标 ${i}`,
        indicatorCode: null,
        value: i,
        valueMax: i % 2 ? i + 5 : null,
        unit: '家',
        normalizedValue: i,
        normalizedUnit: '家',
        comparator: null,
        qualifier: null,
        kind: 'increment',
        targetYear: year,
        quote: `引文 ${i}`,
        start: i,
        end: i + 2,
        baseline: i % 4 === 1,
      });
  }
  return out;
}
