import type { Ctx } from '../context.ts';

/*
 * 创新券 demo for 衡阳 (430400), not wired into loadDemo yet: three providers on the registry (a testing company,
 * 南华大学, a patent agency), and a granted quota of the demo enterprise with one voucher used. Fictitious names.
 */
export const demoVoucherProviders = [
  { name: '衡阳衡检检测技术有限公司', kind: 'enterprise', regionCode: '430408', services: ['testing', 'instrument'] },
  { name: '南华大学', kind: 'institute', regionCode: '430407', services: ['rnd', 'transfer', 'instrument'] },
  { name: '衡阳雁城知识产权代理有限公司', kind: 'enterprise', regionCode: '430405', services: ['ip', 'consulting'] },
] as const;

export async function loadDemoVouchers(ctx: Ctx, year: number): Promise<void> {
  const db = ctx.db;
  for (const p of demoVoucherProviders) {
    const org =
      (await db.selectFrom('organization').select('id').where('name', '=', p.name).executeTakeFirst()) ??
      (await db
        .insertInto('organization')
        .values({ name: p.name, kind: p.kind, region_code: p.regionCode })
        .returning('id')
        .executeTakeFirstOrThrow());
    await db
      .insertInto('voucher_provider')
      .values({ org_id: org.id, region_code: p.regionCode, services: [...p.services], registered_on: `${year}-01-10`, status: 'listed' })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
  }
  const ent = await db
    .selectFrom('enterprise')
    .select(['id', 'region_code'])
    .where('name', '=', '衡阳衡山科学仪器有限公司')
    .executeTakeFirst();
  const lab = await db
    .selectFrom('voucher_provider as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select('p.id')
    .where('o.name', '=', '衡阳衡检检测技术有限公司')
    .executeTakeFirst();
  if (!ent || !lab) return;
  const q = await db
    .insertInto('voucher_quota')
    .values({
      pack_id: 'voucher-hengyang-draft',
      region_code: ent.region_code,
      year,
      holder_kind: 'enterprise',
      enterprise_id: ent.id,
      requested_fen: 20_000_000n,
      granted_fen: 20_000_000n,
      used_fen: 4_000_000n,
      status: 'granted',
      expires_on: `${year}-12-31`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('voucher_use')
    .values({
      quota_id: q.id,
      provider_id: lab.id,
      service: 'testing',
      contract_no: `HJ-${year}-0117`,
      contract_amount_fen: 8_000_000n,
      signed_on: `${year}-03-12`,
      amount_fen: 4_000_000n,
      status: 'reserved',
    })
    .execute();
}
