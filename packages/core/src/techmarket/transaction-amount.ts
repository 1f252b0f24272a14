import type { ContractRulePack } from './rule-packs.ts';

/**
 * 技术交易额 = 合同成交额 − 非技术性费用 (购置设备、仪器、零部件、原材料等); the direct cost of a reasonable
 * quantity of the carriers of the technical result is not a non-technical cost (国科发政字〔2001〕253号 第七章;
 * domain-rules §3.2). Reasonable quantity: technical documents as many copies as archiving needs, software
 * media, new varieties, strains, samples and prototypes as many as testing and mastering the technology
 * needs (stated by the registrar for the contract), complete equipment sets and test rigs 1–2 sets.
 * Amounts are integer 分.
 */
export type CostKind = 'equipment' | 'instrument' | 'parts' | 'materials' | 'other_non_technical' | 'carrier';
export type CarrierKind = 'document' | 'software_medium' | 'variety_or_strain' | 'sample_or_prototype' | 'equipment_set';

export interface CostItem {
  kind: CostKind;
  /** for carriers */
  carrier?: CarrierKind;
  quantity: number;
  /** cost of one unit, 分 */
  unitCostFen: bigint;
  /** for documents, media, varieties and samples: the quantity the registrar accepts as needed */
  reasonableQuantity?: number;
}

export interface DeductionLine {
  item: CostItem;
  deductedFen: bigint;
  /** zh-CN, shown on the registration sheet */
  reason: string;
}

export interface TransactionAmount {
  contractAmountFen: bigint;
  nonTechnicalFen: bigint;
  technicalAmountFen: bigint;
  lines: DeductionLine[];
}

export class TransactionAmountError extends Error {}

function reasonableOf(item: CostItem, pack: ContractRulePack): number {
  if (item.carrier === 'equipment_set') return Math.min(item.reasonableQuantity ?? pack.carrierEquipmentSets, pack.carrierEquipmentSets);
  return item.reasonableQuantity ?? 0;
}

export function technicalTransactionAmount(contractAmountFen: bigint, items: CostItem[], pack: ContractRulePack): TransactionAmount {
  if (contractAmountFen <= 0n) throw new TransactionAmountError('合同成交额须大于零');
  const lines: DeductionLine[] = [];
  let nonTechnical = 0n;
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 0 || item.unitCostFen < 0n)
      throw new TransactionAmountError('费用项的数量和单价须为非负数');
    const total = BigInt(item.quantity) * item.unitCostFen;
    if (item.kind !== 'carrier') {
      nonTechnical += total;
      lines.push({ item, deductedFen: total, reason: '非技术性费用，全额扣除' });
      continue;
    }
    if (!item.carrier) throw new TransactionAmountError('技术成果载体须注明载体类别');
    const free = Math.min(item.quantity, reasonableOf(item, pack));
    const deducted = BigInt(item.quantity - free) * item.unitCostFen;
    nonTechnical += deducted;
    lines.push({
      item,
      deductedFen: deducted,
      reason:
        deducted === 0n
          ? `技术成果载体，合理数量（${free}）以内，不计入非技术性费用`
          : `技术成果载体，超出合理数量（${free}）的 ${item.quantity - free} 件计入非技术性费用`,
    });
  }
  if (nonTechnical > contractAmountFen) throw new TransactionAmountError('扣除的非技术性费用超过合同成交额');
  return { contractAmountFen, nonTechnicalFen: nonTechnical, technicalAmountFen: contractAmountFen - nonTechnical, lines };
}
