import { AppError, type ErrorCode, type TReviewSubjectKind } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

/*
 * What a panel reviews, kind by kind: where its batch is (the region and title the access rules and the draw
 * read), its subjects' rows (unit, persons named, discipline, group), which of them wait for a panel, the persons
 * of the whole batch (an expert named in another subject of the same batch is left out), titles for the lists,
 * and what the expert reads once they declared no conflict. The draw, the declarations, the scores, the
 * aggregation and the ranking read subjects through here only, so they work unchanged for every kind.
 *
 * - project_application: the batch is the call (project_call); an application waits when under_review.
 * - platform_application: the batch is the platform 认定 round (platform_call); an application waits once
 *   submitted. The application names its 依托单位 only (the type catalogue has no person fields), so the
 *   conflict rules read the unit: the same current or recent employer, a shareholding or another relation with it.
 * - acceptance: the batch is the project itself. Acceptances are requested one project at a time across the
 *   year, each judged on its own task book (pass or not, never ranked against the others), so a panel, its
 *   rubric and its "ranking" belong to the project; a bureau-wide yearly round would have no row to lock, no
 *   single rubric that fits every programme, and would rank projects that do not compete. The project waits
 *   while its acceptance is requested (or, in a second round, while it is rectifying).
 */

export type Db = Kysely<DB> | Transaction<DB>;

export interface BatchRow {
  id: number;
  regionCode: string;
  title: string;
  year: number;
}

type Member = { personId: number; role?: string };

export interface SubjectRow {
  id: number;
  title: string;
  status: string;
  orgId: number | null;
  orgName: string;
  regionCode: string;
  fieldCode: string | null;
  /** the support direction, the platform type or the programme: the group ranks are counted in */
  direction: string | null;
  leaderPersonId: number | null;
  members: Member[];
}

/** The subject as the expert reads it after declaring (before blind mode hides the applicant). */
export interface SubjectDetail {
  title: string;
  fieldCode: string | null;
  direction: string | null;
  summary: string | null;
  orgName: string;
  leaderName: string | null;
  members: Member[];
  fiscalFen: number;
  selfFen: number;
  targets: Array<{ name: string; unit: string; value: string }>;
  facts: Array<{ label: string; value: string }>;
}

export interface SubjectSource {
  /** the error a missing subject gets */
  notFound: ErrorCode;
  batch(db: Db, id: number): Promise<BatchRow | undefined>;
  /** one draw at a time per batch: the batch's row is the lock */
  lockBatch(tx: Db, id: number): Promise<void>;
  /** the batch, unit and status of one subject */
  ofSubject(db: Db, id: number, lock?: boolean): Promise<{ batchId: number; orgId: number | null; status: string } | undefined>;
  rows(db: Db, batchId: number, ids?: number[]): Promise<SubjectRow[]>;
  /** the statuses in which a subject waits for its panel */
  waiting: string[];
  /** the statuses in which the applicant may still ask for avoidance (before the draw) */
  avoidable: string[];
  /** the statuses a subject is ranked in */
  ranked: string[];
  /** every person named in a subject of the batch that left draft */
  batchPersons(db: Db, batchId: number): Promise<Array<{ personId: number; subjectId: number }>>;
  titles(db: Db, ids: number[]): Promise<Map<number, string>>;
  batchTitles(db: Db, ids: number[]): Promise<Map<number, string>>;
  detail(db: Db, id: number): Promise<SubjectDetail>;
}

const members = (m: unknown): Member[] => (m as Member[] | null) ?? [];
const none = (ids: number[]): number[] => (ids.length ? ids : [0]);

