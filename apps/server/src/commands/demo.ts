import { type DemoAccount, loadDemo } from '@kechuang/core';
import { Command } from 'commander';
import { consoleCtx, openFromEnv } from './shared.ts';

export function printDemoAccounts(accounts: DemoAccount[]) {
  console.log('\n演示数据已载入。演示账号（仅演示模式存在，密码只显示这一次）：');
  for (const a of accounts) console.log(`  ${a.username.padEnd(18)} ${a.password}   ${a.note}`);
  console.log('');
}

export function demoCommand() {
  return new Command('demo')
    .description('载入演示数据（单位与演示账号）')
    .option('--password <pw>', '所有演示账号使用同一密码（默认随机生成）', process.env.KECHUANG_DEMO_PASSWORD)
    .action(async (opts: { password?: string }, cmd: Command) => {
      const database = await openFromEnv(cmd);
      try {
        const accounts = await loadDemo(consoleCtx(database), opts.password ? { password: opts.password } : {});
        if (accounts) printDemoAccounts(accounts);
        else console.log('演示数据已存在，未重复载入。');
      } finally {
        await database.close();
      }
    });
}
