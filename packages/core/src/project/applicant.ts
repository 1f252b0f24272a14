import type { TCall, TEligibilityRules } from '@kechuang/contracts';
import { barredAmong, checkBarred } from '../integrity/index.ts';
import { type Applicant, eligibilityMessage, eligibilityReasons } from './eligibility.ts';
import type { Db } from './project.repository.ts';

/** The applicant unit as the eligibility rules see it on a day: kind, region, ladder rungs held. */
export async function loadApplicants(db: Db, orgIds: number[], day: string): Promise<Map<number, Applicant>> {
  const out = new Map<number, Applicant>();
  if (orgIds.length === 0) return out;
  const unique = [...new Set(orgIds)];
  const orgs = await db.selectFrom('organization').select(['id', 'kind', 'region_code']).where('id', 'in', unique).execute();
  for (const o of orgs) out.set(o.id, { orgKind: o.kind as Applicant['orgKind'], regionCode: o.region_code, rungs: [] });
  // rungs in force on the day (valid_to inclusive), of the enterprise registered with the unit's account
  const rungs = await db
    .selectFrom('enterprise as e')
    .innerJoin('enterprise_status as s', 's.enterprise_id', 'e.id')
    .select(['e.org_id', 's.rung'])
    .where('e.org_id', 'in', unique)
    .where('s.valid_from', '<=', day)
    .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', day)]))
    .execute();
  for (const r of rungs) {
    const a = out.get(r.org_id as number);
    if (a && !a.rungs.includes(r.rung)) (a.rungs as string[]).push(r.rung);
  }
  return out;
}

export function eligibilityFor(call: Pick<TCall, 'eligibility' | 'regionCode'>, applicant: Applicant | undefined): string[] {
  if (!applicant) return ['申报单位不存在'];
  return eligibilityReasons(call.eligibility as TEligibilityRules, call.regionCode, applicant).map(eligibilityMessage);
}

/**
 * The integrity answer for an application: the unit, the leader and every member, for the activity of
 * applying (the scope of persons checked is a local choice; this checks all of them).
 */
export async function barredReason(db: Db, orgId: number, personIds: number[], day: string): Promise<string | null> {
  const org = await checkBarred({ db }, { subject: { kind: 'org', id: orgId }, activity: 'apply', on: day });
  if (org.barred) return org.reason;
  for (const id of new Set(personIds)) {
    const p = await checkBarred({ db }, { subject: { kind: 'person', id }, activity: 'apply', on: day });
    if (p.barred) return p.reason;
  }
  return null;
}

/**
 * The same answer as barredReason for many applications at once (a whole call's formal check): the units and
 * persons are looked up in two queries, not one per person.
 */
export async function barredReasons(
  db: Db,
  apps: ReadonlyArray<{ id: number; orgId: number; personIds: number[] }>,
  day: string,
): Promise<Map<number, string>> {
  const [orgs, persons] = await Promise.all([
    barredAmong({ db }, { kind: 'org', ids: apps.map((a) => a.orgId), activity: 'apply', on: day }),
    barredAmong({ db }, { kind: 'person', ids: apps.flatMap((a) => a.personIds), activity: 'apply', on: day }),
  ]);
  const out = new Map<number, string>();
  for (const a of apps) {
    const hit = orgs.get(a.orgId) ?? a.personIds.map((id) => persons.get(id)).find((x) => x !== undefined);
    if (hit) out.set(a.id, hit.reason);
  }
  return out;
}
