import { AppError, type TEnterpriseDetail, type TTechSmeRegistrationInput, type TTechSmeRevocationInput } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope, requireRole } from '../policy.ts';
import { assertReadable } from './enterprise-registry.policy.ts';
import { addDays, findEnterprise, loadEnterpriseDetail, loadTechSmeRegistrations } from './enterprise-registry.repository.ts';
import { refreshLadder } from './ladder-tally.ts';

/*
 * 科技型中小企业 入库登记编号 and 撤销. 纳入信息库后取得入库登记编号，登记编号当年有效; 被撤销登记编号的企业当年不得
 * 再次参与评价 (国科火字〔2019〕87号). Recorded by the bureau (admin, planner) within its region. A number adds the
 * 科技型中小企业 rung to the ladder history up to 31 December of its year; a revocation ends that status the day before.
 */

/** The year an enterprise may next take part after a revocation on `revokedOn`: the following year. */
export function reapplyYear(revokedOn: string): number {
  return Number(revokedOn.slice(0, 4)) + 1;
}

async function writableEnterprise(ctx: Ctx, tx: Transaction<DB>, id: number) {
  const actor = requireRole(ctx, 'admin', 'planner');
  const enterprise = assertReadable(actor, await findEnterprise(tx, id, bureauDate(ctx.now())), id);
  if (!inRegionScope(actor, enterprise.regionCode)) throw new AppError('auth/out_of_scope', { id });
  return enterprise;
}

export async function registerTechSme(ctx: Ctx, id: number, input: TTechSmeRegistrationInput): Promise<TEnterpriseDetail> {
  requireRole(ctx, 'admin', 'planner');
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = await writableEnterprise(ctx, tx, id);
    // take turns on the enterprise: the checks below and the insert form one decision
    await tx.selectFrom('enterprise').select('id').where('id', '=', id).forUpdate().execute();
    const existing = await loadTechSmeRegistrations(tx, id);
    const barred = existing.find((r) => r.revokedOn !== null && Number(r.revokedOn.slice(0, 4)) === input.year);
    if (barred) {
      const nextYear = reapplyYear(barred.revokedOn as string);
      throw new AppError(
        'enterprise/tech_sme_reapply_barred',
        { revokedOn: barred.revokedOn, number: barred.number, nextYear },
        `入库登记编号${barred.number}已于${barred.revokedOn}被撤销，当年不得再次参与评价，可于${nextYear}年起重新登记`,
      );
    }
    if (existing.some((r) => r.year === input.year)) throw new AppError('enterprise/tech_sme_year_registered', { year: input.year });
    const taken = await tx.selectFrom('tech_sme_registration').select('id').where('number', '=', input.number).executeTakeFirst();
    if (taken) throw new AppError('enterprise/tech_sme_number_taken', { number: input.number });
    const status = {
      enterprise_id: id,
      rung: 'techSme',
      reference: input.number,
      valid_from: input.registeredOn,
      valid_to: `${input.year}-12-31`,
      note: '入库登记编号当年有效',
    };
    const { id: statusId } = await tx.insertInto('enterprise_status').values(status).returning('id').executeTakeFirstOrThrow();
    const { id: registrationId } = await tx
      .insertInto('tech_sme_registration')
      .values({ enterprise_id: id, year: input.year, number: input.number, registered_on: input.registeredOn, status_id: statusId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refreshLadder(tx, id);
    record({
      action: 'enterprise.tech_sme.register',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      after: { registrationId, statusId, ...input },
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}

export async function revokeTechSme(
  ctx: Ctx,
  id: number,
  registrationId: number,
  input: TTechSmeRevocationInput,
): Promise<TEnterpriseDetail> {
  requireRole(ctx, 'admin', 'planner');
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = await writableEnterprise(ctx, tx, id);
    const row = await tx
      .selectFrom('tech_sme_registration')
      .selectAll()
      .where('id', '=', registrationId)
      .where('enterprise_id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('enterprise/tech_sme_registration_not_found', { id: registrationId });
    if (row.revoked_on !== null) throw new AppError('enterprise/tech_sme_already_revoked', { revokedOn: row.revoked_on });
    if (input.revokedOn <= row.registered_on) {
      throw new AppError('common/validation', { issues: [{ path: 'revokedOn', message: '撤销日期须晚于入库日期' }] });
    }
    await tx
      .updateTable('tech_sme_registration')
      .set({ revoked_on: input.revokedOn, revocation_reason: input.reason, revocation_note: input.note })
      .where('id', '=', registrationId)
      .execute();
    // the status ends the day before the revocation (never later than the year end it already had)
    if (row.status_id !== null) {
      const end = addDays(input.revokedOn, -1); // ≥ registered_on, checked above
      await tx
        .updateTable('enterprise_status')
        .set({ valid_to: end < `${row.year}-12-31` ? end : `${row.year}-12-31` })
        .where('id', '=', row.status_id)
        .execute();
      await refreshLadder(tx, id);
    }
    record({
      action: 'enterprise.tech_sme.revoke',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      before: { registrationId, number: row.number, revokedOn: null },
      after: { registrationId, number: row.number, ...input },
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}
