#!/usr/bin/env node
// Fails when the en-US catalogs drift from the canonical zh-CN ones: a module file present in one
// language only, a key present in one language only, a {{variable}} used in one language only, an
// empty text, or an error code from packages/contracts/src/errors.ts without a text under errors.*.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = join(root, 'packages/i18n/locales');
const canonical = 'zh-CN';
const others = ['en-US'];
const problems = [];

function listModules(lang) {
  const dir = join(localesDir, lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function flatten(value, prefix, out, file) {
  if (typeof value === 'string') {
    if (value.trim() === '') problems.push(`${file}: empty text at "${prefix}"`);
    out.set(prefix, value);
    return out;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${file}: "${prefix}" must be a string or an object`);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    flatten(child, prefix ? `${prefix}.${key}` : key, out, file);
  }
  return out;
}

function load(lang, file) {
  const path = join(localesDir, lang, file);
  try {
    return flatten(JSON.parse(readFileSync(path, 'utf8')), '', new Map(), `${lang}/${file}`);
  } catch (error) {
    problems.push(`${lang}/${file}: cannot be read as JSON (${error.message})`);
    return new Map();
  }
}

const variables = (text) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const canonicalFiles = listModules(canonical);
if (canonicalFiles.length === 0) problems.push(`${canonical}: no module files found in ${localesDir}`);

for (const lang of others) {
  const files = listModules(lang);
  for (const f of canonicalFiles) if (!files.includes(f)) problems.push(`${lang}/${f}: file missing (exists in ${canonical})`);
  for (const f of files) if (!canonicalFiles.includes(f)) problems.push(`${lang}/${f}: file not in ${canonical}`);

  for (const file of canonicalFiles.filter((f) => files.includes(f))) {
    const zh = load(canonical, file);
    const other = load(lang, file);
    for (const key of zh.keys()) if (!other.has(key)) problems.push(`${lang}/${file}: missing key "${key}"`);
    for (const key of other.keys()) if (!zh.has(key)) problems.push(`${lang}/${file}: extra key "${key}" (not in ${canonical})`);
    for (const [key, text] of zh) {
      const otherText = other.get(key);
      if (otherText !== undefined && variables(text) !== variables(otherText)) {
        problems.push(`${lang}/${file}: "${key}" uses {{${variables(otherText)}}} but ${canonical} uses {{${variables(text)}}}`);
      }
    }
  }
}

// Every stable error code needs a user-facing text (the UI shows t(`errors.<code>`)).
const contractsDir = join(root, 'packages/contracts/src');
const errorSources = existsSync(contractsDir) ? readdirSync(contractsDir).filter((f) => /^errors(-[\w-]+)?\.ts$/.test(f)) : [];
const codes = errorSources.flatMap((f) =>
  [...readFileSync(join(contractsDir, f), 'utf8').matchAll(/^\s*'([\w-]+\/[\w-]+)':\s*\{\s*status:/gm)].map((m) => m[1]),
);
for (const lang of [canonical, ...others]) {
  const files = listModules(lang).filter((f) => /^errors(-[\w-]+)?\.json$/.test(f));
  if (files.length === 0) continue;
  const texts = new Set(files.flatMap((f) => [...load(lang, f).keys()]));
  for (const code of codes) if (!texts.has(code)) problems.push(`${lang}/errors*.json: no text for error code "${code}"`);
}

if (problems.length > 0) {
  console.error(`i18n check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const p of [...new Set(problems)]) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`i18n check passed: ${canonicalFiles.length} module files, ${[canonical, ...others].join(' = ')}`);
