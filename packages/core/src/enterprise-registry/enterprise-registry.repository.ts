import {
  AppError,
  ladderRungs,
  type TEnterprise,
  type TEnterpriseDetail,
  type TEnterpriseYear,
  type TLadderRung,
  type TTechSmeRegistration,
  type TTechSmeRevocationReason,
} from '@kechuang/contracts';
import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';
import { loadRecords } from './enterprise-records.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The UTC calendar date of an instant (for date arithmetic on UTC midnights; "today" is bureauDate). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** A status is in force on `day` when it started on or before it and ends on or after it (valid_to inclusive). */
export function activeOn(day: string) {
  return sql<boolean>`(s.valid_from <= ${day}::date and (s.valid_to is null or s.valid_to >= ${day}::date))`;
}

/** Enterprises with region name and the rungs they hold on `today`. */
export function selectEnterprises(db: Db, today: string) {
  return db
    .selectFrom('enterprise as e')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .select([
      'e.id',
      'e.uscc',
      'e.name',
      'e.region_code',
      'r.name as region_name',
      'e.industry_code',
      'e.registered_on',
      'e.contact',
      'e.phone',
      'e.org_id',
      'e.version',
      'e.created_at',
      'e.updated_at',
      sql<
        string[] | null
      >`(select array_agg(distinct s.rung) from enterprise_status s where s.enterprise_id = e.id and ${activeOn(today)})`.as('rungs'),
    ]);
}

type EnterpriseRow = Awaited<ReturnType<ReturnType<typeof selectEnterprises>['executeTakeFirstOrThrow']>>;

export function toEnterprise(r: EnterpriseRow): TEnterprise {
  const held = new Set(r.rungs ?? []);
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    industryCode: r.industry_code,
    registeredOn: r.registered_on,
    contact: r.contact,
    phone: r.phone,
    orgId: r.org_id,
    rungs: ladderRungs.filter((x: TLadderRung) => held.has(x)),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findEnterprise(db: Db, id: number, today: string): Promise<TEnterprise | null> {
  const row = await selectEnterprises(db, today).where('e.id', '=', id).executeTakeFirst();
  return row ? toEnterprise(row) : null;
}

export async function loadYears(db: Db, id: number): Promise<TEnterpriseYear[]> {
  const rows = await db.selectFrom('enterprise_year').select('data').where('enterprise_id', '=', id).orderBy('year').execute();
  return rows.map((r) => r.data as TEnterpriseYear);
}

export async function loadEnterpriseDetail(db: Db, id: number, today: string): Promise<TEnterpriseDetail | null> {
  const enterprise = await findEnterprise(db, id, today);
  if (!enterprise) return null;
  const [years, statuses, records, techSmeRegistrations] = await Promise.all([
    loadYears(db, id),
    db.selectFrom('enterprise_status').selectAll().where('enterprise_id', '=', id).orderBy('valid_from').orderBy('id').execute(),
    loadRecords(db, id),
    loadTechSmeRegistrations(db, id),
  ]);
  return {
    ...enterprise,
    ...records,
    years,
    techSmeRegistrations,
    statuses: statuses.map((s) => ({
      id: s.id,
      rung: s.rung as TLadderRung,
      reference: s.reference,
      validFrom: s.valid_from,
      validTo: s.valid_to,
      note: s.note,
      createdAt: s.created_at.toISOString(),
    })),
  };
}

/** 科技型中小企业 入库登记编号 of an enterprise, newest year first (tech-sme-registration.ts). */
export async function loadTechSmeRegistrations(db: Db, enterpriseId: number): Promise<TTechSmeRegistration[]> {
  const rows = await db
    .selectFrom('tech_sme_registration')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    number: r.number,
    registeredOn: r.registered_on,
    revokedOn: r.revoked_on,
    revocationReason: r.revocation_reason as TTechSmeRevocationReason | null,
    revocationNote: r.revocation_note,
  }));
}

/** A unique violation on the credit code is a domain error, not a 500. */
export function enterpriseConstraintError(e: unknown): unknown {
  const c = (e ?? {}) as { code?: string; constraint?: string };
  if (c.code === '23505' && (c.constraint ?? 'uscc').includes('uscc')) return new AppError('enterprise/duplicate_uscc');
  return e;
}
