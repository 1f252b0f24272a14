import { AppError, type TProject, type TProjectContract } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { requireNext } from './acceptance.ts';
import { assertOpenCompetitionMilestones } from './milestones.ts';
import { isApplicant } from './project.policy.ts';
import { addProjectEvent, bumpProject, loadProject, lockProject, requireProjectBureau, requireProjectUnit } from './project-records.ts';

/*
 * 任务书: drafted from the application at 立项 and confirmed by both sides. The bureau confirms (and may settle
 * dates and milestones) before the unit does; once the unit has confirmed, the text is fixed. When both have
 * confirmed, the project is under way (contracting → executing).
 */
export async function confirmContract(
  ctx: Ctx,
  id: number,
  input: {
    version: number;
    startOn?: string | undefined;
    endOn?: string | undefined;
    milestones?: TProjectContract['milestones'] | undefined;
  },
): Promise<TProject> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, input.version);
    const unitSide = isApplicant(actor);
    if (unitSide) requireProjectUnit(actor, p);
    else requireProjectBureau(ctx, p);
    if (p.status !== 'contracting') throw new AppError('project/invalid_transition', { id, status: p.status, event: 'confirm_contract' });
    const contract = { ...(p.contract as TProjectContract) };
    const edits = input.startOn !== undefined || input.endOn !== undefined || input.milestones !== undefined;
    if (edits) {
      if (unitSide || p.contract_unit_at) throw new AppError('project/contract_confirmed', { id });
      if (input.startOn !== undefined) contract.startOn = input.startOn;
      if (input.endOn !== undefined) contract.endOn = input.endOn;
      if (input.milestones !== undefined) contract.milestones = input.milestones;
    }
    // 揭榜挂帅: the bureau's confirmation settles milestone payments tied to the targets
    if (!unitSide && p.programme_kind === 'open_competition') assertOpenCompetitionMilestones(contract, Number(p.granted_fen));
    const now = ctx.now();
    const bureauAt = unitSide ? p.contract_bureau_at : now;
    const unitAt = unitSide ? now : edits ? null : p.contract_unit_at;
    const both = bureauAt !== null && unitAt !== null;
    const status = both ? requireNext('contracting', 'confirm_contract', id) : 'contracting';
    await bumpProject(tx, id, now, {
      contract: JSON.stringify(contract),
      contract_bureau_at: bureauAt,
      contract_unit_at: unitAt,
      status,
      start_on: contract.startOn,
      end_on: contract.endOn,
    });
    await addProjectEvent(tx, ctx, id, unitSide ? 'contract.unit_confirm' : 'contract.bureau_confirm', edits ? { contract } : null);
    record({
      action: 'project.contract.confirm',
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      before: { status: p.status },
      after: { side: unitSide ? 'unit' : 'bureau', status, ...(edits ? { contract } : {}) },
    });
    return loadProject(tx, id);
  });
}
