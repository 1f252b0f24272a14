import {
  AppError,
  indicatorFileColumns as H,
  type TImportRowError,
  type TIndicator,
  type TIndicatorImportResult,
  type TIndicatorValueKind,
  ZIndicatorPeriod,
} from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { indicatorCatalog } from '@kechuang/importer';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { loadCatalog } from './catalog.ts';
import { inScope, writeScope } from './indicator.policy.ts';
import { readValuesFile, type TextTable } from './values-file.ts';
import { type NewValue, writeValues } from './write-values.ts';

type Db = Kysely<DB> | Transaction<DB>;
const maxListedErrors = 2000;

/** Accepted header spellings (zh first). */
const aliases: Record<keyof typeof H, string[]> = {
  indicator: [H.indicator, '指标', '指标名称', 'indicator', 'indicator_code'],
  region: [H.region, '行政区划代码', 'region', 'region_code'],
  period: [H.period, '年度', '年份', 'period'],
  kind: [H.kind, '类型(目标/实际/基期)', '类型（目标/实际/基期）', 'kind'],
  value: [H.value, '数值', '值', 'value'],
  note: [H.note, '说明', 'note'],
};
const kindWords: Record<string, TIndicatorValueKind> = {
  目标: 'target',
  目标值: 'target',
  target: 'target',
  实际: 'actual',
  实际值: 'actual',
  完成: 'actual',
  actual: 'actual',
  基期: 'baseline',
  基期值: 'baseline',
  基数: 'baseline',
  baseline: 'baseline',
};

