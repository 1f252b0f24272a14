import { AppError, type TCostItem, type TTechContract } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { addEvent, type LoadedContract, loadContract } from './contract.repository.ts';
import { registrationDeadline } from './deadline.ts';
import { syncContractIndicators } from './indicator-feed.ts';
import { addToContractMonth } from './market/contract-month.ts';
import { enabledPacksFor } from './market/packs.ts';
import { nextRegistrationNo } from './registration-no.ts';
import { contractPackOn, fileContract, type SubjectMatter } from './rule-packs.ts';
import { isRegistrarOf } from './techmarket.policy.ts';
import { TransactionAmountError, technicalTransactionAmount } from './transaction-amount.ts';

/**
 * The contract's deadline under the pack in force on its acceptance day (with the packs its region switched
 * on), restarted by 补正. Under the 2024 draft the 技术交易额 known at recognition (≥ 500万元) or a dispute
 * lengthens it, so it is computed again then.
 */
export function dueDateFor(
  c: Pick<TTechContract, 'acceptedOn' | 'correctedOn' | 'technicalAmountFen'>,
  disputed = false,
  enabled: ReadonlySet<string> = new Set(),
) {
  if (!c.acceptedOn) return null;
  const pack = contractPackOn(c.acceptedOn, enabled);
  return registrationDeadline(pack, {
    acceptedOn: c.acceptedOn,
    correctedOn: c.correctedOn,
    technicalAmountFen: c.technicalAmountFen === null ? null : BigInt(c.technicalAmountFen),
    disputed,
  });
}

type Step = (
  tx: Transaction<DB>,
  loaded: LoadedContract,
  today: string,
  enabled: ReadonlySet<string>,
) => Promise<{ set: Record<string, unknown>; event: string; detail: object }>;

async function registrarStep(ctx: Ctx, id: number, version: number, from: string[], action: string, step: Step): Promise<TTechContract> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const loaded = await loadContract(tx, id);
    if (!isRegistrarOf(actor, loaded.point)) throw new AppError('auth/out_of_scope', { id });
    if (!from.includes(loaded.contract.status)) throw new AppError('techmarket/wrong_status', { status: loaded.contract.status });
    const today = bureauDate(ctx.now());
    const enabled = await enabledPacksFor(tx, loaded.contract.sellerRegionCode);
    const { set, event, detail } = await step(tx, loaded, today, enabled);
    const done = await tx
      .updateTable('tech_contract')
      .set({ ...set, version: version + 1, updated_at: ctx.now() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict');
    await addEvent(tx, id, actor.userId, event, detail, ctx.now());
    const after = await loadContract(tx, id);
    record({
      action,
      entityType: 'tech_contract',
      entityId: id,
      regionCode: loaded.contract.sellerRegionCode,
      before: loaded.contract,
      after: after.contract,
    });
    if (after.contract.status === 'registered') {
      await syncContractIndicators(tx, after.contract, { userId: actor.userId, via: null, now: ctx.now() });
      await addToContractMonth(tx, after.contract);
    }
    return after.contract;
  });
}

/** 受理: the clock of the registration deadline starts today. */
export function acceptContract(ctx: Ctx, id: number, version: number): Promise<TTechContract> {
  return registrarStep(ctx, id, version, ['submitted'], 'techmarket.contract.accept', async (_tx, { contract }, today, enabled) => {
    const due = dueDateFor({ ...contract, acceptedOn: today, correctedOn: null }, false, enabled);
    return {
      set: { status: 'accepted', accepted_on: today, due_on: due?.dueDate ?? null },
      event: 'accept',
      detail: { dueOn: due?.dueDate },
    };
  });
}

/** 补正: the seller is asked for corrected or further materials; its resubmission restarts the clock. */
export function requestCorrection(ctx: Ctx, id: number, version: number, note: string): Promise<TTechContract> {
  return registrarStep(ctx, id, version, ['accepted'], 'techmarket.contract.correction', async () => ({
    set: { status: 'correction_requested', note },
    event: 'correction.request',
    detail: { note },
  }));
}

