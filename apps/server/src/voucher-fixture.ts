import { bureauDate } from '@kechuang/core';
import { type DB, type Kysely, sql } from '@kechuang/db';

/*
 * Voucher records written straight into the test database, for the access table and the API tests. "in" is
 * 衡阳 (the demo enterprise 衡阳衡山科学仪器, 430408, holds quotas; 南华大学 is a listed provider), "out" is 武汉.
 * For the provider side the demo enterprise's own organisation is listed too, with other enterprises as holders.
 */

let seq = 0;
export const thisYear = () => Number(bureauDate(new Date()).slice(0, 4));
const fakeUscc = (prefix: string) => `91${prefix}VC${String(++seq).padStart(8, '0')}`;

export async function orgByName(db: Kysely<DB>, name: string) {
  return db.selectFrom('organization').select(['id', 'region_code']).where('name', '=', name).executeTakeFirstOrThrow();
}

/** The demo enterprise holds a 科技型中小企业 number of this year. */
export async function makeTechSme(db: Kysely<DB>, enterpriseId: number, year = thisYear()): Promise<void> {
  await db
    .insertInto('enterprise_status')
    .values({
      enterprise_id: enterpriseId,
      rung: 'techSme',
      reference: `TS${year}${enterpriseId}`,
      valid_from: `${year}-01-02`,
      valid_to: `${year}-12-31`,
    })
    .execute();
}

export async function providerFor(db: Kysely<DB>, orgId: number, region: string): Promise<number> {
  const found = await db.selectFrom('voucher_provider').select('id').where('org_id', '=', orgId).executeTakeFirst();
  if (found) return found.id;
  return (
    await db
      .insertInto('voucher_provider')
      .values({
        org_id: orgId,
        region_code: region,
        services: ['testing', 'rnd', 'transfer', 'instrument', 'ip', 'consulting'],
        registered_on: '2020-01-01',
        status: 'listed',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function newProvider(db: Kysely<DB>, region: string): Promise<number> {
  const org = await db
    .insertInto('organization')
    .values({ name: `服务机构${++seq}`, kind: 'institute', region_code: region })
    .returning('id')
    .executeTakeFirstOrThrow();
  return providerFor(db, org.id, region);
}

export async function newEnterprise(db: Kysely<DB>, region: string, orgId: number | null = null): Promise<number> {
  return (
    await db
      .insertInto('enterprise')
      .values({ uscc: fakeUscc(region), name: `持券企业${++seq}`, region_code: region, org_id: orgId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertQuota(
  db: Kysely<DB>,
  o: { region: string; enterpriseId?: number | null; status?: 'applied' | 'granted'; grantedFen?: bigint; usedFen?: bigint; year?: number },
): Promise<{ id: number; version: number }> {
  const granted = o.status === 'applied' ? null : (o.grantedFen ?? 30_000_000n);
  return db
    .insertInto('voucher_quota')
    .values({
      pack_id: o.region.startsWith('4304') ? 'voucher-hengyang-draft' : 'voucher-shanghai',
      region_code: o.region,
      year: o.year ?? thisYear(),
      holder_kind: o.enterpriseId ? 'enterprise' : 'team',
      enterprise_id: o.enterpriseId ?? null,
      team_name: o.enterpriseId ? null : `创业团队${++seq}`,
      team_incubator: o.enterpriseId ? null : '衡阳高新区孵化器',
      team_members: o.enterpriseId ? null : 4,
      requested_fen: granted ?? 10_000_000n,
      granted_fen: granted,
      used_fen: o.usedFen ?? 0n,
      status: o.status ?? 'granted',
      expires_on: `${o.year ?? thisYear()}-12-31`,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function insertUse(
  db: Kysely<DB>,
  o: { quotaId: number; providerId: number; status: string; amountFen?: bigint; files?: boolean; requestedOn?: string; batchId?: number },
): Promise<{ id: number; version: number }> {
  const amount = o.amountFen ?? 500_000n;
  await db
    .updateTable('voucher_quota')
    .set({ used_fen: sql<string>`used_fen + ${amount}` })
    .where('id', '=', o.quotaId)
    .execute();
  const u = await db
    .insertInto('voucher_use')
    .values({
      quota_id: o.quotaId,
      provider_id: o.providerId,
      service: 'testing',
      contract_no: `HT-${++seq}`,
      contract_amount_fen: amount * 2n,
      signed_on: `${thisYear()}-03-01`,
      amount_fen: amount,
      status: o.status,
      requested_on: o.requestedOn ?? (o.status === 'reserved' ? null : `${thisYear()}-03-15`),
      batch_id: o.batchId ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (o.files) {
    for (const kind of ['contract', 'invoice', 'payment'])
      await db
        .insertInto('voucher_use_file')
        .values({
          use_id: u.id,
          kind,
          filename: `${kind}.pdf`,
          content_type: 'application/pdf',
          size_bytes: 10,
          sha256: 'x',
          storage_key: `2026-01/fx-${seq}-${kind}`,
        })
        .execute();
  }
  return u;
}
