import { AppError, type TEnterpriseListQuery } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { hasRole, inRegionScope } from '../policy.ts';
import { containsPattern, pageWindow, subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import { requireRegistryReader } from './enterprise-registry.policy.ts';
import { activeOn, selectEnterprises, toEnterprise } from './enterprise-registry.repository.ts';

/** Enterprises in the actor's region subtree, or, for an enterprise user, only its own. */
export async function listEnterprises(ctx: Ctx, input: TEnterpriseListQuery) {
  const actor = requireRegistryReader(ctx);
  const regionWide = hasRole(actor, 'admin', 'planner', 'viewer');
  if (input.region && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
  const today = bureauDate(ctx.now());
  let q = selectEnterprises(reader(ctx), today);
  q = regionWide ? q.where('e.region_code', 'like', subtreePattern(actor.regionCode)) : q.where('e.org_id', '=', actor.orgId);
  if (input.region) q = q.where('e.region_code', 'like', subtreePattern(input.region));
  if (input.rung) {
    const rung = input.rung;
    q = q.where(
      sql<boolean>`exists (select 1 from enterprise_status s where s.enterprise_id = e.id and s.rung = ${rung} and ${activeOn(today)})`,
    );
  }
  if (input.q?.trim()) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('e.name', 'like', like), eb('e.uscc', 'like', like.toUpperCase())]));
  }
  const ordered =
    input.sort === 'createdAt'
      ? q.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc')
      : input.sort === 'region'
        ? q.orderBy('e.region_code').orderBy('e.name').orderBy('e.id')
        : q.orderBy('e.name').orderBy('e.id');
  const { limit, offset } = pageWindow(input);
  const [rows, count] = await Promise.all([
    ordered.limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toEnterprise), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}
