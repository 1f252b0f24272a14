import { AppError, type TProjectContract } from '@kechuang/contracts';

/*
 * 揭榜挂帅 pays by milestone: each milestone of the 任务书 names the 考核指标 it proves, every target has a
 * milestone, and the milestone payments add up to the grant exactly; a payment names an unpaid milestone and
 * pays its agreed amount.
 */

export function assertOpenCompetitionMilestones(contract: TProjectContract, grantedFen: number): void {
  const names = new Set(contract.targets.map((t) => t.name));
  const covered = new Set(contract.milestones.map((m) => m.target ?? ''));
  const uncovered = [...names].filter((n) => !covered.has(n));
  const unknown = contract.milestones.filter((m) => !m.target || !names.has(m.target)).map((m) => m.title);
  const sum = contract.milestones.reduce((s, m) => s + BigInt(m.paymentFen ?? 0), 0n);
  if (uncovered.length > 0 || unknown.length > 0 || sum !== BigInt(grantedFen))
    throw new AppError('project/milestones_invalid', { uncovered, unknown, sumFen: Number(sum), grantedFen });
}

export function assertMilestonePayment(
  contract: TProjectContract,
  paid: ReadonlyArray<{ milestone: string | null }>,
  input: { milestone?: string | null | undefined; amountFen: number },
): void {
  const m = contract.milestones.find((x) => x.title === input.milestone);
  const alreadyPaid = paid.some((p) => p.milestone === input.milestone);
  if (!m || alreadyPaid || BigInt(m.paymentFen ?? -1) !== BigInt(input.amountFen))
    throw new AppError('project/milestone_payment_invalid', {
      milestone: input.milestone ?? null,
      expectedFen: m?.paymentFen ?? null,
      alreadyPaid,
    });
}
