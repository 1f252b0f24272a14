import type { TApplication, TApplicationSummary, TBudgetLine, TTargetLine } from '@kechuang/contracts';
import { AppError } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { personViews } from '../person/index.ts';
import { requireActor } from '../policy.ts';
import { shanghaiIso } from './call-time.ts';
import { assertApplicationReadable } from './project.policy.ts';
import { type Db, findApplicationRow } from './project.repository.ts';
import { eventsNamed } from './project-events.ts';

export function summaryQuery(db: Db) {
  return db
    .selectFrom('project_application as a')
    .innerJoin('project_call as c', 'c.id', 'a.call_id')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .innerJoin('person as p', 'p.id', 'a.leader_person_id')
    .leftJoin('organization as rec', 'rec.id', 'a.recommender_org_id')
    .select([
      'a.id',
      'a.call_id',
      'c.title as call_title',
      'a.org_id',
      'o.name as org_name',
      'a.region_code',
      'a.title',
      'p.name as leader_name',
      'a.recommender_org_id',
      'rec.name as recommender_org_name',
      'a.fiscal_fen',
      'a.status',
      'a.submitted_at',
      'a.version',
    ]);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(r: SummaryRow): TApplicationSummary {
  return {
    id: r.id,
    callId: r.call_id,
    callTitle: r.call_title,
    orgId: r.org_id,
    orgName: r.org_name,
    regionCode: r.region_code,
    title: r.title,
    leaderName: r.leader_name,
    recommenderOrgId: r.recommender_org_id,
    recommenderOrgName: r.recommender_org_name,
    fiscalFen: Number(r.fiscal_fen),
    status: r.status as TApplicationSummary['status'],
    submittedAt: r.submitted_at ? shanghaiIso(r.submitted_at) : null,
    version: r.version,
  };
}

interface MemberRef {
  personId: number;
  role: string;
  workMonths: number;
}

/** The whole application with its people, files and timeline (no access check: callers check first). */
export async function loadApplication(db: Db, id: number): Promise<TApplication> {
  const head = await summaryQuery(db).where('a.id', '=', id).executeTakeFirst();
  const row = await findApplicationRow(db, id);
  if (!head || !row) throw new AppError('project/application_not_found', { id });
  const members = row.members as MemberRef[];
  const people = await personViews(db, [row.leader_person_id, ...members.map((m) => m.personId)]);
  const files = await db
    .selectFrom('project_application_file')
    .select(['id', 'kind', 'filename', 'size', 'sha256'])
    .where('application_id', '=', id)
    .orderBy('id')
    .execute();
  const events = await eventsNamed(db, 'application_id', id);
  const leader = people.get(row.leader_person_id);
  if (!leader) throw new AppError('project/application_not_found', { id });
  return {
    ...toSummary(head),
    fieldCode: row.field_code,
    direction: row.direction,
    summary: row.summary,
    leader,
    members: members.flatMap((m) => {
      const person = people.get(m.personId);
      return person ? [{ person, role: m.role, workMonths: m.workMonths }] : [];
    }),
    budget: row.budget as TBudgetLine[],
    selfFen: Number(row.self_fen),
    targets: row.targets as TTargetLine[],
    returnReasons: (row.return_reasons as string[] | null) ?? null,
    checklist: (row.checklist as TApplication['checklist']) ?? null,
    grantedFen: row.granted_fen === null ? null : Number(row.granted_fen),
    files,
    timeline: events.map((e) => ({
      at: shanghaiIso(e.at),
      actor: e.actor_name ?? e.actor_username,
      kind: e.kind,
      detail: e.detail ?? null,
    })),
  };
}

export async function getApplication(ctx: Ctx, id: number): Promise<TApplication> {
  const actor = requireActor(ctx);
  assertApplicationReadable(actor, await findApplicationRow(ctx.db, id), id);
  return loadApplication(ctx.db, id);
}
