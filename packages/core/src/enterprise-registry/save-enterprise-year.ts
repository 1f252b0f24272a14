import type { TEnterpriseDetail, TEnterpriseYear, TEnterpriseYearInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { assertWritable } from './enterprise-registry.policy.ts';
import { findEnterprise, loadEnterpriseDetail } from './enterprise-registry.repository.ts';

/** Saves (replaces) one fiscal year of an enterprise's figures. */
export async function saveEnterpriseYear(ctx: Ctx, id: number, year: number, input: TEnterpriseYearInput): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = assertWritable(actor, await findEnterprise(tx, id, today), id);
    const before = await tx
      .selectFrom('enterprise_year')
      .select('data')
      .where('enterprise_id', '=', id)
      .where('year', '=', year)
      .executeTakeFirst();
    const data: TEnterpriseYear = { ...input, year };
    const json = JSON.stringify(data);
    await tx
      .insertInto('enterprise_year')
      .values({ enterprise_id: id, year, data: json, updated_at: ctx.now() })
      .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doUpdateSet({ data: json, updated_at: ctx.now() }))
      .execute();
    record({
      action: 'enterprise.year.save',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      before: before?.data ?? null,
      after: data,
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}
