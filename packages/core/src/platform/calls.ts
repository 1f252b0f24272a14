import {
  AppError,
  type TPlatformApplication,
  type TPlatformApplicationInput,
  type TPlatformCall,
  type TPlatformCallInput,
  type TPlatformConditionResult,
  type TPlatformRecogniseInput,
  type TPlatformReviewInput,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { checkBarred } from '../integrity/index.ts';
import { inRegionScope, isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { subjectReviewResult } from '../review/index.ts';
import { addWorkingDays, isWorkingDay } from '../techmarket/index.ts';
import { refreshPlatformIndicators } from './indicators.ts';
import { isUnitUser, requirePlatformManager, requireUnitUser } from './platform.policy.ts';
import { type Db, json, writeEvent } from './platform.repository.ts';
import { assertTypeFields, checkConditions, platformType } from './types.ts';

/*
 * The city 认定 round (市级创新平台认定): the bureau opens a round for some platform types; a 依托单位 applies
 * with the type's fields, and the type's conditions are checked when it submits (an unmet condition, or a
 * 科研诚信 ban on the unit, refuses the submission); the expert review's outcome (the panel's score and
 * opinion, read from the drawn panel's aggregated score when there is one) is recorded per application; the applications that passed are published for 公示 (not less than
 * five working days); after the 公示 the bureau 认定s them under one document number, which creates the
 * city-level platforms, their 认定 event and moves the counts.
 */

async function callRow(db: Db, id: number) {
  const row = await db
    .selectFrom('platform_call as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('platform_application as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.call_id', '=', 'c.id')
        .where('a.status', '<>', 'draft')
        .as('n'),
    )
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('platform/call_not_found', { id });
  return row;
}

function toCall(r: Awaited<ReturnType<typeof callRow>>): TPlatformCall {
  return {
    id: r.id,
    title: r.title,
    regionCode: r.region_code,
    year: r.year,
    typeCodes: r.type_codes,
    closesOn: r.closes_on,
    status: r.status as TPlatformCall['status'],
    publicityFrom: r.publicity_from,
    publicityTo: r.publicity_to,
    docNo: r.doc_no,
    recognisedOn: r.recognised_on,
    applications: Number(r.n ?? 0),
  };
}

/** The bureau sees its subtree's rounds; a unit user the open rounds covering its region. */
export async function listPlatformCalls(ctx: Ctx): Promise<TPlatformCall[]> {
  const actor = requireActor(ctx);
  let q = ctx.db.selectFrom('platform_call').select('id').orderBy('id', 'desc');
  if (isRegionWide(actor)) q = q.where('region_code', 'like', subtreePattern(actor.regionCode));
  else if (isUnitUser(actor)) q = q.where('status', '<>', 'draft');
  else throw new AppError('auth/forbidden');
  const ids = await q.execute();
  const out: TPlatformCall[] = [];
  for (const { id } of ids) {
    const c = toCall(await callRow(ctx.db, id));
    if (isRegionWide(actor) || inRegionScope({ ...actor, regionCode: c.regionCode }, actor.regionCode)) out.push(c);
  }
  return out;
}

export async function createPlatformCall(ctx: Ctx, input: TPlatformCallInput): Promise<TPlatformCall> {
  const actor = requirePlatformManager(ctx, input.regionCode);
  for (const code of input.typeCodes) await platformType(ctx.db, code);
  const id = await withAudit(ctx, async (tx, record) => {
    const c = await tx
      .insertInto('platform_call')
      .values({
        title: input.title,
        region_code: input.regionCode,
        year: input.year,
        type_codes: [...new Set(input.typeCodes)],
        closes_on: input.closesOn,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({ action: 'platform.call_create', entityType: 'platform_call', entityId: c.id, regionCode: input.regionCode, after: input });
    return c.id;
  });
  return toCall(await callRow(ctx.db, id));
}

type Step = 'publish' | 'publicity' | 'recognise';

async function managedCall(ctx: Ctx, id: number, from: string) {
  const c = await callRow(ctx.db, id);
  const actor = requirePlatformManager(ctx, c.region_code);
  if (c.status !== from) throw new AppError('platform/call_state', { id, status: c.status });
  return { c, actor };
}

async function stepDone(ctx: Ctx, id: number, step: Step, set: Record<string, string | null>, c: { region_code: string; status: string }) {
  await withAudit(ctx, async (tx, record) => {
    await tx.updateTable('platform_call').set(set).where('id', '=', id).execute();
    record({
      action: `platform.call_${step}`,
      entityType: 'platform_call',
      entityId: id,
      regionCode: c.region_code,
      before: { status: c.status },
      after: set,
    });
  });
}

export async function publishPlatformCall(ctx: Ctx, id: number): Promise<TPlatformCall> {
  const { c } = await managedCall(ctx, id, 'draft');
  await stepDone(ctx, id, 'publish', { status: 'open' }, c);
  return toCall(await callRow(ctx.db, id));
}

/** 公示: the applications that passed review are published for not less than five working days from `from`. */
export async function startPlatformPublicity(ctx: Ctx, id: number, input: { from: string }): Promise<TPlatformCall> {
  const { c, actor } = await managedCall(ctx, id, 'open');
  const apps = await ctx.db.selectFrom('platform_application').select(['id', 'status']).where('call_id', '=', id).execute();
  const pending = apps.filter((a) => a.status === 'submitted').map((a) => a.id);
  if (pending.length > 0) throw new AppError('platform/call_state', { id, unreviewed: pending });
  if (!apps.some((a) => a.status === 'passed')) throw new AppError('platform/call_state', { id, passed: 0 });
  const to = addWorkingDays(input.from, isWorkingDay(input.from) ? 4 : 5).date;
  await withAudit(ctx, async (tx, record) => {
    await tx
      .updateTable('platform_call')
      .set({ status: 'publicity', publicity_from: input.from, publicity_to: to })
      .where('id', '=', id)
      .execute();
    await tx
      .updateTable('platform_application')
      .set({ status: 'publicity' })
      .where('call_id', '=', id)
      .where('status', '=', 'passed')
      .execute();
    record({
      action: 'platform.call_publicity',
      entityType: 'platform_call',
      entityId: id,
      regionCode: c.region_code,
      before: { status: c.status },
      after: { status: 'publicity', from: input.from, to, by: actor.username },
    });
  });
  return toCall(await callRow(ctx.db, id));
}

/** 认定 after the 公示: every application in 公示 becomes a city-level platform under the document number. */
export async function recognisePlatformCall(ctx: Ctx, id: number, input: TPlatformRecogniseInput): Promise<TPlatformCall> {
  const { c, actor } = await managedCall(ctx, id, 'publicity');
  const today = bureauDate(ctx.now());
  if (!c.publicity_to || today <= c.publicity_to) throw new AppError('platform/publicity_pending', { until: c.publicity_to });
  await withAudit(ctx, async (tx, record) => {
    const apps = await tx
      .selectFrom('platform_application')
      .selectAll()
      .where('call_id', '=', id)
      .where('status', '=', 'publicity')
      .execute();
    const regions = new Set<string>();
    for (const a of apps) {
      const p = await tx
        .insertInto('platform')
        .values({
          name: a.name,
          type_code: a.type_code,
          type_version: a.type_version,
          level: 'city',
          org_id: a.org_id,
          region_code: a.region_code,
          doc_no: input.docNo,
          approved_on: input.on,
          fields: JSON.stringify(json(a.fields)),
          application_id: a.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeEvent(
        tx,
        { id: p.id, typeCode: a.type_code, regionCode: a.region_code },
        { kind: 'recognise', from: null, to: 'city', docNo: input.docNo, on: input.on, note: c.title, userId: actor.userId },
      );
      await tx.updateTable('platform_application').set({ status: 'recognised', platform_id: p.id }).where('id', '=', a.id).execute();
      regions.add(a.region_code);
    }
    await tx
      .updateTable('platform_call')
      .set({ status: 'done', doc_no: input.docNo, recognised_on: input.on })
      .where('id', '=', id)
      .execute();
    for (const r of regions) await refreshPlatformIndicators(tx, r, [Number(input.on.slice(0, 4))], ctx, actor.userId);
    record({
      action: 'platform.call_recognise',
      entityType: 'platform_call',
      entityId: id,
      regionCode: c.region_code,
      before: { status: c.status },
      after: { status: 'done', docNo: input.docNo, on: input.on, recognised: apps.map((a) => a.id) },
    });
  });
  return toCall(await callRow(ctx.db, id));
}

/* applications */

function appQuery(db: Db) {
  return db
    .selectFrom('platform_application as a')
    .innerJoin('platform_call as c', 'c.id', 'a.call_id')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .innerJoin('platform_type as t', (j) => j.onRef('t.code', '=', 'a.type_code').onRef('t.version', '=', 'a.type_version'))
    .selectAll('a')
    .select(['c.title as call_title', 'c.region_code as call_region', 'o.name as org_name', 't.name as type_name']);
}

function toApplication(r: Awaited<ReturnType<ReturnType<typeof appQuery>['executeTakeFirstOrThrow']>>): TPlatformApplication {
  const conditions = (typeof r.conditions === 'string' ? JSON.parse(r.conditions) : r.conditions) as TPlatformConditionResult[];
  return {
    id: r.id,
    callId: r.call_id,
    callTitle: r.call_title,
    name: r.name,
    typeCode: r.type_code,
    typeName: r.type_name,
    orgId: r.org_id,
    orgName: r.org_name,
    regionCode: r.region_code,
    fields: json(r.fields),
    conditions,
    status: r.status as TPlatformApplication['status'],
    reviewScore: r.review_score === null ? null : Number(r.review_score),
    reviewOpinion: r.review_opinion,
    platformId: r.platform_id,
  };
}

/** The bureau: a round's applications once submitted; a unit: its own. */
export async function listPlatformApplications(ctx: Ctx, input: { callId?: number }): Promise<TPlatformApplication[]> {
  const actor = requireActor(ctx);
  let q = appQuery(ctx.db).orderBy('a.id');
  if (isRegionWide(actor)) q = q.where('c.region_code', 'like', subtreePattern(actor.regionCode)).where('a.status', '<>', 'draft');
  else if (isUnitUser(actor)) q = q.where('a.org_id', '=', actor.orgId);
  else throw new AppError('auth/forbidden');
  if (input.callId) q = q.where('a.call_id', '=', input.callId);
  return (await q.execute()).map(toApplication);
}

async function ownApplication(ctx: Ctx, id: number) {
  const actor = requireUnitUser(ctx);
  const a = await appQuery(ctx.db).where('a.id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('platform/application_not_found', { id });
  if (a.org_id !== actor.orgId) throw new AppError('auth/out_of_scope', { id });
  return { a, actor };
}

/** A unit drafts an application in an open round; the conditions are shown as it stands. */
export async function createPlatformApplication(ctx: Ctx, input: TPlatformApplicationInput): Promise<TPlatformApplication> {
  const actor = requireUnitUser(ctx);
  const call = await callRow(ctx.db, input.callId);
  if (!inRegionScope({ ...actor, regionCode: call.region_code }, actor.regionCode))
    throw new AppError('auth/out_of_scope', { id: input.callId });
  if (call.status === 'draft') throw new AppError('platform/call_not_found', { id: input.callId });
  if (call.status !== 'open' || bureauDate(ctx.now()) > call.closes_on) throw new AppError('platform/call_closed', { id: call.id });
  if (!call.type_codes.includes(input.typeCode)) throw new AppError('platform/type_not_in_call', { type: input.typeCode });
  const type = await platformType(ctx.db, input.typeCode);
  assertTypeFields(type, input.fields);
  const dup = await ctx.db
    .selectFrom('platform_application')
    .select('id')
    .where('call_id', '=', call.id)
    .where('org_id', '=', actor.orgId)
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (dup) throw new AppError('platform/duplicate_application', { id: dup.id });
  const id = await withAudit(ctx, async (tx, record) => {
    const a = await tx
      .insertInto('platform_application')
      .values({
        call_id: call.id,
        org_id: actor.orgId,
        region_code: actor.regionCode,
        name: input.name,
        type_code: type.code,
        type_version: type.version,
        fields: JSON.stringify(input.fields),
        conditions: JSON.stringify(checkConditions(type, input.fields)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'platform.application_create',
      entityType: 'platform_application',
      entityId: a.id,
      regionCode: actor.regionCode,
      after: input,
    });
    return a.id;
  });
  return toApplication(await appQuery(ctx.db).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** Submission: the type's conditions must all be met and the 依托单位 must not be barred (科研诚信). */
export async function submitPlatformApplication(ctx: Ctx, id: number): Promise<TPlatformApplication> {
  const { a, actor } = await ownApplication(ctx, id);
  if (a.status !== 'draft') throw new AppError('platform/application_state', { id, status: a.status });
  const call = await callRow(ctx.db, a.call_id);
  const today = bureauDate(ctx.now());
  if (call.status !== 'open' || today > call.closes_on) throw new AppError('platform/call_closed', { id: call.id });
  const type = await platformType(ctx.db, a.type_code, a.type_version);
  const conditions = checkConditions(type, json(a.fields));
  const unmet = conditions.filter((c) => !c.met);
  if (unmet.length > 0) throw new AppError('platform/conditions_unmet', { unmet: unmet.map((c) => c.text) });
  const barred = await checkBarred(ctx, { subject: { kind: 'org', id: a.org_id }, activity: 'platform', on: today });
  if (barred.barred) throw new AppError('platform/applicant_barred', { reason: barred.reason });
  await withAudit(ctx, async (tx, record) => {
    await tx
      .updateTable('platform_application')
      .set({ status: 'submitted', submitted_at: ctx.now(), conditions: JSON.stringify(conditions) })
      .where('id', '=', id)
      .execute();
    record({
      action: 'platform.application_submit',
      entityType: 'platform_application',
      entityId: id,
      regionCode: a.region_code,
      before: { status: a.status },
      after: { status: 'submitted', by: actor.username },
    });
  });
  return toApplication(await appQuery(ctx.db).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * The 认定 review's outcome, recorded by the bureau (a planner decides) on a submitted application of an open
 * round. When a panel was drawn for it (core/review), the page shows its aggregated score and rank beside the
 * decision and the audit row keeps them with the score and opinion the planner entered.
 */
export async function reviewPlatformApplication(ctx: Ctx, id: number, input: TPlatformReviewInput): Promise<TPlatformApplication> {
  const a = await appQuery(ctx.db).where('a.id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('platform/application_not_found', { id });
  const actor = requirePlatformManager(ctx, a.call_region);
  if (a.status !== 'submitted' && a.status !== 'passed' && a.status !== 'failed')
    throw new AppError('platform/application_state', { id, status: a.status });
  const status = input.passed ? 'passed' : 'failed';
  await withAudit(ctx, async (tx, record) => {
    // the expert panel's result the decision was taken on (score, rank in the round, flags), kept in the audit row
    const r = await subjectReviewResult(tx, 'platform_application', id);
    const review = r.score === null ? null : { score: r.score, rank: r.rank, of: r.of, dispersed: r.dispersed, vetoed: r.vetoed };
    await tx
      .updateTable('platform_application')
      .set({ status, review_score: input.score, review_opinion: input.opinion })
      .where('id', '=', id)
      .execute();
    record({
      action: 'platform.application_review',
      entityType: 'platform_application',
      entityId: id,
      regionCode: a.call_region,
      before: { status: a.status },
      after: { status, score: input.score, by: actor.username, review },
    });
  });
  return toApplication(await appQuery(ctx.db).where('a.id', '=', id).executeTakeFirstOrThrow());
}
