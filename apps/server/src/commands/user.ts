import { ZOrgKind, ZRegionCode, ZRole, ZUsername } from '@kechuang/contracts';
import { addUserFromConsole, setPasswordFromConsole } from '@kechuang/core';
import { Command } from 'commander';
import { z } from 'zod';
import { consoleCtx, openFromEnv } from './shared.ts';

function parseOrExit<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${what}无效：${r.error.issues.map((i) => i.message).join('；')}`);
  return r.data;
}

export function userAddCommand() {
  return new Command('add')
    .description('新建账号（首个管理员由此创建）')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--org <name>', '所属单位名称（不存在时自动创建）')
    .requiredOption('--region <code>', '单位所在行政区划代码，如 430400')
    .option('--name <displayName>', '姓名', '系统管理员')
    .option('--role <roles>', '角色，逗号分隔：admin,planner,reporter,expert,enterprise,viewer', 'admin')
    .option('--org-kind <kind>', '单位类型：bureau,department,government,park,enterprise,institute,agency', 'bureau')
    .option('--password <pw>', '初始密码（也可用环境变量 KECHUANG_PASSWORD）', process.env.KECHUANG_PASSWORD)
    .option('--no-must-change', '首次登录不要求修改密码')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const input = {
        username: parseOrExit(ZUsername, o.username, '用户名'),
        displayName: String(o.name),
        password: parseOrExit(z.string().min(1, '请用 --password 或 KECHUANG_PASSWORD 提供初始密码'), o.password ?? '', '密码'),
        roles: parseOrExit(z.array(ZRole).min(1), String(o.role).split(','), '角色'),
        orgName: String(o.org),
        orgKind: parseOrExit(ZOrgKind, o.orgKind, '单位类型'),
        regionCode: parseOrExit(ZRegionCode, o.region, '行政区划代码'),
        mustChangePassword: o.mustChange !== false,
      };
      const database = await openFromEnv(cmd);
      try {
        const id = await addUserFromConsole(consoleCtx(database), input);
        console.log(`已创建账号 ${input.username}（id ${id}，角色 ${input.roles.join(',')}）`);
      } finally {
        await database.close();
      }
    });
}

export function userResetPasswordCommand() {
  return new Command('reset-password')
    .description('重置账号密码并结束其所有会话')
    .requiredOption('--username <name>', '用户名')
    .option('--password <pw>', '新密码（也可用环境变量 KECHUANG_PASSWORD）', process.env.KECHUANG_PASSWORD)
    .option('--no-must-change', '登录后不要求修改密码')
    .action(async (o: { username: string; password?: string; mustChange: boolean }, cmd: Command) => {
      if (!o.password) throw new Error('请用 --password 或 KECHUANG_PASSWORD 提供新密码');
      const database = await openFromEnv(cmd);
      try {
        await setPasswordFromConsole(consoleCtx(database), o.username, o.password, o.mustChange);
        console.log(`已重置 ${o.username} 的密码`);
      } finally {
        await database.close();
      }
    });
}
