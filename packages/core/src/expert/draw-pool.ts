import type { TExpertRelationKind, TExpertStatus } from '@kechuang/contracts';
import { regionPrefix } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { sql } from '@kechuang/db';

/*
 * The pool a random draw starts from, read for the review module (which applies the conflict rules of
 * domain-rules §6.2 and the seeded draw): the candidate experts with their current and past employers,
 * declared relations and unavailable dates, in four queries whatever the pool's size (the experts, then
 * each kind of child row for the same filter). No access check here: the caller (a draw use case) has
 * checked that the actor may draw for the region.
 *
 * Experts come ordered by id, and every list inside an expert in a fixed order, so that the same pool gives
 * the same input to a seeded draw.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface DrawPoolFilter {
  /** regions whose entries to include, each with its subtree (none: every region) */
  regionCodes?: string[];
  /** 学科 prefixes, any of which an expert must match ("520" matches "520.10"); none: no restriction */
  disciplinePrefixes?: string[];
  /** 行业 prefixes ("C" matches "C39"); none: no restriction */
  industryPrefixes?: string[];
  /** statuses to include; default only 'active' (the only ones drawn) */
  status?: TExpertStatus | TExpertStatus[];
  /** only these experts (e.g. re-reading a stored pool snapshot) */
  ids?: number[];
}

export interface DrawPoolEmployment {
  orgId: number | null;
  orgName: string;
  fromDate: string | null;
  /** null: the current employer */
  toDate: string | null;
}

export interface DrawPoolRelation {
  kind: TExpertRelationKind;
  personId: number | null;
  personName: string | null;
  orgId: number | null;
  orgName: string | null;
  fromDate: string | null;
  toDate: string | null;
}

export interface DrawPoolExpert {
  id: number;
  personId: number;
  name: string;
  title: string | null;
  regionCode: string;
  status: TExpertStatus;
  disciplineCodes: string[];
  industryCodes: string[];
  yearlyQuota: number;
  userId: number | null;
  /** every employer, current ones (toDate null) first, then past ones latest first */
  employments: DrawPoolEmployment[];
  relations: DrawPoolRelation[];
  unavailable: Array<{ fromDate: string; toDate: string }>;
}

function anyPrefix(column: 'discipline_codes' | 'industry_codes', prefixes: string[]) {
  const patterns = prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return sql<boolean>`exists (select 1 from unnest(${sql.ref(`e.${column}`)}) c where c like any (${patterns}::text[]))`;
}

function candidates(db: Db, filter: DrawPoolFilter) {
  const statuses = filter.status === undefined ? ['active' as const] : Array.isArray(filter.status) ? filter.status : [filter.status];
  let q = db.selectFrom('expert as e').where('e.status', 'in', statuses);
  if (filter.regionCodes && filter.regionCodes.length > 0) {
    const patterns = filter.regionCodes.map((c) => `${regionPrefix(c)}%`);
    q = q.where(sql<boolean>`e.region_code like any (${patterns}::text[])`);
  }
  if (filter.disciplinePrefixes && filter.disciplinePrefixes.length > 0)
    q = q.where(anyPrefix('discipline_codes', filter.disciplinePrefixes));
  if (filter.industryPrefixes && filter.industryPrefixes.length > 0) q = q.where(anyPrefix('industry_codes', filter.industryPrefixes));
  if (filter.ids) q = q.where('e.id', 'in', filter.ids.length > 0 ? filter.ids : [0]);
  return q;
}

/**
 * The candidate experts of a draw (by default the active ones) with employers, relations and unavailable
 * dates. Used by the review module's draw; see DrawPoolFilter for the filter.
 */
export async function loadDrawPool(db: Db, filter: DrawPoolFilter = {}): Promise<DrawPoolExpert[]> {
  const ids = () => candidates(db, filter).select('e.id');
  const [experts, jobs, relations, unavailable] = await Promise.all([
    candidates(db, filter)
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select([
        'e.id',
        'e.person_id',
        'p.name',
        'e.title',
        'e.region_code',
        'e.status',
        'e.discipline_codes',
        'e.industry_codes',
        'e.yearly_quota',
        'e.user_id',
      ])
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('expert_employment')
      .select(['expert_id', 'org_id', 'org_name', 'from_date', 'to_date'])
      .where('expert_id', 'in', ids())
      .orderBy('expert_id')
      .orderBy(sql`to_date desc nulls first`)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('expert_relation')
      .select(['expert_id', 'kind', 'person_id', 'person_name', 'org_id', 'org_name', 'from_date', 'to_date'])
      .where('expert_id', 'in', ids())
      .orderBy('expert_id')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('expert_unavailable')
      .select(['expert_id', 'from_date', 'to_date'])
      .where('expert_id', 'in', ids())
      .orderBy('expert_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute(),
  ]);
  const byId = new Map<number, DrawPoolExpert>();
  const out = experts.map((e): DrawPoolExpert => {
    const x: DrawPoolExpert = {
      id: e.id,
      personId: e.person_id,
      name: e.name,
      title: e.title,
      regionCode: e.region_code,
      status: e.status,
      disciplineCodes: e.discipline_codes,
      industryCodes: e.industry_codes,
      yearlyQuota: e.yearly_quota,
      userId: e.user_id,
      employments: [],
      relations: [],
      unavailable: [],
    };
    byId.set(e.id, x);
    return x;
  });
  for (const j of jobs)
    byId.get(j.expert_id)?.employments.push({ orgId: j.org_id, orgName: j.org_name, fromDate: j.from_date, toDate: j.to_date });
  for (const r of relations)
    byId.get(r.expert_id)?.relations.push({
      kind: r.kind,
      personId: r.person_id,
      personName: r.person_name,
      orgId: r.org_id,
      orgName: r.org_name,
      fromDate: r.from_date,
      toDate: r.to_date,
    });
  for (const u of unavailable) byId.get(u.expert_id)?.unavailable.push({ fromDate: u.from_date, toDate: u.to_date });
  return out;
}