const projectApplication: SubjectSource = {
  notFound: 'project/application_not_found',
  async batch(db, id) {
    const c = await db.selectFrom('project_call').select(['id', 'region_code', 'title', 'year']).where('id', '=', id).executeTakeFirst();
    return c && { id: c.id, regionCode: c.region_code, title: c.title, year: c.year };
  },
  async lockBatch(tx, id) {
    await tx.selectFrom('project_call').select('id').where('id', '=', id).forUpdate().execute();
  },
  async ofSubject(db, id, lock = false) {
    let q = db.selectFrom('project_application').select(['call_id', 'org_id', 'status']).where('id', '=', id);
    if (lock) q = q.forUpdate();
    const a = await q.executeTakeFirst();
    return a && { batchId: a.call_id, orgId: a.org_id, status: a.status };
  },
  async rows(db, batchId, ids) {
    let q = db
      .selectFrom('project_application as a')
      .innerJoin('organization as o', 'o.id', 'a.org_id')
      .select([
        'a.id',
        'a.title',
        'a.status',
        'a.org_id',
        'o.name as org_name',
        'a.region_code',
        'a.field_code',
        'a.direction',
        'a.leader_person_id',
        'a.members',
      ])
      .where('a.call_id', '=', batchId)
      .orderBy('a.id');
    if (ids) q = q.where('a.id', 'in', none(ids));
    return (await q.execute()).map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      orgId: r.org_id,
      orgName: r.org_name,
      regionCode: r.region_code,
      fieldCode: r.field_code,
      direction: r.direction,
      leaderPersonId: r.leader_person_id,
      members: members(r.members),
    }));
  },
  waiting: ['under_review'],
  avoidable: ['submitted', 'recommended', 'returned', 'under_review', 'selected', 'rejected'],
  ranked: ['under_review', 'selected', 'rejected'],
  async batchPersons(db, batchId) {
    const rows = await db
      .selectFrom('project_application')
      .select(['id', 'leader_person_id', 'members'])
      .where('call_id', '=', batchId)
      .where('status', 'not in', ['draft', 'withdrawn'])
      .orderBy('id')
      .execute();
    return rows.flatMap((r) => [
      { personId: r.leader_person_id, subjectId: r.id },
      ...members(r.members).map((m) => ({ personId: m.personId, subjectId: r.id })),
    ]);
  },
  async titles(db, ids) {
    const rows = ids.length ? await db.selectFrom('project_application').select(['id', 'title']).where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, r.title]));
  },
  async batchTitles(db, ids) {
    const rows = ids.length ? await db.selectFrom('project_call').select(['id', 'title']).where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, r.title]));
  },
  async detail(db, id) {
    const a = await db
      .selectFrom('project_application as a')
      .innerJoin('organization as o', 'o.id', 'a.org_id')
      .innerJoin('person as l', 'l.id', 'a.leader_person_id')
      .select([
        'a.title',
        'a.field_code',
        'a.direction',
        'a.summary',
        'a.members',
        'a.fiscal_fen',
        'a.self_fen',
        'a.targets',
        'o.name as org_name',
        'l.name as leader_name',
      ])
      .where('a.id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      title: a.title,
      fieldCode: a.field_code,
      direction: a.direction,
      summary: a.summary,
      orgName: a.org_name,
      leaderName: a.leader_name,
      members: members(a.members),
      fiscalFen: Number(a.fiscal_fen),
      selfFen: Number(a.self_fen),
      targets: targetLines(a.targets),
      facts: [],
    };
  },
};

function targetLines(raw: unknown) {
  return ((raw as Array<{ name: string; unit: string; value: string }> | null) ?? []).map((t) => ({
    name: t.name,
    unit: t.unit,
    value: String(t.value),
  }));
}

