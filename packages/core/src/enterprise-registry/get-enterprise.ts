import type { TEnterpriseDetail } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { assertReadable, requireRegistryReader } from './enterprise-registry.policy.ts';
import { findEnterprise, loadEnterpriseDetail } from './enterprise-registry.repository.ts';

/** One enterprise with its yearly figures and its whole ladder history. */
export async function getEnterprise(ctx: Ctx, id: number): Promise<TEnterpriseDetail> {
  const actor = requireRegistryReader(ctx);
  const today = bureauDate(ctx.now());
  assertReadable(actor, await findEnterprise(ctx.db, id, today), id);
  return (await loadEnterpriseDetail(ctx.db, id, today)) as TEnterpriseDetail;
}
