import { regionContains } from '@kechuang/contracts';

/**
 * Regional counting of registered contracts (domain-rules §3.3): a contract is registered once, where the
 * seller is; 输出 (technology output) of a region sums the contracts whose seller is in it, 吸纳 (absorption)
 * those whose buyer is in it. A contract between two counties of one city counts once in the city's 输出
 * and once in its 吸纳; the national total counts each contract once.
 */
export interface CountedContract {
  sellerRegion: string;
  buyerRegion: string;
  contractAmountFen: bigint;
  technicalAmountFen: bigint;
}

export interface RegionTotals {
  count: number;
  contractAmountFen: bigint;
  technicalAmountFen: bigint;
}

const empty = (): RegionTotals => ({ count: 0, contractAmountFen: 0n, technicalAmountFen: 0n });

export function outputOf(region: string, contracts: readonly CountedContract[]): RegionTotals {
  return sum(contracts.filter((c) => regionContains(region, c.sellerRegion)));
}

export function absorptionOf(region: string, contracts: readonly CountedContract[]): RegionTotals {
  return sum(contracts.filter((c) => regionContains(region, c.buyerRegion)));
}

function sum(list: readonly CountedContract[]): RegionTotals {
  const t = empty();
  for (const c of list) {
    t.count++;
    t.contractAmountFen += c.contractAmountFen;
    t.technicalAmountFen += c.technicalAmountFen;
  }
  return t;
}
