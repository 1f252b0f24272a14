import { loadDemo } from '@kechuang/core';
import { openDb } from '@kechuang/db';
import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { startControlSocket } from './control.ts';
import { printDemoAccounts } from './demo.ts';
import { fileStoreFor } from './files.ts';
import { listenPlan } from './listen.ts';
import { startScheduler } from './scheduler.ts';
import { consoleCtx, dataDirOf, describeDb } from './shared.ts';

export function serveCommand() {
  return new Command('serve')
    .description('启动服务（网页与接口）')
    .option('--port <port>', '端口', process.env.PORT ?? '8080')
    .option('--host <host>', '监听地址（默认仅本机；对外服务请置于 TLS 反向代理之后）', process.env.HOST ?? '127.0.0.1')
    .option('--demo', '首次启动时载入演示数据并打印演示账号')
    .option('--demo-password <pw>', '演示账号统一密码（默认随机）', process.env.KECHUANG_DEMO_PASSWORD)
    .option(
      '--trust-proxy <hops|addresses>',
      '位于反向代理之后：信任的代理层数（如 1）或代理地址（如 127.0.0.1,10.0.0.0/8），据此从 X-Forwarded-For 取来源地址',
      process.env.KECHUANG_TRUST_PROXY,
    )
    .option('--tls-cert <file>', 'TLS 证书（PEM），与 --tls-key 一起直接以 HTTPS 服务', process.env.KECHUANG_TLS_CERT)
    .option('--tls-key <file>', 'TLS 私钥（PEM）', process.env.KECHUANG_TLS_KEY)
    .option('--allow-plain-http', '允许在非本机地址上以明文 HTTP 服务（不建议）')
    .option('--quiet', '不输出请求日志（默认即不输出）')
    .option('--verbose', '输出每个请求的日志')
    .option('--no-scheduler', '不在本进程运行定时任务（到期提醒）')
    .action(
      async (
        opts: {
          port: string;
          host: string;
          demo?: boolean;
          demoPassword?: string;
          trustProxy?: string;
          tlsCert?: string;
          tlsKey?: string;
          allowPlainHttp?: boolean;
          quiet?: boolean;
          verbose?: boolean;
          scheduler: boolean;
        },
        cmd: Command,
      ) => {
        const listen = listenPlan(opts);
        const step = (s: string) => console.log(`· ${s}…`);
        step('打开数据库并应用迁移（首次启动时载入全国行政区划，稍候）');
        // DATABASE_READ_URL: a streaming replica for the read-heavy pages (docs/decisions/0014-read-replica.md)
        const database = await openDb({
          databaseUrl: process.env.DATABASE_URL,
          readUrl: process.env.DATABASE_URL ? process.env.DATABASE_READ_URL || undefined : undefined,
          ...(Number(process.env.KECHUANG_REPLICA_WAIT_MS) > 0 ? { replicaWaitMs: Number(process.env.KECHUANG_REPLICA_WAIT_MS) } : {}),
          dataDir: dataDirOf(cmd),
        });
        let accounts: Awaited<ReturnType<typeof loadDemo>> = null;
        if (opts.demo) {
          accounts = await loadDemo(consoleCtx(database), {
            ...(opts.demoPassword ? { password: opts.demoPassword } : {}),
            onProgress: (s) => step(`载入${s}`),
          });
          if (!accounts)
            console.log(
              '演示数据已载入过，演示账号不变。忘记密码时，先停止服务再运行：npx kechuang user reset-password --username planner --password <新密码> --no-must-change',
            );
        }
        step('启动网页与接口服务');
        const files = fileStoreFor(cmd);
        const app = await buildApp({
          database,
          // request logs only when asked for: the demo accounts must not scroll away under them
          logger: Boolean(opts.verbose) && !opts.quiet,
          trustProxy: listen.trustProxy,
          ...(listen.https ? { https: listen.https } : {}),
          files,
        });
        const scheduler = opts.scheduler ? startScheduler(database, (m) => console.error(m)) : null;
        // the operator's channel for an online backup of the embedded database (`kechuang backup FILE`)
        const stopControl = startControlSocket(database, files);
        const stop = async () => {
          await scheduler?.stop();
          await stopControl?.();
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await app.listen({ port: Number(opts.port), host: opts.host });
        if (accounts) printDemoAccounts(accounts);
        console.log(
          `科创已启动：http://localhost:${opts.port}  （${describeDb(database)}${database.readDb ? ' + 只读副本（DATABASE_READ_URL）' : ''}；接口文档 /api/docs）`,
        );
      },
    );
}
