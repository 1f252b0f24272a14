import { AppError, type TCostItem, type TTechContract } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

export type Db = Kysely<DB> | Transaction<DB>;

function selectContracts(db: Db) {
  return db
    .selectFrom('tech_contract as c')
    .innerJoin('organization as o', 'o.id', 'c.seller_org_id')
    .leftJoin('tm_registration_point as p', 'p.id', 'c.point_id')
    .selectAll('c')
    .select(['o.name as seller_name', 'p.name as point_name', 'p.org_id as point_org_id']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectContracts>['executeTakeFirstOrThrow']>>;

const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : typeof v === 'string' ? (JSON.parse(v) as T[]) : []);

export function toContract(r: Row): TTechContract {
  return {
    id: r.id,
    sellerId: r.seller_id,
    sellerOrgId: r.seller_org_id,
    sellerName: r.seller_name,
    sellerRegionCode: r.seller_region_code,
    pointId: r.point_id,
    pointName: r.point_name,
    name: r.name,
    subject: r.subject as TTechContract['subject'],
    packId: r.pack_id,
    contractType: r.contract_type,
    subtype: r.subtype,
    buyerName: r.buyer_name,
    buyerRegionCode: r.buyer_region_code,
    contractAmountFen: Number(r.contract_amount_fen),
    technicalAmountFen: r.technical_amount_fen === null ? null : Number(r.technical_amount_fen),
    costItems: asArray<TCostItem>(r.cost_items),
    payments: asArray<TTechContract['payments'][number]>(r.payments),
    techField: r.tech_field,
    ipType: r.ip_type,
    socioGoal: r.socio_goal,
    projectSource: r.project_source,
    signedOn: r.signed_on,
    status: r.status as TTechContract['status'],
    acceptedOn: r.accepted_on,
    correctedOn: r.corrected_on,
    dueOn: r.due_on,
    registeredOn: r.registered_on,
    registrationNo: r.registration_no,
    refusalCodes: r.refusal_codes,
    note: r.note,
    eligibleForPolicies: r.status === 'registered',
    version: r.version,
  };
}

export interface LoadedContract {
  contract: TTechContract;
  point: { orgId: number } | null;
}

export async function loadContract(db: Db, id: number): Promise<LoadedContract> {
  const r = await selectContracts(db).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('techmarket/contract_not_found', { id });
  return { contract: toContract(r), point: r.point_org_id === null ? null : { orgId: r.point_org_id } };
}

export { selectContracts };

export async function addEvent(
  tx: Transaction<DB>,
  contractId: number,
  actorUserId: number | null,
  kind: string,
  detail: object,
  at: Date,
) {
  await tx
    .insertInto('tech_contract_event')
    .values({ contract_id: contractId, actor_user_id: actorUserId, kind, detail: JSON.stringify(detail), at })
    .execute();
}
