/** Where tests and the benchmark find the seed plans and their answer keys. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Golden } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const goldenDir = join(here, 'golden');
/** The seed plans live beside the repository (../shared/seeds); KECHUANG_SEEDS overrides. */
export const seedsDir = process.env.KECHUANG_SEEDS ?? resolve(here, '../../../../shared/seeds');

export function loadGoldens(): { golden: Golden; bytes: Buffer; name: string }[] {
  if (!existsSync(seedsDir)) {
    // CI always has the seeds beside the clone: their absence there is a failure, not a skip.
    if (process.env.CI) throw new Error(`seed plans not found at ${seedsDir} (set KECHUANG_SEEDS)`);
    return [];
  }
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const golden = JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as Golden;
      return { golden, bytes: readFileSync(join(seedsDir, golden.file)), name: golden.file };
    });
}
