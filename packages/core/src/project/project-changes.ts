import { AppError, type TChangeRequest, type TProject, type TProjectContract } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { addProjectEvent, bumpProject, loadProject, lockProject, requireProjectBureau, requireProjectUnit } from './project-records.ts';

/*
 * Changes to a running project (延期, 变更负责人, 调整预算): the unit requests with a reason, the bureau approves
 * or rejects; an approval applies the change to the project and its 任务书. Every request and decision stays
 * in the history.
 */
const changeable = ['contracting', 'executing', 'rectifying'];

export async function requestChange(ctx: Ctx, id: number, input: TChangeRequest): Promise<TProject> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, null);
    requireProjectUnit(actor, p);
    if (!changeable.includes(p.status)) throw new AppError('project/invalid_transition', { id, status: p.status, event: 'change' });
    // 调整预算 moves fiscal money between categories; the 任务书's fiscal total stays (a new total is another procedure)
    if (input.kind === 'budget_adjustment') {
      const total = (lines: TProjectContract['budget']) => lines.reduce((s, l) => s + BigInt(l.fiscalFen), 0n);
      const contracted = total((p.contract as TProjectContract | null)?.budget ?? []);
      const requested = total(input.budget);
      if (requested !== contracted)
        throw new AppError('project/budget_total_changed', {
          contractFiscalFen: Number(contracted),
          requestedFiscalFen: Number(requested),
        });
    }
    const { kind, reason, ...request } = input;
    const row = await tx
      .insertInto('project_change')
      .values({ project_id: id, kind, request: JSON.stringify(request), reason, requested_by: actor.userId, requested_at: ctx.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpProject(tx, id, ctx.now());
    await addProjectEvent(tx, ctx, id, 'change.request', { changeId: row.id, kind });
    record({
      action: 'project.change.request',
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      after: { changeId: row.id, ...input },
    });
    return loadProject(tx, id);
  });
}

export async function decideChange(
  ctx: Ctx,
  id: number,
  changeId: number,
  input: { approve: boolean; note?: string | null | undefined },
): Promise<TProject> {
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, null);
    const actor = requireProjectBureau(ctx, p);
    const c = await tx
      .selectFrom('project_change')
      .selectAll()
      .where('id', '=', changeId)
      .where('project_id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!c) throw new AppError('common/not_found', { changeId });
    if (c.status !== 'pending') throw new AppError('project/change_not_pending', { changeId });
    const now = ctx.now();
    await tx
      .updateTable('project_change')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: actor.userId,
        decided_at: now,
        decision_note: input.note ?? null,
      })
      .where('id', '=', changeId)
      .execute();
    const set: Record<string, unknown> = {};
    if (input.approve) {
      const req = c.request as { endOn?: string; leaderName?: string; budget?: TProjectContract['budget'] };
      const contract = { ...(p.contract as TProjectContract) };
      if (c.kind === 'extension' && req.endOn) {
        contract.endOn = req.endOn;
        set.end_on = req.endOn;
      }
      if (c.kind === 'leader_change' && req.leaderName) set.leader_name = req.leaderName;
      if (c.kind === 'budget_adjustment' && req.budget) contract.budget = req.budget;
      set.contract = JSON.stringify(contract);
    }
    await bumpProject(tx, id, now, set);
    await addProjectEvent(tx, ctx, id, input.approve ? 'change.approve' : 'change.reject', {
      changeId,
      kind: c.kind,
      note: input.note ?? null,
    });
    record({
      action: 'project.change.decide',
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      before: { changeId, status: 'pending' },
      after: { changeId, status: input.approve ? 'approved' : 'rejected', applied: set },
    });
    return loadProject(tx, id);
  });
}
