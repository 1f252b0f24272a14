import { migrateToLatest } from '@kechuang/db';
import { Command } from 'commander';
import { describeDb, openFromEnv } from './shared.ts';

export function migrateCommand() {
  return new Command('migrate').description('执行数据库迁移（启动服务时也会自动执行）').action(async (_o, cmd: Command) => {
    const database = await openFromEnv(cmd, { migrate: false });
    try {
      const applied = await migrateToLatest(database.db);
      console.log(
        applied.length ? `已执行迁移：${applied.join(', ')}（${describeDb(database)}）` : `数据库已是最新（${describeDb(database)}）`,
      );
    } finally {
      await database.close();
    }
  });
}
