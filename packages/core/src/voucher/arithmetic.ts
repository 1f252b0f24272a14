import type { TVoucherPack } from '@kechuang/contracts';

/*
 * The money of a voucher, in integer 分 (bigint: no floating point decides a boundary). The invariant
 * (domain-rules §7): voucher_amount ≤ min(quota_remaining, ratio × contract_amount); a contract up to the
 * full-cover threshold (inclusive, 《民法典》第一千二百五十九条) is covered in full, still within the remainder.
 */

export type Basis = 'full' | 'share';

export interface VoucherAmount {
  /** what the rules allow on this contract before the remainder is applied */
  coverFen: bigint;
  basis: Basis;
  /** what the voucher is: the cover, cut to the remainder of the quota; 0n when nothing is left */
  amountFen: bigint;
  /** true when the remainder, not the cover, set the amount */
  cutToRemainder: boolean;
}

export function coverOf(pack: Pick<TVoucherPack, 'shareBp' | 'fullCoverUpToFen'>, contractFen: bigint): { coverFen: bigint; basis: Basis } {
  if (contractFen <= 0n) return { coverFen: 0n, basis: 'share' };
  if (pack.fullCoverUpToFen !== null && contractFen <= BigInt(pack.fullCoverUpToFen)) return { coverFen: contractFen, basis: 'full' };
  // share × contract, rounded down to the 分: the voucher never pays more than the share
  return { coverFen: (contractFen * BigInt(pack.shareBp)) / 10_000n, basis: 'share' };
}

export function voucherAmount(
  pack: Pick<TVoucherPack, 'shareBp' | 'fullCoverUpToFen'>,
  contractFen: bigint,
  remainingFen: bigint,
): VoucherAmount {
  const { coverFen, basis } = coverOf(pack, contractFen);
  const remaining = remainingFen > 0n ? remainingFen : 0n;
  const amountFen = coverFen < remaining ? coverFen : remaining;
  return { coverFen, basis, amountFen, cutToRemainder: remaining < coverFen };
}

/** The yearly cap of a holder under the pack. */
export function yearlyCapFen(pack: TVoucherPack, holderKind: 'enterprise' | 'team'): bigint {
  return BigInt(holderKind === 'team' ? pack.teamQuotaFen : pack.enterpriseQuotaFen);
}

/**
 * May `requestedFen` be applied for, with `alreadyFen` applied for or granted this year? Within the yearly
 * cap (不超过, inclusive) and the per-application cap where the pack has one.
 */
export function withinCaps(pack: TVoucherPack, holderKind: 'enterprise' | 'team', requestedFen: bigint, alreadyFen: bigint): boolean {
  if (requestedFen <= 0n) return false;
  if (pack.perApplicationCapFen !== null && requestedFen > BigInt(pack.perApplicationCapFen)) return false;
  return alreadyFen + requestedFen <= yearlyCapFen(pack, holderKind);
}

/** The quarter (1–4) of a YYYY-MM-DD day, and its last day. */
export function quarterOf(day: string): number {
  return Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
}

export function quarterEnd(year: number, quarter: number): string {
  return ['', `${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter] as string;
}
