import {
  AppError,
  expertSheetColumns,
  type TEmploymentInput,
  type TExpertImportResult,
  type TExpertInput,
  type TExpertStatus,
  ZExpertInput,
} from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import ExcelJS from 'exceljs';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { idNumberHash } from '../person/index.ts';
import { inRegionScope } from '../policy.ts';
import { requirePoolManager } from './expert.policy.ts';
import { orgIdsByName } from './expert.repository.ts';
import { savePerson } from './expert-person.ts';
import { expertStatusZh } from './list-experts.ts';

/*
 * A bureau builds its pool from a spreadsheet (the export's columns are the template). Every row is checked
 * with the same rules as the entry form — 学科/行业 codes against the code lists, the region within the
 * bureau's subtree, the identity number's check digit, employers with dates — and against the pool (the same
 * person twice, in the file or already kept). Problems are reported with sheet, row and column, and nothing
 * is written while any row is wrong; ?dryRun=true only checks. Imported entries are in the pool at once
 * (状态 defaults to 在库), approved by the importing user.
 */

export const expertImportLimits = { bytes: 10 * 1024 * 1024, rows: 20_000 } as const;

interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

const statusByZh = new Map<string, TExpertStatus>(Object.entries(expertStatusZh).map(([k, v]) => [v, k as TExpertStatus]));
const genderByZh: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female' };

/** Which column a field of the entry form comes from, to name it in the row report. */
const columnOf: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号码',
  gender: '性别',
  title: '职称',
  employments: '现工作单位',
  regionCode: '所在地区代码',
  disciplineCodes: '学科代码',
  industryCodes: '行业代码',
  specialty: '研究方向',
  phone: '手机',
  email: '电子邮箱',
  yearlyQuota: '年度评审上限',
};

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
  }
  return String(v).trim();
}

const split = (s: string) =>
  s
    .split(/[；;，,、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 2019, 2019-07 or 2019-07-01 (also with . or / or 年月) → an ISO date; null when unreadable. */
function looseDate(s: string, end: boolean): string | null {
  const m = /^(\d{4})(?:[-./年](\d{1,2})(?:[-./月](\d{1,2})日?)?月?)?$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] ? Number(m[3]) : end ? lastDay : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > lastDay) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "单位A（2015-09~2019-07）；单位B（2010~2015）": past employers, each with its end date. */
function pastEmployers(cell: string): { list: TEmploymentInput[]; problem: string | null } {
  const list: TEmploymentInput[] = [];
  for (const part of cell.split(/[；;\n]/).map((x) => x.trim())) {
    if (!part) continue;
    const m = /^(.+?)[（(]\s*([^~～—至)）]*)\s*[~～—至]\s*([^)）]*)\s*[)）]$/.exec(part);
    if (!m) return { list, problem: `“${part}”应写作 单位名称（起始~结束），如 南华大学（2015-09~2019-07）` };
    const from = m[2]?.trim() ? looseDate(m[2], false) : null;
    const to = m[3]?.trim() ? looseDate(m[3], true) : null;
    if (m[2]?.trim() && !from) return { list, problem: `“${part}”的起始日期无法识别` };
    if (!to) return { list, problem: `“${part}”须注明离职日期（曾任职单位的回避期从离职日起算）` };
    list.push({ orgName: (m[1] as string).trim(), fromDate: from, toDate: to });
  }
  return { list, problem: null };
}

type Parsed = { row: number; input: TExpertInput; status: TExpertStatus };

async function readRows(bytes: Uint8Array) {
  if (bytes.length > expertImportLimits.bytes) throw new AppError('expert/import_too_large', { bytes: bytes.length });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('expert/import_invalid_file', { reason: 'not an .xlsx workbook' });
  }
  const sheet = book.getWorksheet('专家库') ?? book.worksheets[0];
  if (!sheet) throw new AppError('expert/import_invalid_file', { reason: 'no sheet' });
  const col = new Map<string, number>();
  (sheet.getRow(1).values as ExcelJS.CellValue[]).map(text).forEach((h, i) => {
    col.set(h.replace(/[*＊]$/, ''), i);
  });
  const required = ['姓名', '现工作单位', '所在地区代码', '学科代码'];
  const missing = required.filter((h) => !col.has(h));
  if (missing.length > 0) throw new AppError('expert/import_invalid_file', { missingColumns: missing, expected: expertSheetColumns });
  if (sheet.rowCount - 1 > expertImportLimits.rows) throw new AppError('expert/import_too_large', { rows: sheet.rowCount - 1 });
  return { sheet, col };
}

