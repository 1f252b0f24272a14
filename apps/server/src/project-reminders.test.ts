import { projectReportSlots, runProjectReminders } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let projectId = 0;
let enterpriseUser = 0;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await db.selectFrom('organization').select('id').where('name', '=', '衡阳衡山科学仪器有限公司').executeTakeFirstOrThrow();
  enterpriseUser = (await db.selectFrom('app_user').select('id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).id;
  projectId = (
    await db
      .insertInto('project')
      .values({
        project_no: 'REMIND-1',
        programme_kind: 'natural_science',
        programme_name: '自然科学基金',
        region_code: '430408',
        bureau_region_code: '430400',
        org_id: org.id,
        org_name: '衡阳衡山科学仪器有限公司',
        year: 2026,
        title: '光谱仪关键部件国产化',
        leader_name: '周研发',
        granted_fen: 20_000_000,
        start_on: '2026-03-01',
        end_on: '2027-08-31',
        status: 'executing',
        source: 'import',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

const at = (iso: string) => ({ ...t.ctx(), now: () => new Date(iso) });
const mine = () =>
  t.database.db
    .selectFrom('notification')
    .select(['kind', 'title', 'body'])
    .where('user_id', '=', enterpriseUser)
    .where('kind', 'like', 'project.%')
    .orderBy('id')
    .execute();

describe('project execution report reminders', () => {
  it('has one half-yearly report for every half-year ending inside the project period', () => {
    expect(projectReportSlots('2026-03-01', '2027-08-31')).toEqual([
      { period: '2026-H1', due: '2026-07-15' },
      { period: '2026-H2', due: '2027-01-15' },
      { period: '2027-H1', due: '2027-07-15' },
    ]);
    expect(projectReportSlots('2026-07-01', '2026-12-30')).toEqual([]);
  });

  it('reminds the unit a week before, once, and after the due day, until the report is filed', async () => {
    expect((await runProjectReminders(at('2026-07-01T02:00:00Z'))).sent).toBe(0); // 14 days before
    const soon = await runProjectReminders(at('2026-07-10T02:00:00Z'));
    expect(soon).toMatchObject({ today: '2026-07-10', dueSoon: 1, sent: 1 });
    expect((await runProjectReminders(at('2026-07-11T02:00:00Z'))).sent).toBe(0); // the same reminder goes out once
    const late = await runProjectReminders(at('2026-07-20T02:00:00Z'));
    expect(late).toMatchObject({ overdue: 1, sent: 1 });
    expect((await mine()).map((n) => n.kind)).toEqual(['project.report_due', 'project.report_overdue']);
    expect((await mine())[1]?.body).toBe('2026-H1 执行情况报告应于 2026-07-15 前提交，已逾期 5 天。');
    await t.database.db
      .insertInto('project_report')
      .values({
        project_id: projectId,
        kind: 'periodic',
        period: '2026-H1',
        content: '{"progress":"按计划推进"}',
        submitted_at: new Date(),
      })
      .execute();
    expect(await runProjectReminders(at('2026-07-25T02:00:00Z'))).toMatchObject({ overdue: 0, dueSoon: 0, sent: 0 });
  });
});
