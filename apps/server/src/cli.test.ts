import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '@kechuang/db';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, runCli } from './cli-testing.ts';

const usePg = Boolean(process.env.DATABASE_URL);

/** The embedded database in a temp directory, or a fresh PostgreSQL database when DATABASE_URL is set. */
async function target() {
  if (usePg) {
    const db = await freshPgDatabase('kc_cli');
    return {
      args: [] as string[],
      env: { DATABASE_URL: db.url },
      open: () => openDb({ databaseUrl: db.url, migrate: false }),
      drop: db.drop,
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cli-'));
  return { args: ['--data', dir], env: { DATABASE_URL: '' }, open: () => openDb({ dataDir: dir, migrate: false }), drop: async () => {} };
}

describe('kechuang CLI', () => {
  it('migrates, adds the first admin who must change the password, and resets a password', async () => {
    const t = await target();
    try {
      const m = await runCli([...t.args, 'migrate'], t.env);
      expect(m.code, m.stderr).toBe(0);
      expect(m.stdout).toContain('0002_regions');
      const add = await runCli(
        [...t.args, 'user', 'add', '--username', 'root', '--org', '衡阳市科学技术局', '--region', '430400', '--password', 'FirstAdmin2026'],
        t.env,
      );
      expect(add.code, add.stderr).toBe(0);
      const dup = await runCli(
        [...t.args, 'user', 'add', '--username', 'root', '--org', '衡阳市科学技术局', '--region', '430400', '--password', 'FirstAdmin2026'],
        t.env,
      );
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(/^错误：/);
      const weak = await runCli(
        [...t.args, 'user', 'add', '--username', 'weak', '--org', 'x局', '--region', '430400', '--password', '123'],
        t.env,
      );
      expect(weak.code).toBe(1);
      const reset = await runCli([...t.args, 'user', 'reset-password', '--username', 'root', '--password', 'Second2026pw'], t.env);
      expect(reset.code, reset.stderr).toBe(0);
      const db = await t.open();
      try {
        const u = await db.db.selectFrom('app_user').select(['username', 'roles', 'must_change_password']).execute();
        expect(u).toEqual([{ username: 'root', roles: ['admin'], must_change_password: true }]);
        const audit = await db.db.selectFrom('audit_log').select(['action', 'actor_username']).orderBy('id').execute();
        expect(audit.map((a) => a.action)).toEqual(['org.create', 'user.create', 'user.reset_password']);
        expect(audit[0]?.actor_username).toMatch(/^cli:/);
        // no demo accounts in an install made this way
        expect(await db.db.selectFrom('setting').selectAll().execute()).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await t.drop();
    }
    // five CLI processes, each starting the embedded database: slow on a loaded 2-core machine
  }, 180_000);
});