const platformApplication: SubjectSource = {
  notFound: 'platform/application_not_found',
  async batch(db, id) {
    const c = await db.selectFrom('platform_call').select(['id', 'region_code', 'title', 'year']).where('id', '=', id).executeTakeFirst();
    return c && { id: c.id, regionCode: c.region_code, title: c.title, year: c.year };
  },
  async lockBatch(tx, id) {
    await tx.selectFrom('platform_call').select('id').where('id', '=', id).forUpdate().execute();
  },
  async ofSubject(db, id, lock = false) {
    let q = db.selectFrom('platform_application').select(['call_id', 'org_id', 'status']).where('id', '=', id);
    if (lock) q = q.forUpdate();
    const a = await q.executeTakeFirst();
    return a && { batchId: a.call_id, orgId: a.org_id, status: a.status };
  },
  async rows(db, batchId, ids) {
    let q = db
      .selectFrom('platform_application as a')
      .innerJoin('organization as o', 'o.id', 'a.org_id')
      .innerJoin('platform_type as t', (j) => j.onRef('t.code', '=', 'a.type_code').onRef('t.version', '=', 'a.type_version'))
      .select(['a.id', 'a.name', 'a.status', 'a.org_id', 'o.name as org_name', 'a.region_code', 't.name as type_name'])
      .where('a.call_id', '=', batchId)
      .orderBy('a.id');
    if (ids) q = q.where('a.id', 'in', none(ids));
    return (await q.execute()).map((r) => ({
      id: r.id,
      title: r.name,
      status: r.status,
      orgId: r.org_id,
      orgName: r.org_name,
      regionCode: r.region_code,
      fieldCode: null,
      direction: r.type_name,
      leaderPersonId: null,
      members: [],
    }));
  },
  waiting: ['submitted'],
  avoidable: ['submitted'],
  ranked: ['submitted', 'passed', 'failed', 'publicity', 'recognised'],
  async batchPersons() {
    return [];
  },
  async titles(db, ids) {
    const rows = ids.length ? await db.selectFrom('platform_application').select(['id', 'name']).where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async batchTitles(db, ids) {
    const rows = ids.length ? await db.selectFrom('platform_call').select(['id', 'title']).where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, r.title]));
  },
  async detail(db, id) {
    const a = await db
      .selectFrom('platform_application as a')
      .innerJoin('organization as o', 'o.id', 'a.org_id')
      .innerJoin('platform_type as t', (j) => j.onRef('t.code', '=', 'a.type_code').onRef('t.version', '=', 'a.type_version'))
      .select(['a.name', 'a.fields', 'a.conditions', 'o.name as org_name', 't.name as type_name', 't.definition'])
      .where('a.id', '=', id)
      .executeTakeFirstOrThrow();
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    const def = parse(a.definition) as { fields: Array<{ key: string; label: string; unit: string }> };
    const fields = (parse(a.fields) ?? {}) as Record<string, unknown>;
    const conditions = (parse(a.conditions) ?? []) as Array<{ text: string; met: boolean; value: number | null }>;
    return {
      title: a.name,
      fieldCode: null,
      direction: a.type_name,
      summary: null,
      orgName: a.org_name,
      leaderName: null,
      members: [],
      fiscalFen: 0,
      selfFen: 0,
      targets: def.fields
        .filter((f) => fields[f.key] !== undefined && fields[f.key] !== null)
        .map((f) => ({ name: f.label, unit: f.unit, value: String(fields[f.key]) })),
      facts: conditions.map((c) => ({ label: c.text, value: `${c.met ? '✓' : '✗'} ${c.value ?? '—'}` })),
    };
  },
};

