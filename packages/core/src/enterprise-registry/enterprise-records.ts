import {
  AppError,
  type TEnterpriseDetail,
  type TEnterpriseDisclosure,
  type TEnterpriseIncidentInput,
  type TEnterpriseIpInput,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { assertWritable } from './enterprise-registry.policy.ts';
import { findEnterprise, loadEnterpriseDetail } from './enterprise-registry.repository.ts';

/*
 * IP items, incidents and the completeness declaration of one enterprise. Same scope as the yearly
 * figures: the enterprise user its own enterprise, admin and planner within their region subtree.
 */

function uniqueViolation(e: unknown, code: 'enterprise/duplicate_ip' | 'enterprise/duplicate_incident'): unknown {
  return (e as { code?: string } | null)?.code === '23505' ? new AppError(code) : e;
}

/** Registers one IP item (专利号 / 登记号 unique within the enterprise). */
export async function addEnterpriseIp(ctx: Ctx, id: number, input: TEnterpriseIpInput): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  try {
    return await withAudit(ctx, async (tx, record) => {
      const enterprise = assertWritable(actor, await findEnterprise(tx, id, today), id);
      const { number, ...item } = input;
      const row = await tx
        .insertInto('enterprise_ip')
        .values({ enterprise_id: id, number, kind: item.kind, data: JSON.stringify(item) })
        .returning('id')
        .executeTakeFirstOrThrow();
      record({
        action: 'enterprise.ip.add',
        entityType: 'enterprise',
        entityId: id,
        regionCode: enterprise.regionCode,
        after: { ipId: row.id, ...input },
      });
      return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
    });
  } catch (e) {
    throw uniqueViolation(e, 'enterprise/duplicate_ip');
  }
}

export async function removeEnterpriseIp(ctx: Ctx, id: number, itemId: number): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = assertWritable(actor, await findEnterprise(tx, id, today), id);
    const gone = await tx
      .deleteFrom('enterprise_ip')
      .where('id', '=', itemId)
      .where('enterprise_id', '=', id)
      .returning(['number', 'data'])
      .executeTakeFirst();
    if (!gone) throw new AppError('enterprise/record_not_found', { id, itemId });
    record({
      action: 'enterprise.ip.remove',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      before: { ipId: itemId, number: gone.number, ...(gone.data as object) },
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}

/** Records one safety / quality / environment incident (or 严重弄虚作假 / 科研严重失信). */
export async function addEnterpriseIncident(ctx: Ctx, id: number, input: TEnterpriseIncidentInput): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  try {
    return await withAudit(ctx, async (tx, record) => {
      const enterprise = assertWritable(actor, await findEnterprise(tx, id, today), id);
      const row = await tx
        .insertInto('enterprise_incident')
        .values({ enterprise_id: id, occurred_on: input.date, kind: input.kind, severity: input.severity, note: input.note })
        .returning('id')
        .executeTakeFirstOrThrow();
      record({
        action: 'enterprise.incident.add',
        entityType: 'enterprise',
        entityId: id,
        regionCode: enterprise.regionCode,
        after: { incidentId: row.id, ...input },
      });
      return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
    });
  } catch (e) {
    throw uniqueViolation(e, 'enterprise/duplicate_incident');
  }
}

export async function removeEnterpriseIncident(ctx: Ctx, id: number, itemId: number): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = assertWritable(actor, await findEnterprise(tx, id, today), id);
    const gone = await tx
      .deleteFrom('enterprise_incident')
      .where('id', '=', itemId)
      .where('enterprise_id', '=', id)
      .returning(['occurred_on', 'kind', 'severity', 'note'])
      .executeTakeFirst();
    if (!gone) throw new AppError('enterprise/record_not_found', { id, itemId });
    record({
      action: 'enterprise.incident.remove',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      before: { incidentId: itemId, ...gone },
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}

/** Declares whether the IP and incident lists are complete (an empty complete list means "none"). */
export async function setEnterpriseDisclosure(ctx: Ctx, id: number, input: TEnterpriseDisclosure): Promise<TEnterpriseDetail> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  return withAudit(ctx, async (tx, record) => {
    const enterprise = assertWritable(actor, await findEnterprise(tx, id, today), id);
    const before = await tx.selectFrom('enterprise_disclosure').selectAll().where('enterprise_id', '=', id).executeTakeFirst();
    const values = { ip_complete: input.ipComplete, incidents_complete: input.incidentsComplete, updated_at: ctx.now() };
    await tx
      .insertInto('enterprise_disclosure')
      .values({ enterprise_id: id, ...values })
      .onConflict((oc) => oc.column('enterprise_id').doUpdateSet(values))
      .execute();
    record({
      action: 'enterprise.disclosure.set',
      entityType: 'enterprise',
      entityId: id,
      regionCode: enterprise.regionCode,
      before: before ? { ipComplete: before.ip_complete, incidentsComplete: before.incidents_complete } : null,
      after: input,
    });
    return (await loadEnterpriseDetail(tx, id, today)) as TEnterpriseDetail;
  });
}
