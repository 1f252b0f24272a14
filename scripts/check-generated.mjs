#!/usr/bin/env node
// Fails when a committed generated artefact differs from what the code generates now.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const artefacts = [{ file: 'docs/api/openapi.json', args: ['gen-openapi'] }];
let drift = false;
for (const a of artefacts) {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-gen-')), path.basename(a.file));
  execFileSync(process.execPath, ['apps/server/bin/kechuang.js', ...a.args, tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
  const now = fs.readFileSync(tmp, 'utf8');
  const committed = fs.existsSync(a.file) ? fs.readFileSync(a.file, 'utf8') : '';
  if (now !== committed) {
    drift = true;
    console.error(`${a.file} is out of date: run \`npm run gen\` and commit the result.`);
  } else console.log(`${a.file} is up to date`);
}
process.exit(drift ? 1 : 0);
