/**
 * Prints target precision / recall / F1 (value, unit and kind must agree) and section-tree accuracy for every corpus
 * document, then the total.   npm run score:importer   (-v lists the misses and extras)
 */
import { readFloor, scoreCorpus } from './corpus.ts';

const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);

const { rows, total } = await scoreCorpus();
console.log(`${'document'.padEnd(32)}${'kind'.padEnd(9)}targets      P       R      F1  sections`);
for (const r of rows) {
  const t = r.targets;
  console.log(
    `${r.name.padEnd(32)}${r.kind.padEnd(9)}${`${t.matched}/${t.gold}`.padStart(7)}${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${pct(r.sections.accuracy)}`,
  );
  if (!verbose) continue;
  for (const m of t.missed) console.log(`    missed: ${m.quote} = ${m.value}${m.unit} ${m.kind}`);
  for (const e of t.extra) console.log(`    extra:  ${e.quote} = ${e.value}${e.unit} ${e.kind}`);
  for (const d of r.sections.diff) console.log(`    section ${d}`);
}
console.log(
  `${'TOTAL'.padEnd(41)}${`${total.matched}/${total.gold}`.padStart(7)}${pct(total.precision)} ${pct(total.recall)} ${pct(total.f1)} ${pct(total.sections)}`,
);
const floor = readFloor();
console.log(`floor (test/corpus/floor.json): targets F1 ${pct(floor.targetsF1)}, sections ${pct(floor.sections)}`);
