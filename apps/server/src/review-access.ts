import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * 专家抽取与评审: its rows of the access table (access.test.ts). "in" is a call of the 衡阳 bureau (430400) with
 * an application of the demo enterprise (衡阳衡山科学仪器有限公司) and a panel on which the demo expert account
 * (陈专家) sits; "out" is a call of 武汉 (420100), outside everyone's scope, whose panel seats another expert.
 * The bureau (admin, planner) draws and opens, viewers read records and rankings, the expert acts only on their
 * own seat, the applicant only asks for avoidance on its own application. Rows are inserted directly; every
 * mutating request gets a fresh one.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
}
type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
interface EntryLike {
  in: TRole[];
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
}

const readers: TRole[] = ['admin', 'planner', 'viewer'];
const managers: TRole[] = ['admin', 'planner'];
let seq = 0;
type Side = 'in' | 'out';
const region = (side: Side) => (side === 'in' ? '430400' : '420100');
const constraints = {
  size: 1,
  reserves: 0,
  disciplinePrefix: '998',
  matchSubjectField: false,
  minOutsideCity: 0,
  maxPerEmployer: null,
  employerWindowYears: 3,
  maxAvoidance: 3,
  reviewFrom: '2026-12-20',
  reviewTo: '2026-12-22',
};

async function call(t: TestApp, side: Side, rubric = true) {
  const db = t.database.db;
  const { id: programmeId } = await db
    .insertInto('project_programme')
    .values({ region_code: region(side), kind: 'natural_science', name: `评审访问测试计划${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('project_call')
    .values({
      programme_id: programmeId,
      region_code: region(side),
      year: 2026,
      title: `评审访问测试指南${++seq}`,
      max_grant_fen: 30_000_000,
      budget_fen: 1_000_000_000,
      opens_at: new Date(Date.now() - 10 * 86_400_000),
      closes_at: new Date(Date.now() - 86_400_000),
      recommendation: 'direct',
      eligibility: JSON.stringify({ applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] }),
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (rubric)
    await db
      .insertInto('review_rubric')
      .values({
        subject_kind: 'project_application',
        batch_id: id,
        region_code: region(side),
        criteria: JSON.stringify([{ key: 'overall', name: '综合', min: '0', max: '100', weight: '1', commentRequired: false }]),
        aggregation: 'mean',
        dispersion_threshold: '30',
        mode: 'online',
        veto_enabled: true,
        blind: false,
        opinion_required: false,
      })
      .execute();
  return id;
}

async function orgOf(t: TestApp, side: Side) {
  const db = t.database.db;
  const name = side === 'in' ? '衡阳衡山科学仪器有限公司' : '评审访问测试武汉企业';
  const found = await db.selectFrom('organization').select(['id', 'region_code']).where('name', '=', name).executeTakeFirst();
  if (found) return found;
  return db
    .insertInto('organization')
    .values({ name, kind: 'enterprise', region_code: '420102' })
    .returning(['id', 'region_code'])
    .executeTakeFirstOrThrow();
}

async function application(t: TestApp, side: Side, callId?: number) {
  const db = t.database.db;
  const org = await orgOf(t, side);
  const batchId = callId ?? (await call(t, side));
  const person = await db
    .insertInto('person')
    .values({ name: `评审访问负责人${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('project_application')
    .values({
      call_id: batchId,
      org_id: org.id,
      region_code: org.region_code,
      title: `评审访问测试申报${++seq}`,
      leader_person_id: person.id,
      fiscal_fen: 0,
      self_fen: 0,
      status: 'under_review',
      submitted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, callId: batchId };
}

/** The demo expert account's expert row ("in"), or another expert's ("out"); discipline 998 keeps them apart. */
async function expertOf(t: TestApp, side: Side) {
  const db = t.database.db;
  if (side === 'in') {
    const user = await db.selectFrom('app_user').select(['id']).where('username', '=', 'expert').executeTakeFirstOrThrow();
    const found = await db.selectFrom('expert').select('id').where('user_id', '=', user.id).executeTakeFirst();
    if (found) return found.id;
  }
  const person = await db
    .insertInto('person')
    .values({ name: side === 'in' ? '陈专家' : `评审访问专家${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user =
    side === 'in' ? await db.selectFrom('app_user').select(['id']).where('username', '=', 'expert').executeTakeFirstOrThrow() : null;
  const { id } = await db
    .insertInto('expert')
    .values({
      person_id: person.id,
      region_code: side === 'in' ? '430400' : '420100',
      discipline_codes: ['998.10'],
      status: 'active',
      user_id: user?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** An expert of the 衡阳 pool in discipline 998, without an account: what a one-seat draw finds. */
async function poolExpert(t: TestApp) {
  const db = t.database.db;
  const person = await db
    .insertInto('person')
    .values({ name: `评审访问库内专家${++seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('expert')
    .values({ person_id: person.id, region_code: '430400', discipline_codes: ['998.10'], status: 'active' })
    .execute();
}

/** A draw with one panel, one seat: the demo expert's ("in") or another's ("out"). */
async function panel(t: TestApp, side: Side, o: { status?: string; assignment?: string } = {}) {
  const db = t.database.db;
  const app = await application(t, side);
  const { id: drawId } = await db
    .insertInto('review_draw')
    .values({
      subject_kind: 'project_application',
      batch_id: app.callId,
      region_code: region(side),
      algorithm: 'xoshiro128ss-v1',
      seed: '0'.repeat(32),
      constraints: JSON.stringify(constraints),
      pool_snapshot: '[]',
      snapshot_sha256: '0'.repeat(64),
      subjects: '[]',
      batch_persons: '[]',
      exclusions: '[]',
      drawn_at: new Date(),
      opened_at: o.status === 'sealed' ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: panelId } = await db
    .insertInto('review_panel')
    .values({
      draw_id: drawId,
      subject_kind: 'project_application',
      subject_id: app.id,
      batch_id: app.callId,
      region_code: region(side),
      status: o.status ?? 'open',
      exclusions: '[]',
      review_from: '2026-12-20',
      review_to: '2026-12-22',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: assignmentId } = await db
    .insertInto('review_assignment')
    .values({
      panel_id: panelId,
      expert_id: await expertOf(t, side),
      position: 1,
      seat: true,
      status: o.assignment ?? 'invited',
      year: 2026,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { drawId, panelId, assignmentId, applicationId: app.id, callId: app.callId };
}

/** An avoidance request on a fresh application, before its draw. */
async function avoidance(t: TestApp, side: Side) {
  const app = await application(t, side);
  const row = await t.database.db
    .insertInto('review_avoidance')
    .values({ subject_kind: 'project_application', subject_id: app.id, org_name: '竞争单位', reason: '存在竞争关系' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const get = (
  url: (p: Awaited<ReturnType<typeof panel>>) => string,
  o: Parameters<typeof panel>[2] = {},
): Pick<EntryLike, 'reqIn' | 'reqOut'> => ({
  reqIn: async ({ t }) => ({ method: 'GET', url: url(await panel(t, 'in', o)) }),
  reqOut: async ({ t }) => ({ method: 'GET', url: url(await panel(t, 'out', o)) }),
});

export function reviewAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/review/rubrics': { in: readers, out: [], ...get((p) => `/api/review/rubrics?batchId=${p.callId}`) },
    'PUT /api/review/rubrics': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => ({
        method: 'PUT',
        url: '/api/review/rubrics',
        payload: { batchId: await call(t, 'in', false), criteria: [{ key: 'overall', name: '综合', max: '100' }] },
      }),
      reqOut: async ({ t }) => ({
        method: 'PUT',
        url: '/api/review/rubrics',
        payload: { batchId: await call(t, 'out', false), criteria: [{ key: 'overall', name: '综合', max: '100' }] },
      }),
    },
    'POST /api/review/draws': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => {
        await poolExpert(t);
        const app = await application(t, 'in');
        return { method: 'POST', url: '/api/review/draws', payload: { batchId: app.callId, constraints } };
      },
      reqOut: async ({ t }) => {
        const app = await application(t, 'out');
        return { method: 'POST', url: '/api/review/draws', payload: { batchId: app.callId, constraints } };
      },
    },
    'GET /api/review/draws': { in: readers, out: [], ...get((p) => `/api/review/draws?batchId=${p.callId}`) },
    'GET /api/review/draws/:id': { in: readers, out: [], ...get((p) => `/api/review/draws/${p.drawId}`) },
    'GET /api/review/draws/:id/verify': { in: readers, out: [], ...get((p) => `/api/review/draws/${p.drawId}/verify`) },
    'POST /api/review/draws/:id/open': {
      in: managers,
      out: [],
      reqIn: async ({ t }) => ({ method: 'POST', url: `/api/review/draws/${(await panel(t, 'in', { status: 'sealed' })).drawId}/open` }),
      reqOut: async ({ t }) => ({ method: 'POST', url: `/api/review/draws/${(await panel(t, 'out', { status: 'sealed' })).drawId}/open` }),
    },
    'GET /api/review/panels/:id': { in: readers, out: [], ...get((p) => `/api/review/panels/${p.panelId}`) },
    'GET /api/review/panels/:id/opinions.docx': { in: managers, out: [], ...get((p) => `/api/review/panels/${p.panelId}/opinions.docx`) },
    'GET /api/review/assignments/mine': {
      in: ['expert'],
      reqIn: async ({ t }) => {
        await expertOf(t, 'in');
        return { method: 'GET', url: '/api/review/assignments/mine' };
      },
    },
    'POST /api/review/assignments/:id/declare': {
      in: ['expert'],
      out: [],
      reqIn: async ({ t }) => ({
        method: 'POST',
        url: `/api/review/assignments/${(await panel(t, 'in')).assignmentId}/declare`,
        payload: { conflict: false },
      }),
      reqOut: async ({ t }) => ({
        method: 'POST',
        url: `/api/review/assignments/${(await panel(t, 'out')).assignmentId}/declare`,
        payload: { conflict: false },
      }),
    },
    'GET /api/review/assignments/:id/subject': {
      in: ['admin', 'planner', 'expert'],
      out: [],
      ...get((p) => `/api/review/assignments/${p.assignmentId}/subject`, { assignment: 'accepted' }),
    },
    'PUT /api/review/assignments/:id/score': {
      in: ['expert'],
      out: [],
      reqIn: async ({ t }) => ({
        method: 'PUT',
        url: `/api/review/assignments/${(await panel(t, 'in', { assignment: 'accepted' })).assignmentId}/score`,
        payload: { scores: { overall: '80' } },
      }),
      reqOut: async ({ t }) => ({
        method: 'PUT',
        url: `/api/review/assignments/${(await panel(t, 'out', { assignment: 'accepted' })).assignmentId}/score`,
        payload: { scores: { overall: '80' } },
      }),
    },
    'GET /api/review/ranking': { in: readers, out: [], ...get((p) => `/api/review/ranking?batchId=${p.callId}`) },
    'GET /api/review/ranking.xlsx': { in: managers, out: [], ...get((p) => `/api/review/ranking.xlsx?batchId=${p.callId}`) },
    'GET /api/review/result': { in: readers, out: [], ...get((p) => `/api/review/result?subjectId=${p.applicationId}`) },
    'POST /api/review/avoidances': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => ({
        method: 'POST',
        url: '/api/review/avoidances',
        payload: { subjectId: (await application(t, 'in')).id, orgName: '竞争单位', reason: '存在竞争关系' },
      }),
      reqOut: async ({ t }) => ({
        method: 'POST',
        url: '/api/review/avoidances',
        payload: { subjectId: (await application(t, 'out')).id, orgName: '竞争单位', reason: '存在竞争关系' },
      }),
    },
    'DELETE /api/review/avoidances/:id': {
      in: ['enterprise'],
      out: [],
      reqIn: async ({ t }) => ({ method: 'DELETE', url: `/api/review/avoidances/${await avoidance(t, 'in')}` }),
      reqOut: async ({ t }) => ({ method: 'DELETE', url: `/api/review/avoidances/${await avoidance(t, 'out')}` }),
    },
    'GET /api/review/avoidances': {
      in: [...readers, 'enterprise'],
      out: [],
      reqIn: async ({ t }) => ({ method: 'GET', url: `/api/review/avoidances?subjectId=${(await application(t, 'in')).id}` }),
      reqOut: async ({ t }) => ({ method: 'GET', url: `/api/review/avoidances?subjectId=${(await application(t, 'out')).id}` }),
    },
  };
}
