import { bureauDate } from '@kechuang/core';
import { expect } from 'vitest';
import type { Client, TestApp } from './testing.ts';

/** A small 衡阳 plan for the plan-execution tests: two sections, three tasks, a task target and a plan target. */
export function execPlanBody(year: number) {
  const span = { start: 0, end: 0 };
  const node = (
    key: string,
    parentKey: string | null,
    kind: 'section' | 'task',
    number: string,
    title: string,
    lead: string[] = [],
    co: string[] = [],
  ) => ({
    key,
    parentKey,
    kind,
    number,
    title,
    ...span,
    leadUnits: lead,
    coUnits: co,
    deadline: null,
  });
  const target = (
    nodeKey: string | null,
    name: string,
    code: string | null,
    value: number,
    unit: string,
    kind: string,
    baseline = false,
  ) => ({
    nodeKey,
    indicatorName: name,
    indicatorCode: code,
    value,
    valueMax: null,
    unit,
    normalizedValue: value,
    normalizedUnit: unit,
    comparator: null,
    qualifier: null,
    kind,
    targetYear: year,
    quote: '',
    ...span,
    baseline,
  });
  return {
    title: `衡阳市${year}年科技创新工作要点（执行测试）`,
    regionCode: '430400',
    year,
    kind: 'plan',
    nodes: [
      node('s1', null, 'section', '一', '培育创新主体'),
      node('t1', 's1', 'task', '1', '实施高新技术企业倍增计划', ['市科技局'], ['耒阳市人民政府']),
      node('t2', 's1', 'task', '2', '壮大科技型中小企业', ['耒阳市人民政府']),
      node('s2', null, 'section', '二', '优化创新生态'),
      node('t3', 's2', 'task', '3', '建设创新平台', ['衡南县人民政府'], ['不存在的单位']),
    ],
    targets: [
      target('t2', '科技型中小企业新增', null, 100, '家', 'increment'),
      target(null, '研发经费投入强度', 'rd_intensity', 2.5, '%', 'level'),
      target(null, '研发经费投入强度', 'rd_intensity', 2.0, '%', 'level', true),
    ],
  };
}

export interface ExecPlan {
  id: number;
  version: number;
  nodes: Array<{ id: number; kind: string; number: string; title: string; parentId: number | null }>;
  targets: Array<{ id: number; nodeId: number | null; indicatorName: string; baseline: boolean }>;
}

export async function createExecPlan(planner: Client, year: number): Promise<ExecPlan> {
  const res = await planner.request({ method: 'POST', url: '/api/plans', payload: execPlanBody(year) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const taskOf = (p: ExecPlan, number: string) => {
  const n = p.nodes.find((x) => x.kind === 'task' && x.number === number);
  if (!n) throw new Error(`no task ${number}`);
  return n.id;
};

export async function orgIdOf(t: TestApp, name: string): Promise<number> {
  return (await t.database.db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function planVersion(t: TestApp, planId: number): Promise<number> {
  return (await t.database.db.selectFrom('plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow()).version;
}

/** Bureau calendar date (UTC+8) shifted by whole days. */
export function bureauDay(offsetDays = 0): string {
  return bureauDate(new Date(Date.now() + offsetDays * 86_400_000));
}

export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
