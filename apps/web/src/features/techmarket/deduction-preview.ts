import type { TCostItem } from '@kechuang/contracts';

/*
 * A preview of 技术交易额 while the registrar lists the costs, so the figure is seen before it is settled; the
 * server settles it under the contract's rule pack (core/techmarket/transaction-amount.ts) and its answer is
 * what the certificate states. 技术交易额 = 合同成交额 − 非技术性费用; a reasonable quantity of the carriers
 * of the technical result is not a non-technical cost, complete equipment sets at most `equipmentSets`.
 */
export interface PreviewLine {
  deductedFen: bigint;
  /** how many units were free as carriers */
  free: number;
}

export interface Preview {
  lines: PreviewLine[];
  nonTechnicalFen: bigint;
  technicalFen: bigint;
  exceeds: boolean;
}

export function previewTechnicalAmount(contractFen: bigint, items: TCostItem[], equipmentSets = 2): Preview {
  const lines = items.map((i) => {
    const quantity = Math.max(0, Math.trunc(i.quantity || 0));
    const unit = BigInt(Math.max(0, Math.trunc(i.unitCostFen || 0)));
    if (i.kind !== 'carrier') return { deductedFen: BigInt(quantity) * unit, free: 0 };
    const reasonable =
      i.carrier === 'equipment_set' ? Math.min(i.reasonableQuantity ?? equipmentSets, equipmentSets) : (i.reasonableQuantity ?? 0);
    const free = Math.min(quantity, reasonable);
    return { deductedFen: BigInt(quantity - free) * unit, free };
  });
  const nonTechnicalFen = lines.reduce((s, l) => s + l.deductedFen, 0n);
  return { lines, nonTechnicalFen, technicalFen: contractFen - nonTechnicalFen, exceeds: nonTechnicalFen > contractFen };
}
