import { AppError, type TCommissioner, type TTalent } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

export type Db = Kysely<DB> | Transaction<DB>;

export function talentQuery(db: Db) {
  return db
    .selectFrom('talent as t')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .leftJoin('organization as o', 'o.id', 't.employer_org_id')
    .select([
      't.id',
      't.person_id',
      'p.name',
      'p.title',
      'p.phone',
      'p.id_last4',
      'p.employer_name',
      'o.name as org_name',
      't.region_code',
      't.field',
      't.level',
      't.introduced_on',
      't.introduced_from',
      't.version',
    ]);
}
type TalentRow = Awaited<ReturnType<ReturnType<typeof talentQuery>['executeTakeFirstOrThrow']>>;

export async function toTalents(db: Db, rows: TalentRow[], identity: boolean): Promise<TTalent[]> {
  const personIds = rows.map((r) => r.person_id);
  const talentIds = rows.map((r) => r.id);
  const awards = personIds.length
    ? await db
        .selectFrom('talent_award')
        .select(['person_id', 'name', 'level', 'year'])
        .where('person_id', 'in', personIds)
        .orderBy('year')
        .execute()
    : [];
  const memberships = talentIds.length
    ? await db
        .selectFrom('talent_nomination as n')
        .innerJoin('talent_round as r', 'r.id', 'n.round_id')
        .innerJoin('talent_programme as g', 'g.id', 'r.programme_id')
        .select(['n.talent_id', 'g.name', 'r.year'])
        .where('n.selected', '=', true)
        .where('n.talent_id', 'in', talentIds)
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    name: r.name,
    title: r.title,
    employerName: r.org_name ?? r.employer_name,
    regionCode: r.region_code,
    field: r.field,
    level: r.level as TTalent['level'],
    introducedOn: r.introduced_on,
    introducedFrom: r.introduced_from,
    idLast4: identity ? r.id_last4 : null,
    phone: identity ? r.phone : null,
    programmes: memberships.filter((m) => m.talent_id === r.id).map((m) => ({ name: m.name, year: m.year })),
    awards: awards.filter((a) => a.person_id === r.person_id).map((a) => ({ name: a.name, level: a.level, year: a.year })),
    version: r.version,
  }));
}

export async function loadTalent(db: Db, id: number): Promise<TalentRow> {
  const r = await talentQuery(db).where('t.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('talent/not_found', { id });
  return r;
}

export function commissionerQuery(db: Db) {
  return db
    .selectFrom('commissioner as c')
    .innerJoin('talent as t', 't.id', 'c.talent_id')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .leftJoin('organization as o', 'o.id', 't.employer_org_id')
    .leftJoin('commissioner_team as m', 'm.id', 'c.team_id')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .select([
      'c.id',
      'c.talent_id',
      'p.id as person_id',
      'p.name',
      'p.employer_name',
      'o.name as org_name',
      'c.year',
      'c.region_code',
      'm.name as team_name',
      'c.team_id',
      'c.user_id',
      'u.username',
      'c.grade',
      'c.assessment_note',
      'c.version',
    ]);
}
type CommissionerRow = Awaited<ReturnType<ReturnType<typeof commissionerQuery>['executeTakeFirstOrThrow']>>;

export async function loadCommissioner(db: Db, id: number): Promise<CommissionerRow> {
  const r = await commissionerQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('talent/commissioner_not_found', { id });
  return r;
}

export async function toCommissioners(db: Db, rows: CommissionerRow[]): Promise<TCommissioner[]> {
  const ids = rows.map((r) => r.id);
  const targets = ids.length
    ? await db.selectFrom('service_target').selectAll().where('commissioner_id', 'in', ids).orderBy('id').execute()
    : [];
  const counts = ids.length
    ? await db
        .selectFrom('service_log')
        .select((eb) => [
          'commissioner_id',
          eb.fn.countAll<string>().as('n'),
          eb.fn.count<string>(eb.case().when('confirm_result', '=', 'confirmed').then(1).end()).as('confirmed'),
          eb.fn.count<string>(eb.case().when('confirm_result', '=', 'disputed').then(1).end()).as('disputed'),
        ])
        .where('commissioner_id', 'in', ids)
        .groupBy('commissioner_id')
        .execute()
    : [];
  return rows.map((r) => {
    const c = counts.find((x) => x.commissioner_id === r.id);
    return {
      id: r.id,
      talentId: r.talent_id,
      name: r.name,
      employerName: r.org_name ?? r.employer_name,
      year: r.year,
      regionCode: r.region_code,
      teamName: r.team_name,
      userId: r.user_id,
      username: r.username,
      teamId: r.team_id,
      grade: r.grade as TCommissioner['grade'],
      assessmentNote: r.assessment_note,
      logCount: Number(c?.n ?? 0),
      confirmedCount: Number(c?.confirmed ?? 0),
      disputedCount: Number(c?.disputed ?? 0),
      targets: targets
        .filter((t) => t.commissioner_id === r.id)
        .map((t) => ({ id: t.id, kind: t.kind as 'village', name: t.name, regionCode: t.region_code, villageCode: t.village_code })),
      version: r.version,
    };
  });
}
