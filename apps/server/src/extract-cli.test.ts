import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-testing.ts';

const seed = path.resolve(import.meta.dirname, '../../../../shared/seeds/001_5d503257357a60f2.txt');

describe('kechuang extract', () => {
  it('prints the draft as JSON with offsets into the text that --text prints', async () => {
    const json = await runCli(['extract', seed, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const draft = JSON.parse(json.stdout);
    expect(draft.docNumber).toBe('长政办发〔2021〕11号');
    expect(draft.region).toMatchObject({ name: '长沙市', code: '430100' });
    expect(draft.year).toBe(2021);
    const text = (await runCli(['extract', seed, '--text'])).stdout;
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