export async function importExpertsXlsx(ctx: Ctx, bytes: Uint8Array, opts: { dryRun?: boolean } = {}): Promise<TExpertImportResult> {
  const actor = requirePoolManager(ctx);
  const { sheet, col } = await readRows(bytes);
  const errors: RowError[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ sheet: sheet.name, row, column, message });
  const regions = new Set((await ctx.db.selectFrom('region').select('code').where('valid_to', 'is', null).execute()).map((r) => r.code));
  const parsed: Parsed[] = [];
  const seenId = new Map<string, number>();
  const seenNameOrg = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount && errors.length <= 200; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    const get = (h: string) => (col.has(h) ? text(values[col.get(h) ?? -1] ?? null) : '');
    if (expertSheetColumns.every((h) => get(h) === '')) continue; // blank line
    const current = split(get('现工作单位')).map((orgName): TEmploymentInput => ({ orgName, fromDate: null, toDate: null }));
    const past = pastEmployers(get('曾任职单位'));
    if (past.problem) fail(r, '曾任职单位', past.problem);
    const genderText = get('性别');
    if (genderText && !genderByZh[genderText]) fail(r, '性别', '应为“男”或“女”');
    const statusText = get('状态');
    const status = statusText ? statusByZh.get(statusText) : 'active';
    if (!status || status === 'removed') fail(r, '状态', `应为 ${['在库', '暂停', '退出', '待审核'].join('、')} 之一（空 = 在库）`);
    const quotaText = get('年度评审上限');
    const raw = {
      name: get('姓名'),
      ...(get('身份证号码') ? { idNumber: get('身份证号码') } : {}),
      gender: genderByZh[genderText] ?? null,
      title: get('职称') || null,
      phone: get('手机') || null,
      email: get('电子邮箱') || null,
      regionCode: get('所在地区代码'),
      disciplineCodes: split(get('学科代码')),
      industryCodes: split(get('行业代码')),
      specialty: get('研究方向'),
      employments: [...current, ...past.list],
      yearlyQuota: quotaText ? Number(quotaText) : 20,
    };
    const regionBad = !regions.has(raw.regionCode)
      ? '行政区划代码不存在或已撤销'
      : !inRegionScope(actor, raw.regionCode)
        ? '不在您的管辖范围内'
        : null;
    if (regionBad) fail(r, '所在地区代码', regionBad);
    const check = ZExpertInput.safeParse(raw);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'regionCode' && regionBad) continue;
        const column = field === 'employments' && issue.path.length > 1 ? '曾任职单位' : (columnOf[field] ?? field);
        const which = field.endsWith('Codes') && typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 个代码：` : '';
        fail(r, column, `${which}${issue.message}`);
      }
      continue;
    }
    const input = check.data;
    if (input.idNumber) {
      const first = seenId.get(input.idNumber);
      if (first) fail(r, '身份证号码', `与第 ${first} 行是同一人`);
      else seenId.set(input.idNumber, r);
    }
    const nameOrg = `${input.name}|${current[0]?.orgName ?? ''}`;
    const firstSame = seenNameOrg.get(nameOrg);
    if (firstSame && !input.idNumber) fail(r, '姓名', `与第 ${firstSame} 行姓名和现工作单位相同；如确为不同的人，请填写身份证号码`);
    else seenNameOrg.set(nameOrg, r);
    parsed.push({ row: r, input, status: status ?? 'active' });
  }
  if (errors.length === 0) await checkAgainstPool(ctx, parsed, fail);
  if (errors.length > 0) throw new AppError('expert/import_rows_invalid', { rowErrors: errors.slice(0, 200) });
  if (parsed.length === 0) throw new AppError('expert/import_invalid_file', { reason: 'no rows' });
  if (opts.dryRun) return { imported: 0, checked: parsed.length, errors: [] };

  return withAudit(ctx, async (tx, record) => {
    await insertImported(tx, parsed, actor.userId, ctx.now());
    record({ action: 'expert.import', entityType: 'expert', entityId: null, regionCode: actor.regionCode, after: { rows: parsed.length } });
    return { imported: parsed.length, checked: parsed.length, errors: [] };
  });
}

const chunk = 1000;

/**
 * Writes the checked rows in batches (a pool of 20,000 in seconds, not minutes). A row whose identity number
 * names a person already known (not an expert: checked before) becomes that person's entry; the others get
 * new person records. Batches rely on PostgreSQL returning the rows of INSERT … VALUES … RETURNING in the
 * order of the VALUES list.
 */
async function insertImported(tx: Transaction<DB>, parsed: Parsed[], userId: number, now: Date): Promise<void> {
  const orgIds = await orgIdsByName(
    tx,
    parsed.flatMap((p) => p.input.employments.map((e) => e.orgName)),
  );
  const personIds: number[] = new Array(parsed.length);
  const fresh: number[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i] as Parsed;
    if (p.input.idNumber) personIds[i] = await savePerson(tx, null, p.input, now);
    else fresh.push(i);
  }
  for (let i = 0; i < fresh.length; i += chunk) {
    const part = fresh.slice(i, i + chunk);
    const rows = await tx
      .insertInto('person')
      .values(
        part.map((k) => {
          const p = (parsed[k] as Parsed).input;
          const current = p.employments.find((e) => !e.toDate);
          return {
            name: p.name,
            gender: p.gender,
            title: p.title,
            phone: p.phone || null,
            email: p.email || null,
            discipline_codes: p.disciplineCodes,
            employer_org_id: current ? (orgIds.get(current.orgName) ?? null) : null,
            employer_name: current?.orgName ?? null,
          };
        }),
      )
      .returning('id')
      .execute();
    part.forEach((k, j) => {
      personIds[k] = (rows[j] as { id: number }).id;
    });
  }
  for (let i = 0; i < parsed.length; i += chunk) {
    const part = parsed.slice(i, i + chunk);
    const rows = await tx
      .insertInto('expert')
      .values(
        part.map((p, j) => ({
          person_id: personIds[i + j] as number,
          region_code: p.input.regionCode,
          title: p.input.title,
          discipline_codes: p.input.disciplineCodes,
          industry_codes: p.input.industryCodes,
          specialty: p.input.specialty,
          status: p.status,
          yearly_quota: p.input.yearlyQuota,
          approved_by: p.status === 'pending' ? null : userId,
          approved_at: p.status === 'pending' ? null : now,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const jobs = part.flatMap((p, j) =>
      p.input.employments.map((e) => ({
        expert_id: (rows[j] as { id: number }).id,
        org_id: e.orgId ?? orgIds.get(e.orgName) ?? null,
        org_name: e.orgName,
        from_date: e.fromDate ?? null,
        to_date: e.toDate ?? null,
      })),
    );
    for (let k = 0; k < jobs.length; k += chunk)
      await tx
        .insertInto('expert_employment')
        .values(jobs.slice(k, k + chunk))
        .execute();
  }
}

/** The same person already in the pool: by identity number, or by name and current employer. */
async function checkAgainstPool(ctx: Ctx, parsed: Parsed[], fail: (row: number, column: string, message: string) => void) {
  const withId = parsed.filter((p) => p.input.idNumber);
  if (withId.length > 0) {
    const hashes = new Map<string, number>();
    for (const p of withId) hashes.set(await idNumberHash(ctx.db, p.input.idNumber as string), p.row);
    const known = await ctx.db
      .selectFrom('person as p')
      .innerJoin('expert as e', 'e.person_id', 'p.id')
      .select(['p.id_hash'])
      .where('p.id_hash', 'in', [...hashes.keys()])
      .execute();
    for (const k of known) fail(hashes.get(k.id_hash as string) ?? 0, '身份证号码', '此人已在专家库中');
  }
  const names = [...new Set(parsed.filter((p) => !p.input.idNumber).map((p) => p.input.name))];
  if (names.length === 0) return;
  const same = await ctx.db
    .selectFrom('expert as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select(['p.name', 'p.employer_name'])
    .where('p.name', 'in', names)
    .execute();
  const kept = new Set(same.map((s) => `${s.name}|${s.employer_name ?? ''}`));
  for (const p of parsed) {
    if (p.input.idNumber) continue;
    const current = p.input.employments.find((e) => !e.toDate)?.orgName ?? '';
    if (kept.has(`${p.input.name}|${current}`))
      fail(p.row, '姓名', '专家库中已有同名且现工作单位相同的专家；如确为不同的人，请填写身份证号码');
  }
}

/** The import template: the columns and one example row (the bureau's own region code). */
export async function expertImportTemplateXlsx(ctx: Ctx): Promise<Uint8Array> {
  const actor = requirePoolManager(ctx);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('专家库');
  sheet.addRow([...expertSheetColumns]);
  sheet.addRow([
    '张三',
    '',
    '男',
    '教授',
    '南华大学',
    '湖南大学（2010-09~2016-07）',
    actor.regionCode,
    '520.20；510.50',
    'I65',
    '机器学习、工业软件',
    '13800000000',
    'zhangsan@example.com',
    20,
    '在库',
  ]);
  sheet.getRow(1).font = { bold: true };
  [10, 20, 6, 14, 28, 40, 12, 24, 16, 40, 14, 24, 12, 8].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
