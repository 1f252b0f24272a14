import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '@kechuang/db';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, runCli } from './cli-testing.ts';

const usePg = Boolean(process.env.DATABASE_URL);

describe('kechuang indicators import', () => {
  it('imports a file all or nothing, within --region-scope, as the console', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-ind-'));
    const pg = usePg ? await freshPgDatabase('kc_ind') : null;
    const args = pg ? [] : ['--data', path.join(dir, 'data')];
    const env = { DATABASE_URL: pg?.url ?? '' };
    try {
      const file = path.join(dir, 'values.csv');
      const rows = ['指标代码,地区代码,期间,类型,数值,备注', 'rd_expenditure,430422,2025,实际,34000,', 'gdp,430422,2025,实际,2500000,'];
      fs.writeFileSync(file, `${[...rows, 'gdp,420102,2025,实际,1,'].join('\n')}\n`);
      const refused = await runCli([...args, 'indicators', 'import', file, '--region-scope', '430400'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('第 4 行「地区代码」：地区 420102 不在您的管辖范围内');
      expect(refused.stderr).toMatch(/错误：文件有 1 处错误，未导入任何数据/);

      fs.writeFileSync(file, `${rows.join('\n')}\n`);
      const dry = await runCli([...args, 'indicators', 'import', file, '--dry-run'], env);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('校验通过（未写入）。读取 2 行：新增 2');
      const ok = await runCli([...args, 'indicators', 'import', file, '--region-scope', '430400'], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('已导入。读取 2 行：新增 2，更正 0（保留历史版本），未变 0');

      const database = await openDb(pg ? { databaseUrl: pg.url, migrate: false } : { dataDir: path.join(dir, 'data'), migrate: false });
      try {
        const values = await database.db
          .selectFrom('indicator_value')
          .select(['indicator_code', 'value', 'source', 'source_ref', 'recorded_via'])
          .orderBy('id')
          .execute();
        expect(values.map((v) => [v.indicator_code, Number(v.value), v.source, v.source_ref])).toEqual([
          ['rd_expenditure', 34000, 'file', 'values.csv'],
          ['gdp', 2500000, 'file', 'values.csv'],
        ]);
        expect(values[0]?.recorded_via).toMatch(/^cli:/);
        const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_username', 'after']).execute();
        expect(audit).toEqual([expect.objectContaining({ action: 'indicator.import', actor_username: expect.stringMatching(/^cli:/) })]);
      } finally {
        await database.close();
      }
    } finally {
      await pg?.drop();
    }
  }, 120_000);
});
