import { addCalendarDays, addWorkingDays } from './calendar.ts';
import type { ContractRulePack } from './rule-packs.ts';

export interface RegistrationDeadline {
  /** the last day on which the registration must be completed */
  dueDate: string;
  /** the day the clock started: acceptance, or the day the requested 补正 materials came in */
  startedOn: string;
  kind: 'calendar' | 'working';
  days: number;
  clause: string;
  /** false when the count ran into a year whose holiday notice the calendar does not hold yet */
  calendarComplete: boolean;
}

/**
 * When a registration must be done: 30 days from acceptance under the 2000 办法; under the 2024 draft 15
 * working days, or 30 working days for a large (技术交易额 ≥ 500万元) or disputed contract; when materials
 * were requested (补正), the clock starts again on the day they were supplied (draft 第十四条).
 */
export function registrationDeadline(
  pack: ContractRulePack,
  input: { acceptedOn: string; correctedOn?: string | null; technicalAmountFen?: bigint | null; disputed?: boolean },
): RegistrationDeadline {
  const rule = pack.deadline;
  const startedOn = input.correctedOn && input.correctedOn > input.acceptedOn ? input.correctedOn : input.acceptedOn;
  const large =
    rule.largeAmountFen !== undefined &&
    (input.disputed === true ||
      (input.technicalAmountFen !== undefined && input.technicalAmountFen !== null && input.technicalAmountFen >= rule.largeAmountFen));
  const days = large && rule.largeDays ? rule.largeDays : rule.days;
  if (rule.kind === 'calendar') {
    return { dueDate: addCalendarDays(startedOn, days), startedOn, kind: 'calendar', days, clause: rule.clause, calendarComplete: true };
  }
  const r = addWorkingDays(startedOn, days);
  return { dueDate: r.date, startedOn, kind: 'working', days, clause: rule.clause, calendarComplete: r.calendarComplete };
}
