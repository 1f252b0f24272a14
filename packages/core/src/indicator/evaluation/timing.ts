// A rough timing check, not a test: `npx tsx packages/core/src/indicator/evaluation/timing.ts`.
// Target: evaluate() over 2,900 regions × 30 indicators well under 100 ms; sensitivity (200 samples) a few seconds.
import type { TEvaluationInput, TEvaluationScheme, TNormalisation, TSchemeIndicator } from '@kechuang/contracts';
import { evaluate } from './evaluate.ts';
import { mulberry32 } from './prng.ts';
import { sensitivity } from './sensitivity.ts';

const rng = mulberry32(2026);
const methods: TNormalisation[] = [{ method: 'minmax' }, { method: 'standard', standard: 50, cap: 100 }, { method: 'target' }];
const groups = Array.from({ length: 5 }, (_, g) => ({
  kind: 'group' as const,
  key: `G${g}`,
  name: `一级指标${g}`,
  weight: 1 + g,
  children: Array.from(
    { length: 6 },
    (_, i): TSchemeIndicator => ({
      kind: 'indicator',
      code: `I${g}_${i}`,
      weight: 1 + (i % 3),
      polarity: i === 5 ? 'negative' : 'positive',
      normalisation: methods[(g + i) % methods.length]!,
    }),
  ),
}));
const codes = groups.flatMap((g) => g.children.map((c) => c.code));
const regions = Array.from({ length: 2900 }, (_, i) => ({ code: String(110000 + i), name: `地区${i}` }));
const values: TEvaluationInput['values'] = {};
const targets: NonNullable<TEvaluationInput['targets']> = {};
for (const r of regions) {
  values[r.code] = Object.fromEntries(codes.map((c) => [c, rng() < 0.03 ? null : Math.round(rng() * 10000) / 100]));
  targets[r.code] = Object.fromEntries(codes.map((c) => [c, 50]));
}
// Through JSON, as the API would deliver it.
const input: TEvaluationInput = JSON.parse(JSON.stringify({ regions, values, targets }));

for (const missing of ['zero', 'mean', 'reweight'] as const) {
  const scheme: TEvaluationScheme = { groups, aggregation: 'arithmetic', missing, tiers: [{ name: '第一梯队', minScore: 60 }] };
  evaluate(scheme, input); // warm-up
  evaluate(scheme, input);
  const runs = 10;
  // CPU time as well as wall time: on a busy machine the wall clock mostly measures the other processes.
  let c = process.cpuUsage();
  let t = performance.now();
  for (let i = 0; i < runs; i++) evaluate(scheme, input);
  const ms = (performance.now() - t) / runs;
  let u = process.cpuUsage(c);
  const cpu = (u.user + u.system) / 1000 / runs;
  c = process.cpuUsage();
  t = performance.now();
  sensitivity(scheme, input, { perturbation: 0.2, samples: 200, seed: 1 });
  const sms = performance.now() - t;
  u = process.cpuUsage(c);
  console.log(
    `${missing}: evaluate ${ms.toFixed(1)} ms wall / ${cpu.toFixed(1)} ms cpu (2900 × 30); ` +
      `sensitivity 200 samples ${sms.toFixed(0)} ms wall / ${((u.user + u.system) / 1000).toFixed(0)} ms cpu`,
  );
}
