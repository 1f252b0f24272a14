import type { TLadderRung } from '@kechuang/contracts';

/** One tag colour per ladder rung. */
export const rungColor: Record<TLadderRung, string> = {
  techSme: 'blue',
  hnteReserve: 'gold',
  hnte: 'green',
  specialized: 'purple',
  littleGiant: 'magenta',
  listed: 'volcano',
};
