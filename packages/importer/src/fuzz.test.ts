import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../test/builders.ts';
import { loadGoldens } from '../test/fixtures.ts';
import { loadUnseen } from '../test/unseen.ts';
import { ZPlanDraft } from './draft.ts';
import { ImportError } from './errors.ts';
import { extractPlan } from './extract-plan.ts';
import { readDocument } from './read-document.ts';

/** mulberry32: a small seeded PRNG so a failure replays exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const b = Buffer.from(src);
  const int = (n: number) => Math.floor(rnd() * n);
  switch (int(4)) {
    case 0: // flip bytes
      for (let i = 0, n = 1 + int(20); i < n; i++) b[int(b.length)] = int(256);
      return b;
    case 1: // truncate
      return b.subarray(0, int(b.length));
    case 2: {
      // splice a random chunk elsewhere
      const from = int(b.length);
      const chunk = b.subarray(from, from + int(200));
      const at = int(b.length);
      return Buffer.concat([b.subarray(0, at), chunk, b.subarray(at)]);
    }
    default: {
      // insert garbage
      const at = int(b.length);
      const junk = Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256)));
      return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
    }
  }
}

describe('fuzz: mutated documents give a draft or an ImportError', () => {
  const seedText = loadGoldens()[0]?.bytes ?? loadUnseen()[0]!.bytes;
  const lines = seedText.toString('utf8').split('\n').slice(0, 40);
  const inputs: [string, Uint8Array][] = [
    ['seed.txt', seedText],
    ['seed.docx', makeDocx(lines)],
    ['seed.pdf', makePdf(['Plan 2022', 'Target 35 percent'])],
    ['page.html', Buffer.from(`<html><body><div class="content">${lines.map((l) => `<p>${l}</p>`).join('')}</div></body></html>`)],
  ];

  it('survives 200 mutations', { timeout: 30_000 }, async () => {
    const rnd = prng(20_260_322);
    const started = Date.now();
    const outcomes = { draft: 0, error: 0 };
    for (let i = 0; i < 200 && Date.now() - started < 20_000; i++) {
      const [name, bytes] = inputs[i % inputs.length]!;
      const input = mutate(bytes, rnd);
      try {
        const draft = extractPlan(await readDocument(input, name));
        ZPlanDraft.parse(draft);
        outcomes.draft++;
      } catch (e) {
        expect(e, `${name} #${i}`).toBeInstanceOf(ImportError);
        outcomes.error++;
      }
    }
    expect(outcomes.draft + outcomes.error).toBeGreaterThan(50);
  });
});
