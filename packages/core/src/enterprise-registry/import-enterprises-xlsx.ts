import {
  AppError,
  enterpriseSheetNames,
  enterpriseTransferLimits,
  type TEnterpriseImportResult,
  type TEnterpriseYear,
  type TImportRowError,
  ZEnterpriseCreate,
  ZEnterpriseYear,
} from '@kechuang/contracts';
import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';
import type ExcelJS from 'exceljs';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope, requireRole } from '../policy.ts';
import { type IncidentRow, type IpRow, parseIncidentSheet, parseIpSheet } from './enterprise-records-xlsx.ts';
import { enterpriseConstraintError } from './enterprise-registry.repository.ts';
import { type EnterpriseColumn, enterpriseColumns, enterpriseReadOnly, wanToFen, yearHead, yearMoney, yearRd } from './enterprise-xlsx.ts';
import { refreshLadder } from './ladder-tally.ts';
import { cellText, openBook, readSheet } from './xlsx-workbook.ts';

type Db = Kysely<DB> | Transaction<DB>;

const maxListedErrors = 2000;
const chunk = 500;

function chunks<T>(list: T[], size = chunk): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

interface EnterpriseRowPlan {
  row: number;
  uscc: string;
  /** only the columns the file carries */
  fields: Partial<Record<'name' | 'region_code' | 'industry_code' | 'registered_on' | 'contact' | 'phone', string | null>>;
}

interface Existing {
  id: number;
  uscc: string;
  name: string;
  region_code: string;
  industry_code: string | null;
  registered_on: string | null;
  contact: string | null;
  phone: string | null;
}

interface Plan {
  errors: TImportRowError[];
  creates: EnterpriseRowPlan[];
  updates: Array<{ plan: EnterpriseRowPlan; existing: Existing }>;
  unchanged: number;
  years: Array<{ uscc: string; data: TEnterpriseYear }>;
  ipItems: IpRow[];
  incidents: IncidentRow[];
  existing: Map<string, Existing>;
}

const entColumnOf: Record<string, EnterpriseColumn> = {
  uscc: 'uscc',
  name: 'name',
  regionCode: 'regionCode',
  industryCode: 'industryCode',
  registeredOn: 'registeredOn',
  contact: 'contact',
  phone: 'phone',
};
const dbField = {
  name: 'name',
  regionCode: 'region_code',
  industryCode: 'industry_code',
  registeredOn: 'registered_on',
  contact: 'contact',
  phone: 'phone',
} as const;

async function loadExisting(db: Db, codes: string[]): Promise<Map<string, Existing>> {
  const out = new Map<string, Existing>();
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom('enterprise')
      .select(['id', 'uscc', 'name', 'region_code', 'industry_code', 'registered_on', 'contact', 'phone'])
      .where('uscc', 'in', part)
      .execute();
    for (const r of rows) out.set(r.uscc, r as Existing);
  }
  return out;
}

