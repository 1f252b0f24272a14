import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let f: PlanFixture;

async function exportBook(planId = f.planId): Promise<ExcelJS.Workbook> {
  const res = await planner.request({ method: 'GET', url: `/api/plans/${planId}/xlsx` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

async function upload(book: ExcelJS.Workbook | Buffer, dryRun: boolean, planId = f.planId) {
  const payload = Buffer.isBuffer(book) ? book : Buffer.from(await book.xlsx.writeBuffer());
  return planner.request({
    method: 'POST',
    url: `/api/plans/${planId}/xlsx?dryRun=${dryRun}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload,
  });
}

/** The cell under a header in the row whose id (column 1) is `id`. */
function cellOf(ws: ExcelJS.Worksheet, id: number, header: string): ExcelJS.Cell {
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) col = n;
  });
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === id) row = n;
  });
  if (!col || !row) throw new Error(`no cell ${id} ${header}`);
  return ws.getCell(row, col);
}

const node = (id: number) => t.database.db.selectFrom('plan_node').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const planVersion = async (id = f.planId) =>
  (await t.database.db.selectFrom('plan').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
});
afterAll(async () => t?.close());
beforeEach(async () => {
  f = await createPlanFixture(t.database.db);
});

describe('plan workbook export', () => {
  it('has 任务 and 指标 sheets with a hidden id column, zh headers, a cycle drop-down and real dates', async () => {
    const book = await exportBook();
    const tasks = book.getWorksheet('任务') as ExcelJS.Worksheet;
    const targets = book.getWorksheet('指标') as ExcelJS.Worksheet;
    expect(tasks.rowCount).toBe(4);
    expect(targets.rowCount).toBe(2);
    expect(tasks.getColumn(1).hidden).toBe(true);
    expect(tasks.getRow(1).getCell(4).value).toBe('任务名称');
    expect(cellOf(tasks, f.monthly, '任务名称').value).toBe('培育高新技术企业');
    expect(cellOf(tasks, f.monthly, '牵头单位').value).toBe('耒阳市人民政府');
    expect(cellOf(tasks, f.monthly, '配合单位').value).toBe('衡南县人民政府');
    expect(cellOf(tasks, f.monthly, '所属板块').value).toBe('一、强化科技创新主体');
    expect(cellOf(tasks, f.monthly, '报送周期').value).toBe('按月');
    expect(cellOf(tasks, f.monthly, '报送周期').dataValidation).toMatchObject({ type: 'list', formulae: ['"不报送,按月,按季,自定义"'] });
    expect(cellOf(tasks, f.monthly, '完成时限').value).toBeInstanceOf(Date);
    expect((cellOf(tasks, f.monthly, '完成时限').value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(cellOf(tasks, f.monthly, '任务名称').protection?.locked).toBe(false);
    expect(cellOf(tasks, f.monthly, '牵头单位').protection?.locked).not.toBe(false);
    expect(cellOf(targets, f.targetId, '目标值').value).toBe(600);
    expect(cellOf(targets, f.targetId, '所属任务').value).toBe('1.培育高新技术企业');
    expect(book.getWorksheet('_kechuang')?.state).toBe('veryHidden');
  });

  it('reads back unchanged: nothing to update', async () => {
    const res = await upload(await exportBook(), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: false, tasksUpdated: 0, targetsUpdated: 0, unchanged: 4, version: 1, errors: [] });
  });

  it('refuses readers without the planner role and planners of another region', async () => {
    const reporter = await t.login('reporter.leiyang');
    expect((await reporter.request({ method: 'GET', url: `/api/plans/${f.planId}/xlsx` })).statusCode).toBe(403);
    const changsha = await t.login('planner.changsha');
    const res = await changsha.request({ method: 'GET', url: `/api/plans/${f.planId}/xlsx` });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth/out_of_scope');
  });
});

describe('plan workbook import', () => {
  it('updates the edited cells by id, bumps the version, keeps a revision and writes one audit row', async () => {
    const book = await exportBook();
    const tasks = book.getWorksheet('任务') as ExcelJS.Worksheet;
    const targets = book.getWorksheet('指标') as ExcelJS.Worksheet;
    cellOf(tasks, f.monthly, '任务名称').value = '培育壮大高新技术企业';
    cellOf(tasks, f.monthly, '责任领导').value = '李局长';
    cellOf(tasks, f.quarterly, '完成时限').value = new Date(Date.UTC(2026, 10, 30));
    cellOf(tasks, f.noCycle, '报送周期').value = '自定义';
    cellOf(tasks, f.noCycle, '自定义报送日期').value = '2026-12-31，2026-06-30';
    cellOf(tasks, f.noCycle, '权重').value = 1.5;
    cellOf(targets, f.targetId, '目标值').value = 650;
    const auditsBefore = await t.count('audit_log');

    const dry = await upload(book, true);
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, tasksUpdated: 3, targetsUpdated: 1, unchanged: 0, errors: [] });
    expect(await planVersion()).toBe(1);

    const res = await upload(book, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, tasksUpdated: 3, targetsUpdated: 1, version: 2 });
    expect(await node(f.monthly)).toMatchObject({ title: '培育壮大高新技术企业', leader: '李局长', version: 2 });
    expect((await node(f.quarterly)).due_date).toBe('2026-11-30');
    expect(await node(f.noCycle)).toMatchObject({ cycle: 'custom', custom_due_dates: ['2026-06-30', '2026-12-31'], weight: '1.5' });
    const target = await t.database.db.selectFrom('plan_target').selectAll().where('id', '=', f.targetId).executeTakeFirstOrThrow();
    expect(Number(target.value)).toBe(650);
    expect(Number(target.normalized_value)).toBe(650);
    expect(await planVersion()).toBe(2);
    const revision = await t.database.db.selectFrom('plan_revision').selectAll().where('plan_id', '=', f.planId).executeTakeFirstOrThrow();
    expect(revision.version).toBe(1);
    expect((revision.snapshot as { nodes: Array<{ id: number; title: string }> }).nodes.find((n) => n.id === f.monthly)?.title).toBe(
      '培育高新技术企业',
    );
    expect(await t.count('audit_log')).toBe(auditsBefore + 1);
    const events = await t.database.db.selectFrom('task_event').select('kind').where('node_id', '=', f.monthly).execute();
    expect(events.map((e) => e.kind)).toEqual(['edit']);

    // the old file is now stale
    const stale = await upload(book, false);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('plan/xlsx_stale');
  });

  it('reports every bad row (row, column, zh message) and applies nothing', async () => {
    const other = await createPlanFixture(t.database.db, { title: '另一份计划' });
    const book = await exportBook();
    const tasks = book.getWorksheet('任务') as ExcelJS.Worksheet;
    const targets = book.getWorksheet('指标') as ExcelJS.Worksheet;
    cellOf(tasks, f.monthly, '任务名称').value = '改了但不会生效';
    cellOf(tasks, f.quarterly, '报送周期').value = '每周';
    cellOf(tasks, f.quarterly, '开始日期').value = '2026-13-01';
    cellOf(tasks, f.noCycle, '权重').value = -1;
    tasks.addRow([other.monthly, '', '', '别的计划的任务']);
    tasks.addRow([f.monthly, '', '', '重复']);
    cellOf(targets, f.targetId, '目标值').value = '六百';

    const dry = await upload(book, true);
    expect(dry.statusCode).toBe(200);
    const errors = dry.json().errors as Array<{ sheet: string; row: number; column: string; message: string }>;
    const where = errors.map((e) => `${e.sheet}!${e.row} ${e.column}`);
    expect(where).toEqual(
      expect.arrayContaining(['任务!3 报送周期', '任务!3 开始日期', '任务!4 权重', '任务!5 任务ID', '任务!6 任务ID', '指标!2 目标值']),
    );
    expect(errors.find((e) => e.row === 5)?.message).toContain('本计划中没有');
    expect(errors.find((e) => e.row === 6)?.message).toContain('重复');
    expect(errors.find((e) => e.sheet === '指标')?.message).toMatch(/数字/);

    const res = await upload(book, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('plan/xlsx_rows_invalid');
    expect(res.json().rowErrors).toHaveLength(errors.length);
    expect((await node(f.monthly)).title).toBe('培育高新技术企业');
    expect(await planVersion()).toBe(1);
  });

  it('refuses a file of another plan, a non-workbook, a workbook without the sheets and an oversize upload', async () => {
    const other = await createPlanFixture(t.database.db, { title: '另一份计划' });
    const foreign = await upload(await exportBook(other.planId), false);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('plan/xlsx_wrong_plan');

    const junk = await upload(Buffer.from('这不是表格文件'), false);
    expect(junk.statusCode).toBe(400);
    expect(junk.json().code).toBe('plan/xlsx_invalid_file');

    const bare = new ExcelJS.Workbook();
    bare.addWorksheet('Sheet1').addRow(['x']);
    const noSheets = await upload(bare, false);
    expect(noSheets.json().code).toBe('plan/xlsx_invalid_file');

    const big = await upload(Buffer.alloc(10 * 1024 * 1024 + 10, 0x50), false);
    expect(big.statusCode).toBe(413);
    expect(await planVersion()).toBe(1);
  });
});
