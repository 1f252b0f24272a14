import { AppError, type TAgency, type TAgencyFigures, type TBroker, type TPersonInput } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../../audit/with-audit.ts';
import type { Ctx } from '../../context.ts';
import { personViews, upsertPerson } from '../../person/index.ts';
import { requireActor } from '../../policy.ts';
import { containsPattern, subtreePattern } from '../../query.ts';
import { loadContract } from '../contract.repository.ts';
import { isRegistrarOf, isSellerUser } from '../techmarket.policy.ts';
import { requireBureauOf, requireRegionReader } from './market.policy.ts';
import type { Db } from './owners.ts';

/*
 * 技术转移机构 (agencies: organisations) and 技术经理人 (brokers: a role of the one person record) kept by the
 * bureau, with their training and certificates; a contract brokered (技术中介) is credited to the agency and/or
 * broker, and the yearly figures per agency sum the registered contracts credited to it.
 */

async function agencies(db: Db, where: { id?: number; region?: string }): Promise<TAgency[]> {
  let q = db
    .selectFrom('tm_agency as a')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'o.name', 'o.region_code', 'a.level', 'a.recognised_on', 'a.services'])
    .select((eb) =>
      eb.selectFrom('tm_broker as b').whereRef('b.agency_id', '=', 'a.id').select(eb.fn.countAll<string>().as('n')).as('brokers'),
    );
  if (where.id !== undefined) q = q.where('a.id', '=', where.id);
  if (where.region) q = q.where('o.region_code', 'like', subtreePattern(where.region));
  const rows = await q.orderBy('a.id').execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    regionCode: r.region_code,
    level: r.level as TAgency['level'],
    recognisedOn: r.recognised_on,
    services: r.services,
    brokers: Number(r.brokers ?? 0),
  }));
}

async function loadAgency(db: Db, id: number): Promise<TAgency> {
  const [a] = await agencies(db, { id });
  if (!a) throw new AppError('market/agency_not_found', { id });
  return a;
}

export async function createAgency(
  ctx: Ctx,
  input: { orgId: number; level: TAgency['level']; recognisedOn: string | null; services: string },
): Promise<TAgency> {
  return withAudit(ctx, async (tx, record) => {
    const org = await tx.selectFrom('organization').select('region_code').where('id', '=', input.orgId).executeTakeFirst();
    if (!org) throw new AppError('org/not_found', { id: input.orgId });
    requireBureauOf(ctx, org.region_code);
    const exists = await tx.selectFrom('tm_agency').select('id').where('org_id', '=', input.orgId).executeTakeFirst();
    if (exists) throw new AppError('market/agency_exists');
    const row = await tx
      .insertInto('tm_agency')
      .values({ org_id: input.orgId, level: input.level, recognised_on: input.recognisedOn, services: input.services })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await loadAgency(tx, row.id);
    record({ action: 'market.agency.create', entityType: 'tm_agency', entityId: a.id, regionCode: a.regionCode, after: a });
    return a;
  });
}

export async function listAgencies(ctx: Ctx, region?: string): Promise<TAgency[]> {
  const actor = requireActor(ctx);
  const r = region ?? actor.regionCode;
  requireRegionReader(ctx, r);
  return agencies(ctx.db, { region: r });
}

async function brokers(db: Db, where: { id?: number; region?: string; agencyId?: number; q?: string; page?: number; pageSize?: number }) {
  let q = db
    .selectFrom('tm_broker as b')
    .innerJoin('person as p', 'p.id', 'b.person_id')
    .leftJoin('tm_agency as a', 'a.id', 'b.agency_id')
    .leftJoin('organization as o', 'o.id', 'a.org_id')
    .select(['b.id', 'b.person_id', 'b.agency_id', 'b.region_code', 'o.name as agency_name'])
    .select((eb) =>
      eb
        .selectFrom('tech_contract_broker as cb')
        .innerJoin('tech_contract as c', 'c.id', 'cb.contract_id')
        .whereRef('cb.broker_id', '=', 'b.id')
        .where('c.status', '=', 'registered')
        .select(eb.fn.countAll<string>().as('n'))
        .as('contracts'),
    );
  if (where.id !== undefined) q = q.where('b.id', '=', where.id);
  if (where.region) q = q.where('b.region_code', 'like', subtreePattern(where.region));
  if (where.agencyId) q = q.where('b.agency_id', '=', where.agencyId);
  if (where.q) q = q.where('p.name', 'like', containsPattern(where.q));
  const rows = await q
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('b.id')
    .limit(where.pageSize ?? 1)
    .offset(((where.page ?? 1) - 1) * (where.pageSize ?? 1))
    .execute();
  const ids = rows.map((r) => r.id);
  const [people, trainings, certificates] = await Promise.all([
    personViews(
      db,
      rows.map((r) => r.person_id),
    ),
    ids.length ? db.selectFrom('tm_broker_training').selectAll().where('broker_id', 'in', ids).orderBy('completed_on').execute() : [],
    ids.length ? db.selectFrom('tm_broker_certificate').selectAll().where('broker_id', 'in', ids).orderBy('issued_on').execute() : [],
  ]);
  const items: TBroker[] = rows.map((r) => ({
    id: r.id,
    person: people.get(r.person_id) ?? { id: r.person_id, name: '', title: null, employerOrgId: null, employerName: null, idLast4: null },
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    regionCode: r.region_code,
    trainings: trainings
      .filter((t) => t.broker_id === r.id)
      .map((t) => ({ id: t.id, course: t.course, provider: t.provider, hours: t.hours, completedOn: t.completed_on })),
    certificates: certificates
      .filter((c) => c.broker_id === r.id)
      .map((c) => ({
        id: c.id,
        certificateNo: c.certificate_no,
        level: c.level as 'junior',
        issuedBy: c.issued_by,
        issuedOn: c.issued_on,
        validUntil: c.valid_until,
      })),
    contracts: Number(r.contracts ?? 0),
  }));
  return { items, total: Number(rows[0]?.total ?? 0) };
}

