import { Command } from 'commander';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { demoCommand } from './commands/demo.ts';
import { extractCommand } from './commands/extract.ts';
import { genOpenapiCommand } from './commands/gen-openapi.ts';
import { indicatorsCommand } from './commands/indicators.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { userAddCommand, userResetPasswordCommand } from './commands/user.ts';
import { version } from './version.ts';

const program = new Command('kechuang')
  .description('科创 — 科技局年度工作平台')
  .version(version)
  .option('--data <dir>', '嵌入式数据库目录（未设置 DATABASE_URL 时使用）', process.env.KECHUANG_DATA ?? 'data');

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(demoCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(genOpenapiCommand());
program.addCommand(extractCommand());
program.addCommand(indicatorsCommand());
const user = new Command('user').description('账号管理');
user.addCommand(userAddCommand());
user.addCommand(userResetPasswordCommand());
program.addCommand(user);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // One line in zh-CN for the operator; the stack only when asked for.
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`错误：${msg}\n`);
  if (process.env.KECHUANG_DEBUG) console.error(e);
  process.exit(1);
}
