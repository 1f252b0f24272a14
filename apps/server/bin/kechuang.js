#!/usr/bin/env node
// The `kechuang` command. The sources are TypeScript run through tsx (docs/decisions/0002-run-typescript-with-tsx.md);
// to start faster they run from a bundle of the same sources when one can be built (bundle.mjs).
import { runBundled } from './bundle.mjs';

if (!(await runBundled())) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
