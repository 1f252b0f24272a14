import { AppError, type TEnterpriseDetail, type TLadderStatusInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope, requireRole } from '../policy.ts';
import { assertReadable } from './enterprise-registry.policy.ts';
import { addDays, findEnterprise, loadEnterpriseDetail } from './enterprise-registry.repository.ts';
import { refreshLadder } from './ladder-tally.ts';

/** 高新技术企业证书有效期为三年 (国科发火〔2016〕32号 第七条): the last valid day is the day before the third anniversary. */
export function hnteValidTo(validFrom: string): string {
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February over to 1 March, so the certificate then ends on 28 February
  return addDays(new Date(Date.UTC(y + 3, m - 1, d)).toISOString().slice(0, 10), -1);
}

/**
 * Adds a rung to the enterprise's ladder history (入库, 认定, 上市…). Statuses are facts recorded by the
 * bureau (admin, planner) and are never overwritten: a renewal is a new row.
 */
export async function addLadderStatus(ctx: Ctx, id: number, input: TLadderStatusInput): Promise<TEnterpriseDetail> {
  const actor = requireRole(ctx, 'admin', 'planner');
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = assertReadable(actor, await findEnterprise(tx, id, today), id);
    if (!inRegionScope(actor, enterprise.regionCode)) throw new AppError('auth/out_of_scope', { id });
    const validTo = input.validTo ?? (input.rung === 'hnte' ? hnteValidTo(input.validFrom) : null);
    const row = {
      enterprise_id: id,
      rung: input.rung,
      reference: input.reference,
      valid_from: input.validFrom,
      valid_to: validTo,
      note: input.note,
    };
    const { id: statusId } = await tx.insertInto('enterprise_status').values(row).returning('id').executeTakeFirstOrThrow();
    await refreshLadder(tx, id);
    record({
      action: 'enterprise.status.add',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      after: { statusId, ...row },
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}