/** Validates every row of both sheets against the registry; pure reads. */
async function planImport(db: Db, ctx: Ctx, book: ExcelJS.Workbook): Promise<Plan> {
  const actor = requireRole(ctx, 'admin', 'planner');
  const errors: TImportRowError[] = [];
  const fail = (sheet: string, row: number, column: string, message: string) => errors.push({ sheet, row, column, message });
  const entWs = book.getWorksheet(enterpriseSheetNames.enterprises);
  const yearWs = book.getWorksheet(enterpriseSheetNames.years);
  const ipWs = book.getWorksheet(enterpriseSheetNames.ipItems);
  const incWs = book.getWorksheet(enterpriseSheetNames.incidents);
  if (!entWs && !yearWs && !ipWs && !incWs) throw new AppError('enterprise/import_invalid_file', { reason: 'missing sheets' });
  const ent = entWs ? readSheet(entWs) : null;
  const yr = yearWs ? readSheet(yearWs) : null;
  const ipSheet = ipWs ? readSheet(ipWs) : null;
  const incSheet = incWs ? readSheet(incWs) : null;
  const total = [ent, yr, ipSheet, incSheet].reduce((n, t) => n + (t?.rows.length ?? 0), 0);
  if (total > enterpriseTransferLimits.rows) throw new AppError('enterprise/import_too_large', { rows: total });

  // ── 企业名录 ──────────────────────────────────────────────────────────────────────────────────
  const planned: EnterpriseRowPlan[] = [];
  const firstRowOf = new Map<string, number>();
  if (ent) {
    const S = ent.sheet;
    for (const k of ['uscc', 'name', 'regionCode'] as const) {
      if (!ent.columns.has(enterpriseColumns[k])) fail(S, 1, enterpriseColumns[k], `缺少必需的列“${enterpriseColumns[k]}”`);
    }
    const present = (Object.keys(enterpriseColumns) as EnterpriseColumn[]).filter(
      (k) => !enterpriseReadOnly.includes(k) && ent.columns.has(enterpriseColumns[k]),
    );
    if (errors.length === 0) {
      for (const { row, values } of ent.rows) {
        const text = (k: EnterpriseColumn) => {
          const col = ent.columns.get(enterpriseColumns[k]);
          return col === undefined ? '' : cellText(values[col] ?? null, k === 'registeredOn');
        };
        const orNull = (k: EnterpriseColumn) => text(k) || null;
        const parsed = ZEnterpriseCreate.safeParse({
          uscc: text('uscc'),
          name: text('name'),
          regionCode: text('regionCode'),
          industryCode: orNull('industryCode'),
          registeredOn: orNull('registeredOn'),
          contact: orNull('contact'),
          phone: orNull('phone'),
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const key = entColumnOf[String(issue.path[0])];
            fail(S, row, key ? enterpriseColumns[key] : '', issue.message);
          }
          const code = text('uscc').toUpperCase();
          if (code && !firstRowOf.has(code)) firstRowOf.set(code, row);
          continue;
        }
        const v = parsed.data;
        const seen = firstRowOf.get(v.uscc);
        if (seen !== undefined) {
          fail(S, row, enterpriseColumns.uscc, `统一社会信用代码与第 ${seen} 行重复`);
          continue;
        }
        firstRowOf.set(v.uscc, row);
        const fields: EnterpriseRowPlan['fields'] = {};
        for (const k of present)
          if (k !== 'uscc' && k in dbField) fields[dbField[k as keyof typeof dbField]] = v[k as keyof typeof dbField];
        planned.push({ row, uscc: v.uscc, fields });
      }
    }
  }

  // ── 年度数据 (parsed first, so their credit codes are looked up together) ──────────────────────
  const yearRows: Array<{ row: number; uscc: string; data: TEnterpriseYear }> = [];
  if (yr) {
    const S = yr.sheet;
    for (const h of [yearHead.uscc, yearHead.year]) if (!yr.columns.has(h)) fail(S, 1, h, `缺少必需的列“${h}”`);
    if (yr.columns.has(yearHead.uscc) && yr.columns.has(yearHead.year)) {
      const seen = new Map<string, number>();
      for (const { row, values } of yr.rows) {
        const text = (h: string) => {
          const col = yr.columns.get(h);
          return col === undefined ? '' : cellText(values[col] ?? null);
        };
        let ok = true;
        const bad = (column: string, message: string) => {
          fail(S, row, column, message);
          ok = false;
        };
        const uscc = text(yearHead.uscc).toUpperCase();
        const usccCheck = ZEnterpriseCreate.shape.uscc.safeParse(uscc);
        if (!usccCheck.success) bad(yearHead.uscc, uscc ? (usccCheck.error.issues[0]?.message ?? '无效') : '不能为空');
        const yearText = text(yearHead.year);
        const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
        if (!(year >= 1990 && year <= 2100)) bad(yearHead.year, '年度应为 1990–2100 之间的四位整数');
        const data: Record<string, unknown> = { year };
        for (const [key, head] of [
          ['employeesAvg', yearHead.employeesAvg],
          ['techStaffAvg', yearHead.techStaffAvg],
        ] as const) {
          const t = text(head);
          if (t === '') continue;
          if (!/^\d{1,12}(\.\d{1,6})?$/.test(t)) bad(head, '应为非负数，最多 6 位小数');
          else data[key] = t;
        }
        for (const [key, head] of yearMoney) {
          const t = text(head);
          if (t === '') continue;
          const fen = wanToFen(t);
          if (fen === null || (fen < 0 && key !== 'netAssetsFen'))
            bad(head, key === 'netAssetsFen' ? '应为金额（万元），最多 6 位小数' : '应为非负金额（万元），最多 6 位小数');
          else data[key] = fen;
        }
        const rd: Record<string, number> = {};
        for (const [key, head] of yearRd) {
          const t = text(head);
          if (t === '') continue;
          const fen = wanToFen(t);
          if (fen === null || fen < 0) bad(head, '应为非负金额（万元），最多 6 位小数');
          else rd[key] = fen;
        }
        if (Object.keys(rd).length > 0) data.rdExpense = rd;
        const conv = text(yearHead.conversions);
        if (conv !== '') {
          if (!/^\d{1,5}$/.test(conv)) bad(yearHead.conversions, '应为非负整数');
          else data.conversions = Number(conv);
        }
        if (!ok) continue;
        const parsed = ZEnterpriseYear.safeParse(data);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) fail(S, row, '', `${issue.path.join('.')}: ${issue.message}`);
          continue;
        }
        const key = `${uscc}|${year}`;
        const first = seen.get(key);
        if (first !== undefined) {
          fail(S, row, yearHead.year, `该企业的 ${year} 年度数据与第 ${first} 行重复`);
          continue;
        }
        seen.set(key, row);
        yearRows.push({ row, uscc, data: parsed.data });
      }
    }
  }

  // ── 知识产权, 事故记录 ──────────────────────────────────────────────────────────────────────────
  const ipRows = ipSheet ? parseIpSheet(ipSheet, fail) : [];
  const incidentRows = incSheet ? parseIncidentSheet(incSheet, fail) : [];

  // ── against the registry ───────────────────────────────────────────────────────────────────────
  const codes = [
    ...new Set([
      ...planned.map((p) => p.uscc),
      ...yearRows.map((y) => y.uscc),
      ...ipRows.map((r) => r.uscc),
      ...incidentRows.map((r) => r.uscc),
    ]),
  ];
  const existing = await loadExisting(db, codes);
  const regionCodes = [...new Set(planned.map((p) => p.fields.region_code).filter((c): c is string => !!c))];
  const regions = new Map<string, { valid_to: string | null }>();
  for (const part of chunks(regionCodes)) {
    for (const r of await db.selectFrom('region').select(['code', 'valid_to']).where('code', 'in', part).execute()) regions.set(r.code, r);
  }
  const creates: Plan['creates'] = [];
  const updates: Plan['updates'] = [];
  let unchanged = 0;
  const S = enterpriseSheetNames.enterprises;
  for (const p of planned) {
    const before = existing.get(p.uscc);
    let ok = true;
    if (before && !inRegionScope(actor, before.region_code)) {
      fail(S, p.row, enterpriseColumns.uscc, '该企业已在您管辖范围以外的地区登记，不能修改');
      ok = false;
    }
    const region = p.fields.region_code as string;
    const found = regions.get(region);
    if (!found) {
      fail(S, p.row, enterpriseColumns.regionCode, `行政区划代码 ${region} 不存在`);
      ok = false;
    } else if (!inRegionScope(actor, region)) {
      fail(S, p.row, enterpriseColumns.regionCode, `地区 ${region} 不在您的管辖范围内`);
      ok = false;
    } else if (found.valid_to && (!before || before.region_code !== region)) {
      fail(S, p.row, enterpriseColumns.regionCode, `行政区划 ${region} 已撤销，请使用新的区划`);
      ok = false;
    }
    if (!ok) continue;
    if (!before) creates.push(p);
    else if (Object.entries(p.fields).some(([k, v]) => before[k as keyof Existing] !== v)) updates.push({ plan: p, existing: before });
    else unchanged++;
  }
  const inFile = new Set(firstRowOf.keys());
  const years: Plan['years'] = [];
  for (const y of yearRows) {
    const before = existing.get(y.uscc);
    if (!inFile.has(y.uscc) && !before) {
      fail(enterpriseSheetNames.years, y.row, yearHead.uscc, '该企业既不在“企业名录”工作表中，也未在企业库登记');
      continue;
    }
    if (before && !inRegionScope(actor, before.region_code)) {
      fail(enterpriseSheetNames.years, y.row, yearHead.uscc, '该企业不在您的管辖范围内');
      continue;
    }
    years.push({ uscc: y.uscc, data: y.data });
  }
  /** a row of another sheet may only name an enterprise of the file or of the actor's scope */
  const known = <R extends { row: number; uscc: string }>(sheet: string, rows: R[]): R[] =>
    rows.filter((r) => {
      const before = existing.get(r.uscc);
      if (!inFile.has(r.uscc) && !before) fail(sheet, r.row, yearHead.uscc, '该企业既不在“企业名录”工作表中，也未在企业库登记');
      else if (before && !inRegionScope(actor, before.region_code)) fail(sheet, r.row, yearHead.uscc, '该企业不在您的管辖范围内');
      else return true;
      return false;
    });
  const ipItems = known(enterpriseSheetNames.ipItems, ipRows);
  const incidents = known(enterpriseSheetNames.incidents, incidentRows);
  const sheetOrder: string[] = Object.values(enterpriseSheetNames);
  const order = (s: string) => sheetOrder.indexOf(s);
  errors.sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row);
  return { errors, creates, updates, unchanged, years, ipItems, incidents, existing };
}