/** code or name → code; a name shared by several indicators maps to null (ambiguous). */
function nameIndex(catalog: TIndicator[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const add = (name: string, code: string) => {
    const k = name.replace(/\s+/g, '').toLowerCase();
    if (!k) return;
    const prev = out.get(k);
    out.set(k, prev === undefined || prev === code ? code : null);
  };
  const codes = new Set(catalog.map((i) => i.code));
  for (const i of catalog) {
    add(i.nameZh, i.code);
    add(i.nameEn, i.code);
  }
  for (const c of indicatorCatalog) if (codes.has(c.code)) for (const n of [c.name, ...c.synonyms]) add(n, c.code);
  for (const i of catalog) out.set(i.code, i.code); // a code is never ambiguous
  return out;
}

interface Plan {
  rows: number;
  errors: TImportRowError[];
  values: NewValue[];
}

async function planImport(db: Db, ctx: Ctx, table: TextTable, scope: string | null, sourceRef: string): Promise<Plan> {
  const errors: TImportRowError[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ sheet: table.sheet, row, column, message });
  const col = {} as Record<keyof typeof H, number>;
  for (const k of Object.keys(H) as Array<keyof typeof H>) {
    col[k] = table.header.findIndex((h) => aliases[k].includes(h) || aliases[k].includes(h.toLowerCase()));
    if (col[k] < 0 && k !== 'note') fail(1, H[k], `缺少必需的列“${H[k]}”`);
  }
  if (errors.length > 0) return { rows: table.rows.length, errors, values: [] };
  const names = nameIndex(await loadCatalog(ctx, db));
  const regionCodes = [...new Set(table.rows.map((r) => r.cells[col.region] ?? '').filter((c) => /^[1-9]\d{5}$/.test(c)))];
  const regions = new Map<string, string | null>();
  for (let i = 0; i < regionCodes.length; i += 5000) {
    const part = regionCodes.slice(i, i + 5000);
    for (const r of await db.selectFrom('region').select(['code', 'valid_to']).where('code', 'in', part).execute())
      regions.set(r.code, r.valid_to);
  }
  const seen = new Map<string, number>();
  const values: NewValue[] = [];
  for (const { row, cells } of table.rows) {
    const text = (k: keyof typeof H) => (col[k] >= 0 ? (cells[col[k]] ?? '') : '');
    let ok = true;
    const bad = (column: string, message: string) => {
      fail(row, column, message);
      ok = false;
    };
    const ind = text('indicator');
    const code = names.get(ind.replace(/\s+/g, '').toLowerCase());
    if (!ind) bad(H.indicator, '不能为空');
    else if (code === undefined) bad(H.indicator, `指标“${ind}”不存在`);
    else if (code === null) bad(H.indicator, `指标名称“${ind}”对应多个指标，请填写指标代码`);
    const region = text('region');
    if (!/^[1-9]\d{5}$/.test(region)) bad(H.region, region ? '行政区划代码应为 6 位数字' : '不能为空');
    else if (!regions.has(region)) bad(H.region, `行政区划代码 ${region} 不存在`);
    else if (regions.get(region)) bad(H.region, `行政区划 ${region} 已撤销，请使用新的区划`);
    else if (!inScope(scope, region)) bad(H.region, `地区 ${region} 不在您的管辖范围内`);
    const period = ZIndicatorPeriod.safeParse(text('period'));
    if (!period.success) bad(H.period, text('period') ? (period.error.issues[0]?.message ?? '期间无效') : '不能为空');
    const kind = kindWords[text('kind').toLowerCase()];
    if (!kind) bad(H.kind, '类型应为“目标”“实际”或“基期”');
    const raw = text('value').replace(/[,，\s]/g, '');
    if (!/^-?\d{1,15}(\.\d{1,8})?$/.test(raw)) bad(H.value, raw ? `“${text('value')}”不是数值（最多 15 位整数、8 位小数）` : '不能为空');
    const note = text('note');
    if (note.length > 500) bad(H.note, '备注不能超过 500 字');
    if (!ok || !code || !period.success || !kind) continue;
    const key = `${code}|${region}|${period.data}|${kind}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(row, '', `与第 ${first} 行重复（同一指标、地区、期间和类型）`);
      continue;
    }
    seen.set(key, row);
    values.push({
      indicatorCode: code,
      regionCode: region,
      period: period.data,
      kind,
      value: raw,
      source: 'file',
      sourceRef,
      note: note || null,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: table.rows.length, errors, values };
}

function listed(errors: TImportRowError[]): TImportRowError[] {
  if (errors.length <= maxListedErrors) return errors;
  const sheet = errors[0]?.sheet ?? '';
  return [
    ...errors.slice(0, maxListedErrors),
    { sheet, row: 0, column: '', message: `另有 ${errors.length - maxListedErrors} 处错误未列出` },
  ];
}

/**
 * Imports indicator values from .xlsx / .csv (columns 指标代码, 地区代码, 期间, 类型, 数值, 备注; an
 * indicator's name is accepted instead of its code when it names one indicator only). Every row is
 * checked first; the file is applied all or nothing in one transaction with one audit row carrying the
 * counts (the rows go in set-based batches, not one audit row each). Regions must lie in the writer's
 * subtree (`scope`, narrowed by regionScope; the console may import anywhere unless it names a scope).
 * A dry run returns the counts the file would produce and every row error.
 */
export async function importValues(
  ctx: Ctx,
  input: { bytes: Uint8Array; dryRun: boolean; filename?: string | undefined; regionScope?: string | undefined },
): Promise<TIndicatorImportResult> {
  const scope = writeScope(ctx, input.regionScope ?? null);
  const table = await readValuesFile(input.bytes, input.filename);
  const sourceRef = (input.filename ?? '导入文件').slice(0, 200);
  const who = { userId: ctx.actor?.userId ?? null, via: ctx.actor?.username ?? ctx.via ?? null, now: ctx.now() };
  if (input.dryRun) {
    // counts by writing inside a transaction that is always rolled back
    const plan = await planImport(ctx.db, ctx, table, scope, sourceRef);
    if (plan.errors.length > 0)
      return { dryRun: true, applied: false, rows: plan.rows, created: 0, corrected: 0, unchanged: 0, errors: listed(plan.errors) };
    const rollback = new Error('dry run');
    let counts = { created: 0, corrected: 0, unchanged: 0 };
    await ctx.db
      .transaction()
      .execute(async (tx) => {
        counts = await writeValues(tx, plan.values, who);
        throw rollback;
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      });
    return { dryRun: true, applied: false, rows: plan.rows, ...counts, errors: [] };
  }
  return withAudit(ctx, async (tx, record) => {
    const plan = await planImport(tx, ctx, table, scope, sourceRef);
    if (plan.errors.length > 0) throw new AppError('indicator/import_rows_invalid', { rowErrors: listed(plan.errors) });
    const counts = await writeValues(tx, plan.values, who);
    record({
      action: 'indicator.import',
      entityType: 'indicator_value',
      entityId: null,
      regionCode: scope,
      after: { file: sourceRef, rows: plan.rows, ...counts },
    });
    return { dryRun: false, applied: true, rows: plan.rows, ...counts, errors: [] };
  });
}
