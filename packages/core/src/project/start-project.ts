import type { TBudgetLine, TDemand, TProjectContract, TTargetLine } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import type { ApplicationRow } from './project.repository.ts';

/**
 * 立项: the selected application becomes a project, its 任务书 drafted from the application (targets, budget,
 * no dates or milestones yet: the bureau settles them when it confirms). 项目编号 = year-call-application.
 */
export async function startProject(
  tx: Transaction<DB>,
  app: ApplicationRow,
  call: { id: number; year: number; regionCode: string; programmeKind: string; programmeName: string; demand: TDemand | null },
  grantedFen: number,
): Promise<number> {
  const [org, leader] = await Promise.all([
    tx.selectFrom('organization').select('name').where('id', '=', app.org_id).executeTakeFirstOrThrow(),
    tx.selectFrom('person').select('name').where('id', '=', app.leader_person_id).executeTakeFirstOrThrow(),
  ]);
  const contract: TProjectContract = {
    startOn: null,
    endOn: null,
    // 揭榜挂帅: the 榜单's targets are fixed, whatever the bid wrote
    targets: call.demand ? call.demand.targets : (app.targets as TTargetLine[]),
    budget: app.budget as TBudgetLine[],
    milestones: [],
  };
  const row = await tx
    .insertInto('project')
    .values({
      project_no: `${call.year}-${String(call.id).padStart(3, '0')}-${String(app.id).padStart(5, '0')}`,
      application_id: app.id,
      call_id: call.id,
      programme_kind: call.programmeKind,
      programme_name: call.programmeName,
      region_code: app.region_code,
      bureau_region_code: call.regionCode,
      org_id: app.org_id,
      org_name: org.name,
      year: call.year,
      title: app.title,
      field_code: app.field_code,
      leader_person_id: app.leader_person_id,
      leader_name: leader.name,
      granted_fen: grantedFen,
      contract: JSON.stringify(contract),
      source: 'application',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
