import fs from 'node:fs';
import path from 'node:path';
import { errorCatalog, isAppError, type TImportRowError, ZRegionCode } from '@kechuang/contracts';
import { importValues } from '@kechuang/core';
import { Command } from 'commander';
import { consoleCtx, openFromEnv } from './shared.ts';

function printRowErrors(errors: TImportRowError[]) {
  for (const e of errors) process.stderr.write(`  ${e.sheet} 第 ${e.row} 行${e.column ? `「${e.column}」` : ''}：${e.message}\n`);
}

/** `kechuang indicators import FILE`: the same all-or-nothing import as the API upload, acting as the console. */
export function indicatorsImportCommand() {
  return new Command('import')
    .description('导入指标数值（.xlsx 或 UTF-8 .csv；列：指标代码、地区代码、期间、类型、数值、备注），全部通过才写入')
    .argument('<file>', '数据文件')
    .option('--region-scope <code>', '只允许该地区及下级的数据（行政区划代码，如 430400）')
    .option('--dry-run', '只校验并统计，不写入')
    .action(async (file: string, o: { regionScope?: string; dryRun?: boolean }, cmd: Command) => {
      if (o.regionScope !== undefined && !ZRegionCode.safeParse(o.regionScope).success)
        throw new Error('--region-scope 应为 6 位行政区划代码');
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(fs.readFileSync(file));
      } catch {
        throw new Error(`无法读取文件 ${file}`);
      }
      const database = await openFromEnv(cmd);
      try {
        const r = await importValues(consoleCtx(database), {
          bytes,
          dryRun: Boolean(o.dryRun),
          filename: path.basename(file),
          ...(o.regionScope ? { regionScope: o.regionScope } : {}),
        });
        if (r.errors.length > 0) {
          printRowErrors(r.errors);
          throw new Error(`文件有 ${r.errors.length} 处错误，未导入任何数据`);
        }
        const what = `读取 ${r.rows} 行：新增 ${r.created}，更正 ${r.corrected}（保留历史版本），未变 ${r.unchanged}`;
        console.log(r.applied ? `已导入。${what}` : `校验通过（未写入）。${what}`);
      } catch (e) {
        if (!isAppError(e)) throw e;
        const rows = (e.details?.rowErrors as TImportRowError[] | undefined) ?? [];
        printRowErrors(rows);
        throw new Error(rows.length ? `文件有 ${rows.length} 处错误，未导入任何数据` : errorCatalog[e.code].zh);
      } finally {
        await database.close();
      }
    });
}

export function indicatorsCommand() {
  const cmd = new Command('indicators').description('指标数据');
  cmd.addCommand(indicatorsImportCommand());
  return cmd;
}
