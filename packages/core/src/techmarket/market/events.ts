import {
  AppError,
  type TMarketEvent,
  type TMarketEventInput,
  type TMarketFunnel,
  type TMarketFunnelReport,
  type TMarketPair,
  type TMarketParticipant,
} from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../../audit/with-audit.ts';
import type { Ctx } from '../../context.ts';
import { requireActor } from '../../policy.ts';
import { subtreePattern } from '../../query.ts';
import { requireBureauOf, requireRegionReader } from './market.policy.ts';
import type { Db } from './owners.ts';

/*
 * 对接会: an event of the bureau, its participants, and the pairs (a published demand and a supplier, with the
 * 成果清单 entry offered when there is one) introduced at it. A pair is followed: 意向 signed, then the
 * technology contract it led to; the contract counts in the funnel once it is registered, with its 成交额.
 */

const funnelOf = (r: {
  demands: unknown;
  introductions: unknown;
  intentions: unknown;
  contracts: unknown;
  amount: unknown;
}): TMarketFunnel => ({
  demands: Number(r.demands ?? 0),
  introductions: Number(r.introductions ?? 0),
  intentions: Number(r.intentions ?? 0),
  contracts: Number(r.contracts ?? 0),
  contractAmountFen: Number(r.amount ?? 0),
});

/** The funnel of each event: demands brought, pairs introduced, intentions, registered contracts and their 成交额. */
async function eventFunnels(db: Db, ids: number[]): Promise<Map<number, TMarketFunnel>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{
    event_id: number;
    demands: string;
    introductions: string;
    intentions: string;
    contracts: string;
    amount: string | null;
  }>`
    select p.event_id, count(distinct p.demand_listing_id) as demands, count(*) as introductions,
      count(*) filter (where p.intention_on is not null) as intentions,
      count(c.id) as contracts, sum(c.contract_amount_fen) as amount
    from tm_event_pair p left join tech_contract c on c.id = p.contract_id and c.status = 'registered'
    where p.event_id = any(${ids}::int[])
    group by p.event_id`.execute(db);
  return new Map(rows.map((r) => [r.event_id, funnelOf(r)]));
}

function selectEvents(db: Db) {
  return db
    .selectFrom('tm_event as e')
    .innerJoin('organization as o', 'o.id', 'e.organiser_org_id')
    .selectAll('e')
    .select('o.name as organiser_name');
}
type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>['executeTakeFirstOrThrow']>>;
const empty: TMarketFunnel = { demands: 0, introductions: 0, intentions: 0, contracts: 0, contractAmountFen: 0 };
const toEvent = (r: EventRow, f: Map<number, TMarketFunnel>): TMarketEvent => ({
  id: r.id,
  name: r.name,
  heldOn: r.held_on,
  regionCode: r.region_code,
  venue: r.venue,
  theme: r.theme,
  organiserOrgId: r.organiser_org_id,
  organiserName: r.organiser_name,
  funnel: f.get(r.id) ?? empty,
  version: r.version,
});

