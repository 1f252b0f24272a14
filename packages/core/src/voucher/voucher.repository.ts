import { AppError, type TVoucherBatch, type TVoucherProvider, type TVoucherQuota, type TVoucherUse } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

export type Db = Kysely<DB> | Transaction<DB>;

export function providerQuery(db: Db) {
  return db
    .selectFrom('voucher_provider as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.org_id',
      'o.name',
      'o.uscc',
      'p.region_code',
      'p.services',
      'p.related_usccs',
      'p.registered_on',
      'p.removed_on',
      'p.status',
      'p.version',
    ]);
}
type ProviderRow = Awaited<ReturnType<ReturnType<typeof providerQuery>['executeTakeFirstOrThrow']>>;

export function toProvider(r: ProviderRow): TVoucherProvider {
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    regionCode: r.region_code,
    services: r.services as TVoucherProvider['services'],
    registeredOn: r.registered_on,
    removedOn: r.removed_on,
    status: r.status as TVoucherProvider['status'],
    version: r.version,
  };
}

export async function loadProvider(db: Db, id: number): Promise<ProviderRow> {
  const r = await providerQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('voucher/provider_not_found', { id });
  return r;
}

export function quotaQuery(db: Db) {
  return db
    .selectFrom('voucher_quota as q')
    .leftJoin('enterprise as e', 'e.id', 'q.enterprise_id')
    .select([
      'q.id',
      'q.pack_id',
      'q.region_code',
      'q.year',
      'q.holder_kind',
      'q.enterprise_id',
      'e.name as enterprise_name',
      'e.org_id as enterprise_org_id',
      'e.uscc as enterprise_uscc',
      'q.team_name',
      'q.requested_fen',
      'q.granted_fen',
      'q.used_fen',
      'q.status',
      'q.expires_on',
      'q.refusal_reason',
      'q.version',
    ]);
}
export type QuotaRow = Awaited<ReturnType<ReturnType<typeof quotaQuery>['executeTakeFirstOrThrow']>>;

export function toQuota(r: QuotaRow): TVoucherQuota {
  const granted = r.granted_fen === null ? null : Number(r.granted_fen);
  return {
    id: r.id,
    packId: r.pack_id,
    regionCode: r.region_code,
    year: r.year,
    holderKind: r.holder_kind as TVoucherQuota['holderKind'],
    holderName: r.enterprise_name ?? r.team_name ?? '',
    enterpriseId: r.enterprise_id,
    requestedFen: Number(r.requested_fen),
    grantedFen: granted,
    usedFen: Number(r.used_fen),
    remainingFen: r.status === 'granted' && granted !== null ? granted - Number(r.used_fen) : 0,
    status: r.status as TVoucherQuota['status'],
    expiresOn: r.expires_on,
    refusalReason: r.refusal_reason,
    version: r.version,
  };
}

export async function loadQuota(db: Db, id: number): Promise<QuotaRow> {
  const r = await quotaQuery(db).where('q.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('voucher/not_found', { id });
  return r;
}

export function useQuery(db: Db) {
  return db
    .selectFrom('voucher_use as u')
    .innerJoin('voucher_quota as q', 'q.id', 'u.quota_id')
    .leftJoin('enterprise as e', 'e.id', 'q.enterprise_id')
    .innerJoin('voucher_provider as p', 'p.id', 'u.provider_id')
    .innerJoin('organization as po', 'po.id', 'p.org_id')
    .select([
      'u.id',
      'u.quota_id',
      'q.region_code',
      'q.pack_id',
      'q.enterprise_id',
      'e.org_id as holder_org_id',
      'e.name as enterprise_name',
      'q.team_name',
      'u.provider_id',
      'p.org_id as provider_org_id',
      'po.name as provider_name',
      'u.service',
      'u.contract_no',
      'u.contract_amount_fen',
      'u.signed_on',
      'u.amount_fen',
      'u.status',
      'u.requested_on',
      'u.batch_id',
      'u.refusal_reason',
      'u.version',
    ]);
}
export type UseRow = Awaited<ReturnType<ReturnType<typeof useQuery>['executeTakeFirstOrThrow']>>;

export async function loadUse(db: Db, id: number): Promise<UseRow> {
  const r = await useQuery(db).where('u.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('voucher/not_found', { id });
  return r;
}

export async function toUses(db: Db, rows: UseRow[]): Promise<TVoucherUse[]> {
  const ids = rows.map((r) => r.id);
  const files =
    ids.length === 0
      ? []
      : await db
          .selectFrom('voucher_use_file')
          .select(['id', 'use_id', 'kind', 'filename', 'sha256'])
          .where('use_id', 'in', ids)
          .orderBy('id')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    quotaId: r.quota_id,
    holderName: r.enterprise_name ?? r.team_name ?? '',
    regionCode: r.region_code,
    providerId: r.provider_id,
    providerName: r.provider_name,
    service: r.service as TVoucherUse['service'],
    contractNo: r.contract_no,
    contractAmountFen: Number(r.contract_amount_fen),
    signedOn: r.signed_on,
    amountFen: Number(r.amount_fen),
    status: r.status as TVoucherUse['status'],
    requestedOn: r.requested_on,
    batchId: r.batch_id,
    refusalReason: r.refusal_reason,
    files: files
      .filter((f) => f.use_id === r.id)
      .map((f) => ({ id: f.id, kind: f.kind as TVoucherUse['files'][number]['kind'], filename: f.filename, sha256: f.sha256 })),
    version: r.version,
  }));
}

export async function toBatch(
  db: Db,
  b: { id: number; region_code: string; year: number; quarter: number; status: string; paid_on: string | null; version: number },
): Promise<TVoucherBatch> {
  const t = await db
    .selectFrom('voucher_use')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string | null>('amount_fen').as('total')])
    .where('batch_id', '=', b.id)
    .executeTakeFirstOrThrow();
  return {
    id: b.id,
    regionCode: b.region_code,
    year: b.year,
    quarter: b.quarter,
    status: b.status as TVoucherBatch['status'],
    count: Number(t.n),
    totalFen: Number(t.total ?? 0),
    paidOn: b.paid_on,
    version: b.version,
  };
}

/** Optimistic concurrency: the caller's version must be the row's. */
export function checkVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw new AppError('voucher/stale', { version: row.version });
}
