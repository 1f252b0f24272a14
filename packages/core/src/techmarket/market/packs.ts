import { AppError } from '@kechuang/contracts';
import { withAudit } from '../../audit/with-audit.ts';
import type { Ctx } from '../../context.ts';
import { assertRegionScope, hasRole, requireActor } from '../../policy.ts';
import { regionChain } from '../indicator-feed.ts';
import { contractRulePacks } from '../rule-packs.ts';
import { requireRegionReader } from './market.policy.ts';
import type { Db } from './owners.ts';

/**
 * The packs that are off by default (the 2024 draft) and switched on for a region: the switch of the nearest
 * region in the chain county → city → province decides (a county may switch off what its city switched on).
 */
export async function enabledPacksFor(db: Db, regionCode: string): Promise<Set<string>> {
  const chain = regionChain(regionCode);
  const rows = await db
    .selectFrom('tm_pack_switch')
    .select(['region_code', 'pack_id', 'enabled'])
    .where('region_code', 'in', chain)
    .execute();
  const on = new Set<string>();
  for (const pack of new Set(rows.map((r) => r.pack_id))) {
    const nearest = rows.filter((r) => r.pack_id === pack).sort((a, b) => chain.indexOf(a.region_code) - chain.indexOf(b.region_code))[0];
    if (nearest?.enabled) on.add(pack);
  }
  return on;
}

export async function listPackSwitches(ctx: Ctx, region?: string) {
  const actor = requireActor(ctx);
  const r = region ?? actor.regionCode;
  requireRegionReader(ctx, r);
  const chain = regionChain(r);
  const rows = await ctx.db.selectFrom('tm_pack_switch').selectAll().where('region_code', 'in', chain).execute();
  const enabled = await enabledPacksFor(ctx.db, r);
  return contractRulePacks.map((p) => {
    const nearest = rows.filter((x) => x.pack_id === p.id).sort((a, b) => chain.indexOf(a.region_code) - chain.indexOf(b.region_code))[0];
    return {
      id: p.id,
      name: p.name,
      source: p.source,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      enabledByDefault: p.enabledByDefault,
      enabled: p.enabledByDefault || enabled.has(p.id),
      switchedBy: nearest?.region_code ?? null,
    };
  });
}

/** The bureau's admin switches a pack that is off by default on or off for its region (and the regions below). */
export async function switchPack(ctx: Ctx, packId: string, input: { enabled: boolean; region?: string | undefined }) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin')) throw new AppError('auth/forbidden');
  const region = input.region ?? actor.regionCode;
  assertRegionScope(actor, region);
  const pack = contractRulePacks.find((p) => p.id === packId);
  if (!pack) throw new AppError('market/rule_pack_not_found', { packId });
  if (pack.enabledByDefault) throw new AppError('market/pack_not_switchable', { packId });
  await withAudit(ctx, async (tx, record) => {
    const before = await tx
      .selectFrom('tm_pack_switch')
      .selectAll()
      .where('region_code', '=', region)
      .where('pack_id', '=', packId)
      .executeTakeFirst();
    await tx
      .insertInto('tm_pack_switch')
      .values({ region_code: region, pack_id: packId, enabled: input.enabled, updated_by: actor.userId, updated_at: ctx.now() })
      .onConflict((oc) =>
        oc.columns(['region_code', 'pack_id']).doUpdateSet({ enabled: input.enabled, updated_by: actor.userId, updated_at: ctx.now() }),
      )
      .execute();
    record({
      action: 'techmarket.rule_pack.switch',
      entityType: 'tm_pack_switch',
      entityId: `${region}:${packId}`,
      regionCode: region,
      before: before ?? null,
      after: { region, packId, enabled: input.enabled },
    });
  });
  return listPackSwitches(ctx, region);
}