async function loadEvent(db: Db, id: number) {
  const r = await selectEvents(db).where('e.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('market/event_not_found', { id });
  return toEvent(r, await eventFunnels(db, [id]));
}

export async function createMarketEvent(ctx: Ctx, input: TMarketEventInput): Promise<TMarketEvent> {
  const actor = requireBureauOf(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('tm_event')
      .values({
        name: input.name,
        held_on: input.heldOn,
        region_code: input.regionCode,
        venue: input.venue,
        theme: input.theme,
        organiser_org_id: actor.orgId,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await loadEvent(tx, row.id);
    record({ action: 'market.event.create', entityType: 'tm_event', entityId: e.id, regionCode: e.regionCode, after: e });
    return e;
  });
}

export async function updateMarketEvent(ctx: Ctx, id: number, input: TMarketEventInput & { version: number }): Promise<TMarketEvent> {
  return withAudit(ctx, async (tx, record) => {
    const before = await loadEvent(tx, id);
    requireBureauOf(ctx, before.regionCode);
    requireBureauOf(ctx, input.regionCode);
    const done = await tx
      .updateTable('tm_event')
      .set({
        name: input.name,
        held_on: input.heldOn,
        region_code: input.regionCode,
        venue: input.venue,
        theme: input.theme,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict');
    const e = await loadEvent(tx, id);
    record({ action: 'market.event.update', entityType: 'tm_event', entityId: id, regionCode: e.regionCode, before, after: e });
    return e;
  });
}

export async function listMarketEvents(
  ctx: Ctx,
  q: { page: number; pageSize: number; year?: number | undefined; region?: string | undefined },
): Promise<{ items: TMarketEvent[]; total: number; page: number; pageSize: number }> {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireRegionReader(ctx, region);
  let query = selectEvents(ctx.db).where('e.region_code', 'like', subtreePattern(region));
  if (q.year) query = query.where('e.held_on', '>=', `${q.year}-01-01`).where('e.held_on', '<=', `${q.year}-12-31`);
  const rows = await query
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('e.held_on', 'desc')
    .orderBy('e.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const f = await eventFunnels(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toEvent(r, f)), total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}

function selectPairs(db: Db) {
  return db
    .selectFrom('tm_event_pair as p')
    .innerJoin('tm_listing as d', 'd.id', 'p.demand_listing_id')
    .leftJoin('tm_listing as s', 's.id', 'p.supply_listing_id')
    .leftJoin('tech_contract as c', 'c.id', 'p.contract_id')
    .selectAll('p')
    .select([
      'd.title as demand_title',
      's.title as supply_title',
      'c.name as contract_name',
      'c.registration_no',
      'c.contract_amount_fen',
      'c.registered_on',
      'c.status as contract_status',
    ]);
}
type PairRow = Awaited<ReturnType<ReturnType<typeof selectPairs>['executeTakeFirstOrThrow']>>;
const toPair = (r: PairRow): TMarketPair => ({
  id: r.id,
  eventId: r.event_id,
  demandListingId: r.demand_listing_id,
  demandTitle: r.demand_title,
  supplyListingId: r.supply_listing_id,
  supplyTitle: r.supply_title,
  supplierOrgId: r.supplier_org_id,
  supplierName: r.supplier_name,
  status: r.status as TMarketPair['status'],
  introducedOn: r.introduced_on,
  intentionOn: r.intention_on,
  intentionAmountFen: r.intention_amount_fen === null ? null : Number(r.intention_amount_fen),
  contractId: r.contract_id,
  contractName: r.contract_name,
  contractRegistrationNo: r.registration_no,
  contractAmountFen: r.contract_status === 'registered' && r.contract_amount_fen !== null ? Number(r.contract_amount_fen) : null,
  contractRegisteredOn: r.registered_on,
  note: r.note,
  version: r.version,
});

export async function getMarketEvent(ctx: Ctx, id: number) {
  const event = await loadEvent(ctx.db, id);
  requireRegionReader(ctx, event.regionCode);
  const participants = await ctx.db
    .selectFrom('tm_event_participant')
    .select(['id', 'org_id', 'name', 'role'])
    .where('event_id', '=', id)
    .orderBy('id')
    .execute();
  const pairs = await selectPairs(ctx.db).where('p.event_id', '=', id).orderBy('p.id').execute();
  return {
    event,
    participants: participants.map((p) => ({ id: p.id, orgId: p.org_id, name: p.name, role: p.role as TMarketParticipant['role'] })),
    pairs: pairs.map(toPair),
  };
}

export async function addEventParticipant(
  ctx: Ctx,
  eventId: number,
  input: { orgId: number | null; name?: string | undefined; role: TMarketParticipant['role'] },
): Promise<TMarketParticipant> {
  return withAudit(ctx, async (tx, record) => {
    const event = await loadEvent(tx, eventId);
    requireBureauOf(ctx, event.regionCode);
    let name = input.name ?? '';
    if (input.orgId !== null) {
      const org = await tx.selectFrom('organization').select('name').where('id', '=', input.orgId).executeTakeFirst();
      if (!org) throw new AppError('org/not_found', { id: input.orgId });
      name = org.name;
    }
    if (name.length < 2) throw new AppError('market/supplier_required');
    const row = await tx
      .insertInto('tm_event_participant')
      .values({ event_id: eventId, org_id: input.orgId, name, role: input.role })
      .returning('id')
      .executeTakeFirstOrThrow();
    const out = { id: row.id, orgId: input.orgId, name, role: input.role };
    record({ action: 'market.event.participant', entityType: 'tm_event', entityId: eventId, regionCode: event.regionCode, after: out });
    return out;
  });
}

async function loadPair(db: Db, id: number) {
  const r = await selectPairs(db).where('p.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('market/pair_not_found', { id });
  const ev = await db.selectFrom('tm_event').select('region_code').where('id', '=', r.event_id).executeTakeFirstOrThrow();
  return { pair: toPair(r), regionCode: ev.region_code };
}

/**
 * 对接: a published demand introduced to a supplier at the event — the owner of a published 成果清单 entry, or a
 * unit named (known to the system or by name).
 */
export async function introducePair(
  ctx: Ctx,
  eventId: number,
  input: {
    demandListingId: number;
    supplyListingId: number | null;
    supplierOrgId: number | null;
    supplierName?: string | undefined;
    note: string;
  },
): Promise<TMarketPair> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const event = await loadEvent(tx, eventId);
    requireBureauOf(ctx, event.regionCode);
    const demand = await tx.selectFrom('tm_listing').select(['kind', 'status']).where('id', '=', input.demandListingId).executeTakeFirst();
    if (!demand) throw new AppError('market/listing_not_found', { id: input.demandListingId });
    if (demand.kind === 'achievement') throw new AppError('market/not_a_demand');
    if (demand.status !== 'published') throw new AppError('market/not_published');
    let supplierOrgId = input.supplierOrgId;
    let supplierName = input.supplierName ?? '';
    if (input.supplyListingId !== null) {
      const s = await tx
        .selectFrom('tm_listing as l')
        .innerJoin('organization as o', 'o.id', 'l.owner_org_id')
        .select(['l.kind', 'l.status', 'l.owner_org_id', 'o.name'])
        .where('l.id', '=', input.supplyListingId)
        .executeTakeFirst();
      if (s?.kind !== 'achievement' || s.status !== 'published') throw new AppError('market/not_a_supply');
      supplierOrgId ??= s.owner_org_id;
    }
    if (supplierOrgId !== null) {
      const o = await tx.selectFrom('organization').select('name').where('id', '=', supplierOrgId).executeTakeFirst();
      if (!o) throw new AppError('org/not_found', { id: supplierOrgId });
      supplierName = o.name;
    }
    if (supplierName.length < 2) throw new AppError('market/supplier_required');
    const exists = await tx
      .selectFrom('tm_event_pair')
      .select('id')
      .where('event_id', '=', eventId)
      .where('demand_listing_id', '=', input.demandListingId)
      .where(sql<boolean>`coalesce(supply_listing_id, 0) = ${input.supplyListingId ?? 0}`)
      .where(sql<boolean>`coalesce(supplier_org_id, 0) = ${supplierOrgId ?? 0}`)
      .where('supplier_name', '=', supplierName)
      .executeTakeFirst();
    if (exists) throw new AppError('market/pair_exists');
    const row = await tx
      .insertInto('tm_event_pair')
      .values({
        event_id: eventId,
        demand_listing_id: input.demandListingId,
        supply_listing_id: input.supplyListingId,
        supplier_org_id: supplierOrgId,
        supplier_name: supplierName,
        status: 'introduced',
        introduced_on: event.heldOn,
        note: input.note,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { pair } = await loadPair(tx, row.id);
    record({ action: 'market.pair.introduce', entityType: 'tm_event_pair', entityId: pair.id, regionCode: event.regionCode, after: pair });
    return pair;
  });
}

async function pairStep(
  ctx: Ctx,
  id: number,
  version: number,
  action: string,
  change: (p: TMarketPair, tx: Parameters<Parameters<typeof withAudit>[1]>[0]) => Promise<Record<string, unknown>>,
): Promise<TMarketPair> {
  return withAudit(ctx, async (tx, record) => {
    const before = await loadPair(tx, id);
    requireBureauOf(ctx, before.regionCode);
    const set = await change(before.pair, tx);
    const done = await tx
      .updateTable('tm_event_pair')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict');
    const { pair } = await loadPair(tx, id);
    record({ action, entityType: 'tm_event_pair', entityId: id, regionCode: before.regionCode, before: before.pair, after: pair });
    return pair;
  });
}

/** 意向: the two sides signed a letter of intent (date, and the amount it names when it names one). */
export const signIntention = (ctx: Ctx, id: number, input: { version: number; signedOn: string; amountFen: number | null; note: string }) =>
  pairStep(ctx, id, input.version, 'market.pair.intention', async (p) => {
    if (!['introduced', 'intention'].includes(p.status)) throw new AppError('market/wrong_status', { status: p.status });
    return {
      status: 'intention',
      intention_on: input.signedOn,
      intention_amount_fen: input.amountFen === null ? null : BigInt(input.amountFen),
      note: input.note || p.note,
    };
  });

/**
 * The technology contract the pair led to: a contract in the registry (submitted or further; never a draft or a
 * refused one) whose seller is the pair's supplier. It counts as a contract of the funnel once registered.
 */
export const linkPairContract = (ctx: Ctx, id: number, input: { version: number; contractId: number }) =>
  pairStep(ctx, id, input.version, 'market.pair.contract', async (p, tx) => {
    if (p.status === 'dropped') throw new AppError('market/wrong_status', { status: p.status });
    const c = await tx
      .selectFrom('tech_contract')
      .select(['seller_org_id', 'status'])
      .where('id', '=', input.contractId)
      .executeTakeFirst();
    if (!c || ['draft', 'not_accepted', 'refused'].includes(c.status) || p.supplierOrgId === null || c.seller_org_id !== p.supplierOrgId)
      throw new AppError('market/contract_not_registrable_link', { contractId: input.contractId });
    const other = await tx
      .selectFrom('tm_event_pair')
      .select('id')
      .where('contract_id', '=', input.contractId)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (other) throw new AppError('market/contract_already_linked', { pairId: other.id });
    return { status: 'contracted', contract_id: input.contractId };
  });

/** The pair went nowhere (kept for the record; it still counts as an introduction). */
export const dropPair = (ctx: Ctx, id: number, version: number) =>
  pairStep(ctx, id, version, 'market.pair.drop', async (p) => {
    if (p.status === 'contracted') throw new AppError('market/wrong_status', { status: p.status });
    return { status: 'dropped' };
  });

/**
 * The funnel of a region's year: demands (技术需求/共性技术需求/融资需求) published in the year; pairs introduced at
 * the region's events in the year; intentions signed in it; linked contracts registered in it, with their
 * 成交额; and the same per event held in the year.
 */
export async function marketFunnel(ctx: Ctx, q: { year: number; region?: string | undefined }): Promise<TMarketFunnelReport> {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireRegionReader(ctx, region);
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const pattern = subtreePattern(region);
  const { rows } = await sql<{ demands: string; introductions: string; intentions: string; contracts: string; amount: string | null }>`
    select
      (select count(*) from tm_listing where kind <> 'achievement' and published_on between ${from} and ${to} and region_code like ${pattern}) as demands,
      (select count(*) from tm_event_pair p join tm_event e on e.id = p.event_id where p.introduced_on between ${from} and ${to} and e.region_code like ${pattern}) as introductions,
      (select count(*) from tm_event_pair p join tm_event e on e.id = p.event_id where p.intention_on between ${from} and ${to} and e.region_code like ${pattern}) as intentions,
      (select count(*) from tm_event_pair p join tm_event e on e.id = p.event_id join tech_contract c on c.id = p.contract_id
        where c.status = 'registered' and c.registered_on between ${from} and ${to} and e.region_code like ${pattern}) as contracts,
      (select sum(c.contract_amount_fen) from tm_event_pair p join tm_event e on e.id = p.event_id join tech_contract c on c.id = p.contract_id
        where c.status = 'registered' and c.registered_on between ${from} and ${to} and e.region_code like ${pattern}) as amount`.execute(
    ctx.db,
  );
  const events = await ctx.db
    .selectFrom('tm_event')
    .select(['id', 'name', 'held_on'])
    .where('region_code', 'like', pattern)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const f = await eventFunnels(
    ctx.db,
    events.map((e) => e.id),
  );
  return {
    region,
    year: q.year,
    total: funnelOf(rows[0] ?? { demands: 0, introductions: 0, intentions: 0, contracts: 0, amount: 0 }),
    events: events.map((e) => ({ eventId: e.id, name: e.name, heldOn: e.held_on, funnel: f.get(e.id) ?? empty })),
  };
}