const acceptance: SubjectSource = {
  notFound: 'project/not_found',
  async batch(db, id) {
    const p = await db.selectFrom('project').select(['id', 'bureau_region_code', 'title', 'year']).where('id', '=', id).executeTakeFirst();
    return p && { id: p.id, regionCode: p.bureau_region_code, title: `${p.title}（结题验收）`, year: p.year };
  },
  async lockBatch(tx, id) {
    await tx.selectFrom('project').select('id').where('id', '=', id).forUpdate().execute();
  },
  async ofSubject(db, id, lock = false) {
    let q = db.selectFrom('project').select(['id', 'org_id', 'status']).where('id', '=', id);
    if (lock) q = q.forUpdate();
    const p = await q.executeTakeFirst();
    return p && { batchId: p.id, orgId: p.org_id, status: p.status };
  },
  async rows(db, batchId, ids) {
    if (ids && !ids.includes(batchId)) return [];
    const p = await db
      .selectFrom('project as p')
      .leftJoin('project_application as a', 'a.id', 'p.application_id')
      .select([
        'p.id',
        'p.title',
        'p.status',
        'p.org_id',
        'p.org_name',
        'p.region_code',
        'p.field_code',
        'p.programme_name',
        'p.leader_person_id',
        'a.members',
      ])
      .where('p.id', '=', batchId)
      .executeTakeFirst();
    if (!p) return [];
    return [
      {
        id: p.id,
        title: p.title,
        status: p.status,
        orgId: p.org_id,
        orgName: p.org_name,
        regionCode: p.region_code,
        fieldCode: p.field_code,
        direction: p.programme_name,
        leaderPersonId: p.leader_person_id,
        members: members(p.members),
      },
    ];
  },
  waiting: ['acceptance_requested', 'rectifying'],
  avoidable: ['executing', 'acceptance_requested'],
  ranked: [
    'executing',
    'acceptance_requested',
    'rectifying',
    'passed',
    'concluded',
    'failed',
    'passed_after_rectification',
    'terminated',
    'revoked',
  ],
  async batchPersons(db, batchId) {
    const [row] = await acceptance.rows(db, batchId);
    if (!row) return [];
    return [
      ...(row.leaderPersonId === null ? [] : [{ personId: row.leaderPersonId, subjectId: row.id }]),
      ...row.members.map((m) => ({ personId: m.personId, subjectId: row.id })),
    ];
  },
  async titles(db, ids) {
    const rows = ids.length ? await db.selectFrom('project').select(['id', 'title']).where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, r.title]));
  },
  async batchTitles(db, ids) {
    const rows = ids.length ? await db.selectFrom('project').select(['id', 'title']).where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, `${r.title}（结题验收）`]));
  },
  async detail(db, id) {
    const p = await db
      .selectFrom('project as p')
      .leftJoin('project_application as a', 'a.id', 'p.application_id')
      .select([
        'p.title',
        'p.project_no',
        'p.field_code',
        'p.programme_name',
        'p.org_name',
        'p.leader_name',
        'p.granted_fen',
        'p.start_on',
        'p.end_on',
        'p.contract',
        'a.summary',
        'a.members',
        'a.self_fen',
      ])
      .where('p.id', '=', id)
      .executeTakeFirstOrThrow();
    const contract = (typeof p.contract === 'string' ? JSON.parse(p.contract) : p.contract) as { targets?: unknown } | null;
    const reports = await db
      .selectFrom('project_report')
      .select(['kind', 'period', 'submitted_at'])
      .where('project_id', '=', id)
      .orderBy('id')
      .execute();
    const paid = await db
      .selectFrom('project_payment')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount_fen'), eb.val('0')).as('sum'))
      .where('project_id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      title: p.title,
      fieldCode: p.field_code,
      direction: p.programme_name,
      summary: p.summary,
      orgName: p.org_name,
      leaderName: p.leader_name,
      members: members(p.members),
      fiscalFen: Number(p.granted_fen),
      selfFen: Number(p.self_fen ?? 0),
      targets: targetLines(contract?.targets),
      facts: [
        { label: '项目编号', value: p.project_no },
        { label: '执行期', value: `${p.start_on ?? '—'} 至 ${p.end_on ?? '—'}` },
        { label: '已拨付（元）', value: (Number(paid.sum) / 100).toFixed(2) },
        ...reports.map((r) => ({
          label: r.kind === 'tech_report' ? '科技报告' : `报告（${r.kind}${r.period ? ` ${r.period}` : ''}）`,
          value: r.submitted_at ? `已提交 ${r.submitted_at.toISOString().slice(0, 10)}` : '草稿',
        })),
      ],
    };
  },
};

const sources: Record<TReviewSubjectKind, SubjectSource> = {
  project_application: projectApplication,
  platform_application: platformApplication,
  acceptance,
};

export function subjectSource(kind: TReviewSubjectKind | string): SubjectSource {
  const s = sources[kind as TReviewSubjectKind];
  if (!s) throw new AppError('review/subject_kind_unsupported', { kind });
  return s;
}