function resultOf(plan: Plan, dryRun: boolean, applied: boolean): TEnterpriseImportResult {
  const errors =
    plan.errors.length > maxListedErrors
      ? [
          ...plan.errors.slice(0, maxListedErrors),
          { sheet: '', row: 0, column: '', message: `另有 ${plan.errors.length - maxListedErrors} 处错误未列出` },
        ]
      : plan.errors;
  return {
    dryRun,
    applied,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    years: plan.years.length,
    ipItems: plan.ipItems.length,
    incidents: plan.incidents.length,
    errors,
  };
}

/**
 * Imports enterprises (sheet 企业名录, upsert by 统一社会信用代码), yearly figures (sheet 年度数据,
 * upsert by credit code and year; a year row replaces that year's figures), IP items (sheet 知识产权,
 * upsert by credit code and 专利号/登记号) and incidents (sheet 事故记录, upsert by credit code, date
 * and kind) from an .xlsx. Every row
 * is validated first — with the registry's own create schema — and the file is applied all or
 * nothing, in one transaction with one audit row. A dry run returns the counts and every row error;
 * a real import with any row error throws enterprise/import_rows_invalid with the list in
 * details.rowErrors and writes nothing. Columns missing from the 企业名录 header keep the registered
 * values; 所在地区 and 当前梯度 are export-only and ignored.
 */
