import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';

/* 评审专家库: its rows of the access table (access.test.ts). */
interface EntryLike {
  in: TRole[];
  out?: TRole[];
  reqIn: (fx: never) => Promise<InjectOptions> | InjectOptions;
  reqOut?: (fx: never) => Promise<InjectOptions> | InjectOptions;
}

export function expertAccessEntries(): Record<string, EntryLike> {
  return {};
}
