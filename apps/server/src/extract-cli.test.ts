import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-testing.ts';

// A plan from the importer's own corpus: the repository holds it, so a fresh clone runs this test.
const plan = path.resolve(import.meta.dirname, '../../../packages/importer/test/corpus/baoji-2024-plan.txt');

describe('kechuang extract', () => {
  it('prints the draft as JSON with offsets into the text that --text prints', async () => {
    const json = await runCli(['extract', plan, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const draft = JSON.parse(json.stdout);
    expect(draft.docNumber).toBe('宝市科发〔2024〕6号');
    expect(draft.region).toMatchObject({ name: '宝鸡市', code: '610300' });
    expect(draft.year).toBe(2024);
    const text = (await runCli(['extract', plan, '--text'])).stdout;
    const t = draft.targets.find((x: { normalized: { unit: string } }) => x.normalized.unit === '万元');
    expect(t).toBeDefined();
    expect(text.slice(t.start, t.end)).toBe(t.quote);
  });

  it('exits non-zero with a one-line zh-CN reason on bad input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-extract-'));
    const corrupt = path.join(dir, 'plan.docx');
    fs.writeFileSync(corrupt, 'PK\u0003\u0004 not really a zip');
    for (const file of [corrupt, path.join(dir, 'missing.txt')]) {
      const r = await runCli(['extract', file, '--json']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^错误：.*[\u4e00-\u9fff]/);
    }
  });
});