export async function importEnterprisesXlsx(ctx: Ctx, input: { bytes: Uint8Array; dryRun: boolean }): Promise<TEnterpriseImportResult> {
  const actor = requireRole(ctx, 'admin', 'planner');
  const book = await openBook(input.bytes);
  if (input.dryRun) return resultOf(await planImport(ctx.db, ctx, book), true, false);
  try {
    return await withAudit(ctx, async (tx, record) => {
      const plan = await planImport(tx, ctx, book);
      if (plan.errors.length > 0) throw new AppError('enterprise/import_rows_invalid', { rowErrors: resultOf(plan, false, false).errors });
      const now = ctx.now();
      const idOf = new Map<string, number>([...plan.existing].map(([uscc, e]) => [uscc, e.id]));
      for (const part of chunks(plan.creates)) {
        const inserted = await tx
          .insertInto('enterprise')
          .values(
            part.map((p) => ({
              uscc: p.uscc,
              name: p.fields.name as string,
              region_code: p.fields.region_code as string,
              industry_code: p.fields.industry_code ?? null,
              registered_on: p.fields.registered_on ?? null,
              contact: p.fields.contact ?? null,
              phone: p.fields.phone ?? null,
            })),
          )
          .returning(['id', 'uscc'])
          .execute();
        for (const r of inserted) idOf.set(r.uscc, r.id);
      }
      for (const { plan: p, existing } of plan.updates) {
        await tx
          .updateTable('enterprise')
          .set((eb) => {
            const { name, region_code, ...rest } = p.fields;
            return {
              ...rest,
              ...(name ? { name } : {}),
              ...(region_code ? { region_code } : {}),
              updated_at: now,
              version: eb('version', '+', 1),
            };
          })
          .where('id', '=', existing.id)
          .execute();
        if (p.fields.region_code !== undefined && p.fields.region_code !== existing.region_code) await refreshLadder(tx, existing.id);
      }
      for (const part of chunks(plan.years)) {
        await tx
          .insertInto('enterprise_year')
          .values(
            part.map((y) => ({
              enterprise_id: idOf.get(y.uscc) as number,
              year: y.data.year,
              data: JSON.stringify(y.data),
              updated_at: now,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['enterprise_id', 'year']).doUpdateSet({
              // the sheet holds yearly averages only: a year entered month by month keeps its months unless the
              // row brings averages of its own (then those replace the months)
              data: sql`case when (enterprise_year.data -> 'staffMonths') is not null
                and (excluded.data -> 'employeesAvg') is null and (excluded.data -> 'techStaffAvg') is null
                then excluded.data || jsonb_build_object('staffMonths', enterprise_year.data -> 'staffMonths')
                else excluded.data end`,
              updated_at: sql`excluded.updated_at`,
            }),
          )
          .execute();
      }
      for (const part of chunks(plan.ipItems)) {
        await tx
          .insertInto('enterprise_ip')
          .values(
            part.map(({ uscc, item: { number, ...item } }) => ({
              enterprise_id: idOf.get(uscc) as number,
              number,
              kind: item.kind,
              data: JSON.stringify(item),
            })),
          )
          .onConflict((oc) => oc.columns(['enterprise_id', 'number']).doUpdateSet({ kind: sql`excluded.kind`, data: sql`excluded.data` }))
          .execute();
      }
      for (const part of chunks(plan.incidents)) {
        await tx
          .insertInto('enterprise_incident')
          .values(
            part.map(({ uscc, incident }) => ({
              enterprise_id: idOf.get(uscc) as number,
              occurred_on: incident.date,
              kind: incident.kind,
              severity: incident.severity,
              note: incident.note,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['enterprise_id', 'occurred_on', 'kind'])
              .doUpdateSet({ severity: sql`excluded.severity`, note: sql`excluded.note` }),
          )
          .execute();
      }
      const result = resultOf(plan, false, true);
      record({
        action: 'enterprise.import',
        entityType: 'enterprise',
        entityId: null,
        regionCode: actor.regionCode,
        after: {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          years: result.years,
          ipItems: result.ipItems,
          incidents: result.incidents,
        },
      });
      return result;
    });
  } catch (e) {
    throw enterpriseConstraintError(e);
  }
}
