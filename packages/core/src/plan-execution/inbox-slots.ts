import type { TSlotState } from '@kechuang/contracts';
import type { ReportingSlot } from './reporting-cycle.ts';
import type { PairTally } from './tally-cache.ts';

/** Most urgent first. */
export const slotUrgency: Record<TSlotState, number> = {
  returned: 0,
  overdue: 1,
  due_soon: 2,
  draft: 3,
  submitted: 4,
  upcoming: 5,
  accepted: 6,
};

/** A slot's state for an assignment: the slot, its state and the report it concerns. */
export interface SlotState {
  slot: ReportingSlot;
  state: TSlotState;
  rep: { id: number; version: number } | undefined;
  daysLeft: number;
}

/**
 * What each reporting slot of an assignment needs, most urgent first (returned, overdue, due soon, draft,
 * awaiting review), then the next slot still to come. A co-operating unit is never overdue: only the lead
 * unit answers for a missing report.
 */
function slotStates(
  slots: ReportingSlot[],
  timing: { daysLeft: number[]; pastDue: boolean[] },
  tally: PairTally | undefined,
  lead: boolean,
  dueSoonDays: number,
): SlotState[] {
  const states: SlotState[] = [];
  let next: SlotState | null = null;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as ReportingSlot;
    const period = slot.period;
    const daysLeft = timing.daysLeft[i] as number;
    const returned = tally?.returned.get(period);
    const draft = tally?.drafts.get(period);
    const reported = tally?.reported.has(period) ?? false;
    let state: TSlotState | null = null;
    let rep: { id: number; version: number } | undefined;
    if (returned && !draft) [state, rep] = ['returned', returned];
    else if (!reported && timing.pastDue[i]) {
      if (lead) [state, rep] = ['overdue', draft];
      else if (draft) [state, rep] = ['draft', draft];
    } else if (draft) [state, rep] = ['draft', draft];
    else if (tally?.awaiting.has(period)) state = 'submitted';
    else if (!reported && daysLeft >= 0 && daysLeft <= dueSoonDays) state = 'due_soon';
    else if (!reported && !next && daysLeft > dueSoonDays) next = { slot, state: 'upcoming', rep: undefined, daysLeft };
    if (state) states.push({ slot, state, rep, daysLeft });
  }
  if (states.length > 1)
    states.sort(
      (x, y) =>
        slotUrgency[x.state] - slotUrgency[y.state] || (x.slot.dueDate < y.slot.dueDate ? -1 : x.slot.dueDate > y.slot.dueDate ? 1 : 0),
    );
  if (next) states.push(next);
  return states;
}

interface SlotMemo {
  slots: ReportingSlot[];
  lead: boolean;
  asOf: string;
  dueSoonDays: number;
  states: SlotState[];
}
/**
 * Slot states by the tally they were worked out from. A plan's running tallies (tally-cache.ts) are
 * replaced, never changed, when a report is written, and schedules are shared per plan version: after one
 * submission the all-units inbox works out again only the pair that report touched.
 */
const slotMemo = new WeakMap<PairTally, SlotMemo>();

export function memoSlotStates(
  slots: ReportingSlot[],
  timing: { daysLeft: number[]; pastDue: boolean[] },
  tally: PairTally | undefined,
  lead: boolean,
  asOf: string,
  dueSoonDays: number,
): SlotState[] {
  if (!tally) return slotStates(slots, timing, tally, lead, dueSoonDays);
  const m = slotMemo.get(tally);
  if (m && m.slots === slots && m.lead === lead && m.asOf === asOf && m.dueSoonDays === dueSoonDays) return m.states;
  const states = slotStates(slots, timing, tally, lead, dueSoonDays);
  slotMemo.set(tally, { slots, lead, asOf, dueSoonDays, states });
  return states;
}