/**
 * 认定登记: the registrar files the contract under the pack in force on its acceptance day, settles the
 * 技术交易额 from the non-technical costs, and gives it a registration number.
 */
export function recogniseContract(
  ctx: Ctx,
  id: number,
  input: { version: number; subject: SubjectMatter; costItems: TCostItem[]; disputed: boolean; note: string },
): Promise<TTechContract> {
  return registrarStep(ctx, id, input.version, ['accepted'], 'techmarket.contract.register', async (tx, { contract }, today, enabled) => {
    const pack = contractPackOn(contract.acceptedOn ?? today, enabled);
    const filed = fileContract(pack, input.subject);
    let amount: ReturnType<typeof technicalTransactionAmount>;
    try {
      amount = technicalTransactionAmount(
        BigInt(contract.contractAmountFen),
        input.costItems.map((i) => ({ ...i, unitCostFen: BigInt(i.unitCostFen) })),
        pack,
      );
    } catch (e) {
      if (e instanceof TransactionAmountError) {
        throw new AppError(/载体/.test(e.message) ? 'techmarket/carrier_kind_required' : 'techmarket/deductions_exceed', {
          reason: e.message,
        });
      }
      throw e;
    }
    if (!contract.pointId) throw new AppError('techmarket/wrong_status');
    const registrationNo = await nextRegistrationNo(tx, contract.pointId, Number(today.slice(0, 4)));
    // the deadline again, now that the 技术交易额 (and any dispute) is known
    const due = dueDateFor({ ...contract, technicalAmountFen: Number(amount.technicalAmountFen) }, input.disputed, enabled);
    return {
      set: {
        status: 'registered',
        subject: input.subject,
        pack_id: pack.id,
        contract_type: filed.type,
        subtype: filed.subtype,
        cost_items: JSON.stringify(input.costItems),
        technical_amount_fen: amount.technicalAmountFen,
        registered_on: today,
        registration_no: registrationNo,
        due_on: due?.dueDate ?? contract.dueOn,
        note: input.note,
      },
      event: 'register',
      detail: {
        registrationNo,
        packId: pack.id,
        dueOn: due?.dueDate ?? contract.dueOn,
        disputed: input.disputed,
        type: filed.type,
        subtype: filed.subtype,
        contractAmountFen: String(amount.contractAmountFen),
        technicalAmountFen: String(amount.technicalAmountFen),
        deductions: amount.lines.map((l) => ({ deductedFen: String(l.deductedFen), reason: l.reason })),
      },
    };
  });
}

/**
 * 不予受理 (before acceptance) or 不予登记 (after it), each reason from the pack's checklist with its clause.
 * The contract is then not eligible for the preferential policies.
 */
export function refuseContract(ctx: Ctx, id: number, input: { version: number; codes: string[]; note: string }): Promise<TTechContract> {
  return registrarStep(
    ctx,
    id,
    input.version,
    // a contract whose 补正 never came may be refused too (要求补正而未补正)
    ['submitted', 'accepted', 'correction_requested'],
    'techmarket.contract.refuse',
    async (_tx, { contract }, today, enabled) => {
      const stage = contract.status === 'submitted' ? 'not_accepted' : 'not_registered';
      const pack = contractPackOn(contract.acceptedOn ?? today, enabled);
      const reasons = input.codes.map((code) => {
        const r = pack.refusals.find((x) => x.code === code);
        if (!r) throw new AppError('techmarket/unknown_refusal_reason', { code });
        if (r.stage !== stage) throw new AppError('techmarket/refusal_stage', { code, stage });
        return r;
      });
      return {
        set: { status: stage === 'not_accepted' ? 'not_accepted' : 'refused', refusal_codes: input.codes, note: input.note },
        event: stage === 'not_accepted' ? 'not_accept' : 'refuse',
        detail: { reasons: reasons.map((r) => ({ code: r.code, zh: r.zh, clause: r.clause })), note: input.note },
      };
    },
  );
}
