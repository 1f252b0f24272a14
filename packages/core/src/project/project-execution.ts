import { AppError, type TProject, type TProjectContract, type TProjectReportInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { assertMilestonePayment } from './milestones.ts';
import { isApplicant } from './project.policy.ts';
import { addProjectEvent, bumpProject, loadProject, lockProject, requireProjectBureau, requireProjectUnit } from './project-records.ts';

/** Statuses in which the project is running: money may be paid and reports made. */
const running = ['executing', 'acceptance_requested', 'rectifying'];

/** 拨款: a batch paid to the project; the batches together never exceed the grant. */
export async function addPayment(
  ctx: Ctx,
  id: number,
  input: { version: number; amountFen: number; paidOn: string; milestone?: string | null | undefined; note?: string | null | undefined },
): Promise<TProject> {
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, input.version);
    requireProjectBureau(ctx, p);
    if (!running.includes(p.status)) throw new AppError('project/invalid_transition', { id, status: p.status, event: 'payment' });
    const paid = BigInt(p.paid_fen);
    if (paid + BigInt(input.amountFen) > BigInt(p.granted_fen))
      throw new AppError('project/over_granted', { grantedFen: Number(p.granted_fen), paidFen: Number(paid), amountFen: input.amountFen });
    if (p.programme_kind === 'open_competition') {
      const paidRows = await tx.selectFrom('project_payment').select('milestone').where('project_id', '=', id).execute();
      assertMilestonePayment(p.contract as TProjectContract, paidRows, input);
    }
    const { n } = await tx
      .selectFrom('project_payment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('project_id', '=', id)
      .executeTakeFirstOrThrow();
    const batch = Number(n) + 1;
    await tx
      .insertInto('project_payment')
      .values({
        project_id: id,
        batch,
        amount_fen: input.amountFen,
        paid_on: input.paidOn,
        milestone: input.milestone ?? null,
        note: input.note ?? null,
      })
      .execute();
    await bumpProject(tx, id, ctx.now());
    await addProjectEvent(tx, ctx, id, 'payment', { batch, amountFen: input.amountFen, paidOn: input.paidOn });
    record({ action: 'project.payment', entityType: 'project', entityId: id, regionCode: p.region_code, after: { batch, ...input } });
    return loadProject(tx, id);
  });
}

/**
 * Reports: the unit files periodic execution reports and the 科技报告 (archived with the project, required
 * before acceptance); the bureau records the 中期检查 with its outcome.
 */
export async function addProjectReport(ctx: Ctx, id: number, input: TProjectReportInput): Promise<TProject> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const p = await lockProject(tx, id, null);
    if (input.kind === 'midterm') {
      requireProjectBureau(ctx, p);
      if (!input.outcome) throw new AppError('common/validation', { field: 'outcome' });
    } else {
      if (!isApplicant(actor)) throw new AppError('auth/forbidden', { id });
      requireProjectUnit(actor, p);
    }
    if (!running.includes(p.status)) throw new AppError('project/invalid_transition', { id, status: p.status, event: input.kind });
    const row = await tx
      .insertInto('project_report')
      .values({
        project_id: id,
        kind: input.kind,
        period: input.period ?? null,
        content: JSON.stringify(input.content),
        outcome: input.kind === 'midterm' ? (input.outcome ?? null) : null,
        submitted_at: ctx.now(),
        submitted_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpProject(tx, id, ctx.now());
    await addProjectEvent(tx, ctx, id, `report.${input.kind}`, {
      reportId: row.id,
      period: input.period ?? null,
      outcome: input.outcome ?? null,
    });
    record({
      action: `project.report.${input.kind}`,
      entityType: 'project',
      entityId: id,
      regionCode: p.region_code,
      after: { reportId: row.id, ...input },
    });
    return loadProject(tx, id);
  });
}
