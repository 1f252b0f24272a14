import { loadDemo } from '@kechuang/core';
import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { printDemoAccounts } from './demo.ts';
import { fileStoreFor } from './files.ts';
import { startScheduler } from './scheduler.ts';
import { consoleCtx, describeDb, openFromEnv } from './shared.ts';

export function serveCommand() {
  return new Command('serve')
    .description('启动服务（网页与接口）')
    .option('--port <port>', '端口', process.env.PORT ?? '8080')
    .option('--host <host>', '监听地址', process.env.HOST ?? '0.0.0.0')
    .option('--demo', '首次启动时载入演示数据并打印演示账号')
    .option('--demo-password <pw>', '演示账号统一密码（默认随机）', process.env.KECHUANG_DEMO_PASSWORD)
    .option('--trust-proxy', '位于反向代理之后（使用 X-Forwarded-For 记录来源地址）')
    .option('--quiet', '不输出请求日志')
    .option('--no-scheduler', '不在本进程运行定时任务（到期提醒）')
    .action(
      async (
        opts: {
          port: string;
          host: string;
          demo?: boolean;
          demoPassword?: string;
          trustProxy?: boolean;
          quiet?: boolean;
          scheduler: boolean;
        },
        cmd: Command,
      ) => {
        const database = await openFromEnv(cmd);
        if (opts.demo) {
          const accounts = await loadDemo(consoleCtx(database), opts.demoPassword ? { password: opts.demoPassword } : {});
          if (accounts) printDemoAccounts(accounts);
          else
            console.log(
              '演示数据已载入过，演示账号不变。忘记密码时，先停止服务再运行：npx kechuang user reset-password --username planner --password <新密码> --no-must-change',
            );
        }
        const app = await buildApp({
          database,
          logger: !opts.quiet,
          trustProxy: Boolean(opts.trustProxy),
          files: fileStoreFor(cmd),
        });
        const scheduler = opts.scheduler ? startScheduler(database, (m) => console.error(m)) : null;
        const stop = async () => {
          await scheduler?.stop();
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await app.listen({ port: Number(opts.port), host: opts.host });
        console.log(`科创已启动：http://localhost:${opts.port}  （${describeDb(database)}；接口文档 /api/docs）`);
      },
    );
}