async function loadBroker(db: Db, id: number): Promise<TBroker> {
  const { items } = await brokers(db, { id });
  if (!items[0]) throw new AppError('market/broker_not_found', { id });
  return items[0];
}

/** 技术经理人: the person (recognised again by the identity number when given) enters the registry of a region. */
export async function registerBroker(
  ctx: Ctx,
  input: { person: TPersonInput; agencyId: number | null; regionCode: string },
): Promise<TBroker> {
  requireBureauOf(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    let employer: number | null = null;
    if (input.agencyId !== null) employer = (await loadAgency(tx, input.agencyId)).orgId;
    const personId = await upsertPerson(tx, input.person, employer);
    const exists = await tx.selectFrom('tm_broker').select('id').where('person_id', '=', personId).executeTakeFirst();
    if (exists) throw new AppError('market/broker_exists', { id: exists.id });
    const row = await tx
      .insertInto('tm_broker')
      .values({ person_id: personId, agency_id: input.agencyId, region_code: input.regionCode })
      .returning('id')
      .executeTakeFirstOrThrow();
    const b = await loadBroker(tx, row.id);
    record({ action: 'market.broker.create', entityType: 'tm_broker', entityId: b.id, regionCode: b.regionCode, after: b });
    return b;
  });
}

export async function listBrokers(
  ctx: Ctx,
  q: { page: number; pageSize: number; agencyId?: number | undefined; q?: string | undefined },
): Promise<{ items: TBroker[]; total: number; page: number; pageSize: number }> {
  const actor = requireActor(ctx);
  requireRegionReader(ctx, actor.regionCode);
  const r = await brokers(ctx.db, { region: actor.regionCode, agencyId: q.agencyId, q: q.q, page: q.page, pageSize: q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function getBroker(ctx: Ctx, id: number): Promise<TBroker> {
  const b = await loadBroker(ctx.db, id);
  requireRegionReader(ctx, b.regionCode);
  return b;
}

export async function addBrokerTraining(
  ctx: Ctx,
  id: number,
  input: { course: string; provider: string; hours: number; completedOn: string },
) {
  return withAudit(ctx, async (tx, record) => {
    const b = await loadBroker(tx, id);
    requireBureauOf(ctx, b.regionCode);
    await tx
      .insertInto('tm_broker_training')
      .values({ broker_id: id, course: input.course, provider: input.provider, hours: input.hours, completed_on: input.completedOn })
      .execute();
    const after = await loadBroker(tx, id);
    record({ action: 'market.broker.training', entityType: 'tm_broker', entityId: id, regionCode: b.regionCode, after: input });
    return after;
  });
}

export async function addBrokerCertificate(
  ctx: Ctx,
  id: number,
  input: { certificateNo: string; level: string; issuedBy: string; issuedOn: string; validUntil: string | null },
) {
  return withAudit(ctx, async (tx, record) => {
    const b = await loadBroker(tx, id);
    requireBureauOf(ctx, b.regionCode);
    const dup = await tx
      .selectFrom('tm_broker_certificate')
      .select('id')
      .where('certificate_no', '=', input.certificateNo)
      .executeTakeFirst();
    if (dup) throw new AppError('market/certificate_exists');
    await tx
      .insertInto('tm_broker_certificate')
      .values({
        broker_id: id,
        certificate_no: input.certificateNo,
        level: input.level,
        issued_by: input.issuedBy,
        issued_on: input.issuedOn,
        valid_until: input.validUntil,
      })
      .execute();
    const after = await loadBroker(tx, id);
    record({ action: 'market.broker.certificate', entityType: 'tm_broker', entityId: id, regionCode: b.regionCode, after: input });
    return after;
  });
}

/**
 * 技术中介: who brokered the contract. The seller while it can still edit the contract (draft, 补正), or the
 * registrar of its point until it is refused, names the agency and/or broker; the broker must work for the
 * agency when both are named.
 */
export async function setContractBroker(
  ctx: Ctx,
  contractId: number,
  input: { agencyId: number | null; brokerId: number | null; feeFen: number | null },
) {
  const actor = requireActor(ctx);
  if (input.agencyId === null && input.brokerId === null) throw new AppError('market/broker_required');
  return withAudit(ctx, async (tx, record) => {
    const { contract, point } = await loadContract(tx, contractId);
    const seller =
      isSellerUser(actor) && actor.orgId === contract.sellerOrgId && ['draft', 'correction_requested'].includes(contract.status);
    const registrar = isRegistrarOf(actor, point) && !['draft', 'not_accepted', 'refused'].includes(contract.status);
    if (!seller && !registrar) throw new AppError('auth/out_of_scope', { id: contractId });
    const agency = input.agencyId === null ? null : await loadAgency(tx, input.agencyId);
    const broker = input.brokerId === null ? null : await loadBroker(tx, input.brokerId);
    if (agency && broker && broker.agencyId !== agency.id) throw new AppError('market/broker_not_of_agency');
    const agencyId = agency?.id ?? broker?.agencyId ?? null;
    const values = {
      agency_id: agencyId,
      broker_id: broker?.id ?? null,
      fee_fen: input.feeFen === null ? null : BigInt(input.feeFen),
      set_by: actor.userId,
      set_at: ctx.now(),
    };
    await tx
      .insertInto('tech_contract_broker')
      .values({ contract_id: contractId, ...values })
      .onConflict((oc) => oc.column('contract_id').doUpdateSet(values))
      .execute();
    const out = {
      contractId,
      agencyId,
      agencyName: agency?.name ?? (agencyId === null ? null : (await loadAgency(tx, agencyId)).name),
      brokerId: broker?.id ?? null,
      brokerName: broker?.person.name ?? null,
      feeFen: input.feeFen,
    };
    record({
      action: 'market.contract.broker',
      entityType: 'tech_contract',
      entityId: contractId,
      regionCode: contract.sellerRegionCode,
      after: out,
    });
    return out;
  });
}

/** Per agency of the region, the year: brokers, trained and certified brokers, and the contracts credited. */
export async function agencyFigures(ctx: Ctx, q: { year: number; region?: string | undefined }): Promise<TAgencyFigures> {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireRegionReader(ctx, region);
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const { rows } = await sql<{
    id: number;
    name: string;
    brokers: string;
    trained: string;
    certified: string;
    contracts: string;
    amount: string | null;
    technical: string | null;
    fee: string | null;
  }>`
    select a.id, o.name,
      (select count(*) from tm_broker b where b.agency_id = a.id) as brokers,
      (select count(distinct b.id) from tm_broker b join tm_broker_training t on t.broker_id = b.id
        where b.agency_id = a.id and t.completed_on between ${from} and ${to}) as trained,
      (select count(distinct b.id) from tm_broker b join tm_broker_certificate c on c.broker_id = b.id
        where b.agency_id = a.id and c.issued_on <= ${to} and (c.valid_until is null or c.valid_until >= ${from})) as certified,
      count(c.id) as contracts, sum(c.contract_amount_fen) as amount, sum(c.technical_amount_fen) as technical, sum(cb.fee_fen) filter (where c.id is not null) as fee
    from tm_agency a join organization o on o.id = a.org_id
      left join tech_contract_broker cb on cb.agency_id = a.id
      left join tech_contract c on c.id = cb.contract_id and c.status = 'registered' and c.registered_on between ${from} and ${to}
    where o.region_code like ${subtreePattern(region)}
    group by a.id, o.name order by a.id`.execute(ctx.db);
  return {
    year: q.year,
    region,
    rows: rows.map((r) => ({
      agencyId: r.id,
      name: r.name,
      brokers: Number(r.brokers),
      trainedBrokers: Number(r.trained),
      certifiedBrokers: Number(r.certified),
      contracts: Number(r.contracts),
      contractAmountFen: Number(r.amount ?? 0),
      technicalAmountFen: Number(r.technical ?? 0),
      feeFen: Number(r.fee ?? 0),
    })),
  };
}
