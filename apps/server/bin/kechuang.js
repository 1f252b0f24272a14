#!/usr/bin/env node
// The `kechuang` command. The sources are TypeScript run through tsx (docs/decisions/0002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
