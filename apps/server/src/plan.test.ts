import { draftToPlanInput, type TPlanImportResult } from '@kechuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

const sample = [
  '衡阳市2021年科技创新工作要点',
  '一、主要目标',
  '全市研发经费投入强度达到2.2%，高新技术企业净增180家，技术合同成交额达到35亿元。',
  '二、重点任务',
  '（一）培育创新主体',
  '1.实施高新技术企业倍增计划。全年新增高新技术企业180家。（牵头单位：市科技局；责任单位：各县市区人民政府）',
  '2.壮大科技型中小企业。（牵头单位：市科技局）',
].join('\n');

let t: TestApp;
let planner: Client;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
});
afterAll(async () => t?.close());

async function importSample(): Promise<TPlanImportResult> {
  const res = await planner.request({ method: 'POST', url: '/api/plans/import/text', payload: { text: sample } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function createBody(r: TPlanImportResult) {
  const { nodes, targets } = draftToPlanInput(r.draft);
  return { title: '衡阳市2021年科技创新工作要点', regionCode: '430400', year: 2021, kind: 'plan', sourceText: r.text, nodes, targets };
}

describe('plan import and confirm', () => {
  it('drafts a pasted plan without storing anything', async () => {
    const before = { plans: await t.count('audit_log') };
    const r = await importSample();
    expect(r.draft.targets.length).toBeGreaterThan(0);
    expect(r.draft.sections.length).toBeGreaterThan(0);
    expect(await t.count('audit_log')).toBe(before.plans);
  });

  it('creates the plan with its tree and targets in one audited transaction, and lists it', async () => {
    const r = await importSample();
    const body = createBody(r);
    const audits = await t.count('audit_log');
    const res = await planner.request({ method: 'POST', url: '/api/plans', payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.nodes).toHaveLength(body.nodes.length);
    expect(plan.targets).toHaveLength(body.targets.length);
    // parents come before children and keep their links
    const ids = new Set<number>();
    for (const n of plan.nodes) {
      if (n.parentId !== null) expect(ids.has(n.parentId)).toBe(true);
      ids.add(n.id);
    }
    expect(await t.count('audit_log')).toBe(audits + 1);
    const list = (await planner.request({ method: 'GET', url: '/api/plans?year=2021' })).json();
    expect(list.items.map((p: { id: number }) => p.id)).toContain(plan.id);
    const viewer = await t.login('province');
    expect((await viewer.request({ method: 'GET', url: `/api/plans/${plan.id}` })).json().title).toBe(body.title);
    const other = await t.login('planner.changsha');
    expect((await other.request({ method: 'GET', url: `/api/plans/${plan.id}` })).json().code).toBe('auth/out_of_scope');
  });

  it('refuses a tree with an unknown parent or a cycle, and writes nothing', async () => {
    const body = createBody(await importSample());
    const before = await t.count('audit_log');
    const orphan = { ...body, nodes: [{ ...body.nodes[0], parentKey: 'nope' }, ...body.nodes.slice(1)] };
    expect((await planner.request({ method: 'POST', url: '/api/plans', payload: orphan })).json().code).toBe('plan/invalid_tree');
    const a = { ...body.nodes[0], key: 'a', parentKey: 'b' };
    const b = { ...body.nodes[0], key: 'b', parentKey: 'a' };
    const cycle = { ...body, nodes: [a, b], targets: [] };
    expect((await planner.request({ method: 'POST', url: '/api/plans', payload: cycle })).json().code).toBe('plan/invalid_tree');
    expect(await t.count('audit_log')).toBe(before);
  });

  it('reads an uploaded text file and refuses bad uploads with a clear code', async () => {
    const up = (bytes: Buffer, filename: string) =>
      planner.request({
        method: 'POST',
        url: `/api/plans/import?filename=${encodeURIComponent(filename)}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    const ok = await up(Buffer.from(sample, 'utf8'), '工作要点.txt');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().text).toContain('研发经费投入强度');
    const gbk = await up(Buffer.from(new TextEncoder().encode('')), 'empty.txt');
    expect(gbk.json().code).toBe('import/empty');
    expect((await up(Buffer.from('PK\u0003\u0004garbage'), 'plan.docx')).json().code).toBe('import/corrupt');
    expect((await up(Buffer.from('hello'), 'plan.exe')).json().code).toBe('import/unsupported_type');
    const huge = await up(Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.txt');
    expect(huge.statusCode).toBe(413);
  });

  it('lets reporters neither import nor read plans', async () => {
    const reporter = await t.login('reporter.hengnan');
    expect((await reporter.request({ method: 'POST', url: '/api/plans/import/text', payload: { text: sample } })).statusCode).toBe(403);
    expect((await reporter.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(403);
  });
});
