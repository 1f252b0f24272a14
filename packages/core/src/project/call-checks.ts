import { projectLimits, type TCall, type TCallChecks, type TFinding } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { barredReason, barredReasons, eligibilityFor, loadApplicants } from './applicant.ts';
import { type CheckedApplication, formalFindings } from './formal-findings.ts';
import { requireManagerOf } from './project.policy.ts';
import { type Db, findCall } from './project.repository.ts';
import { jaccard, titleBigrams } from './title-similarity.ts';

/** The applications the automatic checks look at: everything submitted to the call and still in play. */
const liveStatuses = ['submitted', 'recommended', 'returned', 'under_review', 'selected'];

/** Every live application of the call with its automatic findings (eligibility, 限项, leaders, titles, bans). */
export async function findCallFindings(db: Db, call: TCall, now: Date): Promise<Map<number, TFinding[]>> {
  const rows = await db
    .selectFrom('project_application')
    .select(['id', 'title', 'org_id', 'leader_person_id', 'submitted_at', 'members'])
    .where('call_id', '=', call.id)
    .where('status', 'in', liveStatuses)
    .execute();
  const day = bureauDate(now);
  const applicants = await loadApplicants(
    db,
    rows.map((r) => r.org_id),
    day,
  );
  const people = (r: (typeof rows)[number]) => [r.leader_person_id, ...(r.members as Array<{ personId: number }>).map((m) => m.personId)];
  const barred = await barredReasons(
    db,
    rows.map((r) => ({ id: r.id, orgId: r.org_id, personIds: people(r) })),
    day,
  );
  const checked: CheckedApplication[] = [];
  for (const r of rows) {
    checked.push({
      id: r.id,
      title: r.title,
      orgId: r.org_id,
      leaderPersonId: r.leader_person_id,
      submittedAt: r.submitted_at,
      eligibility: eligibilityFor(call, applicants.get(r.org_id)),
      barred: barred.get(r.id) ?? null,
    });
  }
  return formalFindings(checked, { limitPerUnit: call.limitPerUnit, limitPerLeader: call.limitPerLeader });
}

/**
 * The automatic findings of one application (the formal check of a single application): every other live
 * application of the call counts for 限项 and leaders, and is compared by title; eligibility and bans are
 * looked up for this application only, since they never depend on the others.
 */
export async function findApplicationFindings(db: Db, call: TCall, applicationId: number, now: Date): Promise<TFinding[]> {
  const rows = await db
    .selectFrom('project_application')
    .select(['id', 'title', 'org_id', 'leader_person_id', 'submitted_at', 'members'])
    .where('call_id', '=', call.id)
    .where('status', 'in', liveStatuses)
    .execute();
  const self = rows.find((r) => r.id === applicationId);
  if (!self) return [];
  const day = bureauDate(now);
  const applicants = await loadApplicants(db, [self.org_id], day);
  const members = (self.members as Array<{ personId: number }>).map((m) => m.personId);
  const selfGrams = titleBigrams(self.title);
  const threshold = projectLimits.duplicateTitleJaccard;
  // only the applications that can share a finding with this one
  const related = rows.filter(
    (r) =>
      r.id === applicationId ||
      r.org_id === self.org_id ||
      r.leader_person_id === self.leader_person_id ||
      jaccard(selfGrams, titleBigrams(r.title)) >= threshold,
  );
  const checked: CheckedApplication[] = related.map((r) => ({
    id: r.id,
    title: r.title,
    orgId: r.org_id,
    leaderPersonId: r.leader_person_id,
    submittedAt: r.submitted_at,
    eligibility: r.id === applicationId ? eligibilityFor(call, applicants.get(r.org_id)) : [],
    barred: null,
  }));
  const own = checked.find((c) => c.id === applicationId) as CheckedApplication;
  own.barred = await barredReason(db, self.org_id, [self.leader_person_id, ...members], day);
  return (
    formalFindings(checked, { limitPerUnit: call.limitPerUnit, limitPerLeader: call.limitPerLeader }, threshold).get(applicationId) ?? []
  );
}

/** The automatic 形式审查 report of a whole call, for the bureau that owns it. */
export async function checkCall(ctx: Ctx, callId: number): Promise<TCallChecks> {
  const call = await findCall(ctx.db, callId, ctx.now());
  requireManagerOf(ctx, call.regionCode);
  const findings = await findCallFindings(ctx.db, call, ctx.now());
  const titles = new Map(
    (await ctx.db.selectFrom('project_application').select(['id', 'title']).where('call_id', '=', callId).execute()).map((r) => [
      r.id,
      r.title,
    ]),
  );
  return {
    callId,
    checked: findings.size,
    applications: [...findings].map(([id, list]) => ({ id, title: titles.get(id) ?? '', findings: list })),
  };
}
