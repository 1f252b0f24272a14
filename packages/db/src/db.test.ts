import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDirLock } from './lock.ts';
import { migrations } from './migrate.ts';
import type { Database } from './open.ts';
import { createTestDb } from './testing.ts';

let d: Database;
beforeAll(async () => {
  d = await createTestDb();
});
afterAll(async () => d?.close());

describe('migrations', () => {
  it('load the whole division tree: every province, prefecture and county', async () => {
    const byLevel = await d.db
      .selectFrom('region')
      .select(['level', (e) => e.fn.countAll<number>().as('n')])
      .groupBy('level')
      .orderBy('level')
      .execute();
    const n = Object.fromEntries(byLevel.map((r) => [r.level, Number(r.n)]));
    expect(n[1]).toBe(34);
    expect(n[2]).toBeGreaterThan(330);
    expect(n[3]).toBeGreaterThan(2800);
    const hengyang = await d.db.selectFrom('region').select('name').where('parent_code', '=', '430400').execute();
    expect(hengyang.map((r) => r.name)).toEqual(expect.arrayContaining(['耒阳市', '衡南县', '珠晖区']));
    // counties of a municipality and 省直辖县 hang directly under the province
    expect((await d.db.selectFrom('region').select('parent_code').where('code', '=', '429004').executeTakeFirstOrThrow()).parent_code).toBe(
      '420000',
    );
    expect((await d.db.selectFrom('region').select('parent_code').where('code', '=', '110101').executeTakeFirstOrThrow()).parent_code).toBe(
      '110000',
    );
    // no placeholder rows
    expect(await d.db.selectFrom('region').select('code').where('name', '=', '市辖区').execute()).toEqual([]);
  });

  it('record the applied versions', async () => {
    const rows = await d.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const applied = rows.map((r) => (r as { name: string }).name);
    expect(applied.slice(0, 5)).toEqual(['0001_foundation', '0002_regions', '0003_plans', '0004_enterprises', '0005_plan_execution']);
    expect(applied).toEqual(Object.keys(migrations).sort());
  });
});

describe('data directory lock', () => {
  it('refuses a second process and names the holder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-lock-'));
    // another process takes the lock and waits
    const script = `import { acquireDirLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'lock.ts'))}; acquireDirLock(${JSON.stringify(dir)}); console.log('locked'); setTimeout(() => {}, 60000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (b) => String(b).includes('locked') && resolve());
        child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      expect(() => acquireDirLock(dir)).toThrow(new RegExp(`进程 ${child.pid}`));
    } finally {
      child.kill();
    }
    await new Promise((r) => child.once('exit', r));
    // its holder is gone: the stale lock is taken over
    const release = acquireDirLock(dir);
    const holder = JSON.parse(fs.readFileSync(path.join(dir, 'kechuang.lock'), 'utf8'));
    expect(holder.pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'kechuang.lock'))).toBe(false);
  });
});
