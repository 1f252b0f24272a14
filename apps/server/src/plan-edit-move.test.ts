import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// A mid-year adjustment moves a task to another section: one edit, kept in the revision history.

let t: TestApp;
let f: PlanFixture;
let other: PlanFixture;
let planner: Client;

interface ExecNode {
  id: number;
  parentId: number | null;
  position: number;
  kind: string;
  title: string;
}
interface Exec {
  version: number;
  nodes: ExecNode[];
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createPlanFixture(t.database.db, { title: '移动任务测试计划' });
  other = await createPlanFixture(t.database.db, { title: '另一份计划' });
  planner = await t.login('planner');
});
afterAll(async () => t?.close());

const exec = async (planId = f.planId) => (await planner.request({ method: 'GET', url: `/api/plans/${planId}/execution` })).json() as Exec;
const patch = (nodeId: number, payload: Record<string, unknown>) =>
  planner.request({ method: 'PATCH', url: `/api/plans/${f.planId}/nodes/${nodeId}`, payload });

describe('moving a task to another section', () => {
  let second = 0;

  it('moves it last under the new section, with its reason in the history and on the timeline', async () => {
    const added = await planner.request({
      method: 'POST',
      url: `/api/plans/${f.planId}/nodes`,
      payload: { version: (await exec()).version, parentId: null, kind: 'section', number: '二、', title: '优化创新生态' },
    });
    expect(added.statusCode, added.body).toBe(200);
    second = (added.json() as Exec).nodes.find((n) => n.title === '优化创新生态')?.id as number;
    const before = await exec();

    const res = await patch(f.quarterly, { version: before.version, reason: '调整到第二部分', parentId: second });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Exec;
    expect(after.version).toBe(before.version + 1);
    expect(after.nodes.find((n) => n.id === f.quarterly)?.parentId).toBe(second);
    // the tree still reads in order: the section, then the moved task; the first section keeps its other tasks
    const order = [...after.nodes].sort((a, b) => a.position - b.position).map((n) => n.id);
    expect(order).toEqual([f.sectionId, f.monthly, f.noCycle, second, f.quarterly]);

    const revisions = (await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/revisions` })).json();
    expect(revisions.items[0]).toMatchObject({ version: before.version, reason: '调整到第二部分' });
    const detail = (await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/tasks/${f.quarterly}` })).json();
    expect(detail.section).toMatchObject({ id: second });
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'edit', detail: { changed: { parentId: second }, reason: '调整到第二部分' } });
    // progress follows: the task counts under its new section
    const progress = (await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/dashboard?sectionId=${second}` })).json();
    expect(Object.values(progress.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1);
    const d = (await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/dashboard` })).json();
    expect(d.sections.map((s: { nodeId: number }) => s.nodeId)).toEqual([f.sectionId, second]);
  });

  it('refuses a task or its own subtree as the new parent, and another plan’s node, changing nothing', async () => {
    const before = await exec();
    const underTask = await patch(f.monthly, { version: before.version, parentId: f.noCycle });
    expect(underTask.statusCode).toBe(400);
    expect(underTask.json().code).toBe('plan/invalid_tree');
    const underItself = await patch(second, { version: before.version, parentId: second });
    expect(underItself.json().code).toBe('plan/invalid_tree');
    const foreign = await patch(f.monthly, { version: before.version, parentId: other.sectionId });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('plan/node_not_found');
    const stale = await patch(f.monthly, { version: before.version - 1, parentId: second });
    expect(stale.statusCode).toBe(409);
    expect(await exec()).toEqual(before);
  });

  it('moves a section with its tasks under another section', async () => {
    const before = await exec();
    const res = await patch(second, { version: before.version, parentId: f.sectionId });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Exec;
    expect(after.nodes.find((n) => n.id === second)?.parentId).toBe(f.sectionId);
    expect(after.nodes.find((n) => n.id === f.quarterly)?.parentId).toBe(second);
    // and back to the top level
    const back = await patch(second, { version: after.version, parentId: null });
    expect(back.statusCode, back.body).toBe(200);
    expect((back.json() as Exec).nodes.find((n) => n.id === second)?.parentId).toBeNull();
  });
});
