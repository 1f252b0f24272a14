/**
 * Importer benchmark: target precision / recall / F1 and section-tree accuracy against the hand-written answer keys
 * (the five seeds, then plans the extractor was not developed on), and extraction throughput beside @node-rs/jieba
 * segmenting the same text in the same run. Prints figures only.
 *   npx tsx bench/extract.ts
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { extractPlan, readDocument } from '../packages/importer/src/index.ts';
import { createRegionResolver } from '../packages/importer/src/region-resolver.ts';
import { loadGoldens, seedsDir } from '../packages/importer/test/fixtures.ts';
import { type GoldSection, type GoldTarget, scoreSections, scoreTargets } from '../packages/importer/test/score.ts';
import { loadUnseen, specSections, specTargets } from '../packages/importer/test/unseen.ts';

type Case = { name: string; text: string; targets: GoldTarget[]; sections: GoldSection[] };

const resolveRegion = createRegionResolver();
const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);

function report(title: string, cases: Case[]): void {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let secMatched = 0;
  let secDenom = 0;
  console.log(`\n${title}`);
  console.log(`${'document'.padEnd(34)}targets      P       R      F1  sections`);
  for (const c of cases) {
    const draft = extractPlan(c.text, { resolveRegion });
    const t = scoreTargets(c.targets, draft.targets);
    const s = scoreSections(c.sections, draft.sections);
    gold += t.gold;
    predicted += t.predicted;
    matched += t.matched;
    secMatched += s.matched;
    secDenom += Math.max(s.gold, s.predicted);
    console.log(
      `${c.name.padEnd(34)}${`${t.matched}/${t.gold}`.padStart(7)}${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${pct(s.accuracy)}`,
    );
    for (const m of t.missed) console.log(`    missed: ${m.quote}`);
    for (const e of t.extra) console.log(`    extra:  ${e.quote}`);
    for (const d of s.diff) console.log(`    section ${d}`);
  }
  const precision = predicted ? matched / predicted : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const acc = secDenom ? secMatched / secDenom : 0;
  console.log(`${'TOTAL'.padEnd(34)}${`${matched}/${gold}`.padStart(7)}${pct(precision)} ${pct(recall)} ${pct(f1)} ${pct(acc)}`);
}

/**
 * MB/s of UTF-8 text through each function. The two alternate round by round for about two seconds, so a busy machine
 * slows both alike and the ratio stays fair.
 */
function rates(texts: string[], fns: ((t: string) => unknown)[]): number[] {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  for (const fn of fns) for (const t of texts) fn(t);
  const spent = fns.map(() => 0);
  let rounds = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    fns.forEach((fn, i) => {
      const s = performance.now();
      for (const t of texts) fn(t);
      spent[i] = (spent[i] ?? 0) + performance.now() - s;
    });
    rounds++;
  }
  return spent.map((ms) => (rounds * bytes) / 1024 / 1024 / (ms / 1000));
}

async function main() {
  const seeds: Case[] = [];
  for (const { golden, bytes, name } of loadGoldens()) {
    seeds.push({ name, text: await readDocument(bytes, name), targets: golden.targets, sections: golden.sections });
  }
  const unseen: Case[] = [];
  for (const { name, bytes, spec } of loadUnseen()) {
    const text = await readDocument(bytes, name);
    unseen.push({ name, text, targets: specTargets(text, spec), sections: specSections(spec.sections) });
  }
  if (seeds.length) report('seed documents', seeds);
  else console.log(`没有找到种子文档目录：${seedsDir}（可用 KECHUANG_SEEDS 指定）`);
  report('unseen documents (packages/importer/test/unseen)', unseen);

  const texts = [...seeds, ...unseen].map((c) => c.text);
  const jieba = Jieba.withDict(dict);
  const [ours = 0, theirs = 1] = rates(texts, [(t) => extractPlan(t, { resolveRegion }), (t) => jieba.cut(t, false)]);
  console.log(
    `\nthroughput: extractPlan ${ours.toFixed(2)} MB/s, jieba.cut ${theirs.toFixed(2)} MB/s, ratio ${(ours / theirs).toFixed(2)} (goal >= 0.20)`,
  );
}

await main();
