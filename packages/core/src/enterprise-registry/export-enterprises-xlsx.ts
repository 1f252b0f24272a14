import { AppError, enterpriseSheetNames, type TEnterpriseYear } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { toIncident, toIp } from './enterprise-records.repository.ts';
import { incidentCells, incidentHeaders, ipCells, ipHeaders } from './enterprise-records-xlsx.ts';
import { requireBureau } from './enterprise-registry.policy.ts';
import { selectEnterprises, toEnterprise } from './enterprise-registry.repository.ts';
import {
  decimalCell,
  type EnterpriseColumn,
  enterpriseColumns,
  fenToWan,
  rungNames,
  yearHeaders,
  yearMoney,
  yearRd,
} from './enterprise-xlsx.ts';

function styleHeader(sheet: ExcelJS.Worksheet, widths: number[]) {
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
}

/** A year's figures as cells, in the order of `yearHeaders`; absent figures stay empty. */
export function yearCells(uscc: string, y: TEnterpriseYear): Array<string | number | null> {
  const money = (fen: number | undefined) => (fen === undefined ? null : decimalCell(fenToWan(fen)));
  return [
    uscc,
    y.year,
    y.employeesAvg === undefined ? null : decimalCell(y.employeesAvg),
    y.techStaffAvg === undefined ? null : decimalCell(y.techStaffAvg),
    ...yearMoney.map(([k]) => money(y[k])),
    ...yearRd.map(([k]) => (y.rdExpense ? money(y.rdExpense[k]) : null)),
    y.conversions ?? null,
  ];
}

/**
 * The registry of the actor's scope (or of one region subtree in it) as a workbook: sheet 企业名录,
 * one row per enterprise, sheet 年度数据, one row per enterprise-year, money in 万元, and sheets
 * 知识产权 and 事故记录. Reading
 * it back with importEnterprisesXlsx changes nothing. Bureau roles only (admin, planner, viewer).
 */
export async function exportEnterprisesXlsx(ctx: Ctx, input: { region?: string | undefined } = {}): Promise<Buffer> {
  const actor = requireBureau(ctx, false);
  if (input.region && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
  const today = bureauDate(ctx.now());
  let q = selectEnterprises(ctx.db, today).where('e.region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) q = q.where('e.region_code', 'like', subtreePattern(input.region));
  const rows = (await q.orderBy('e.uscc').execute()).map(toEnterprise);

  let yq = ctx.db
    .selectFrom('enterprise_year as y')
    .innerJoin('enterprise as e', 'e.id', 'y.enterprise_id')
    .select(['e.uscc', 'y.data'])
    .where('e.region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) yq = yq.where('e.region_code', 'like', subtreePattern(input.region));
  const years = await yq.orderBy('e.uscc').orderBy('y.year').execute();

  let iq = ctx.db
    .selectFrom('enterprise_ip as i')
    .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
    .select(['e.uscc', 'i.id', 'i.number', 'i.data', 'i.created_at'])
    .where('e.region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) iq = iq.where('e.region_code', 'like', subtreePattern(input.region));
  const ipRows = await iq.orderBy('e.uscc').orderBy('i.number').execute();
  let nq = ctx.db
    .selectFrom('enterprise_incident as n')
    .innerJoin('enterprise as e', 'e.id', 'n.enterprise_id')
    .select(['e.uscc', 'n.id', 'n.occurred_on', 'n.kind', 'n.severity', 'n.note', 'n.created_at'])
    .where('e.region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) nq = nq.where('e.region_code', 'like', subtreePattern(input.region));
  const incidentRows = await nq.orderBy('e.uscc').orderBy('n.occurred_on').orderBy('n.kind').execute();

  const book = new ExcelJS.Workbook();
  book.creator = '科创 Kechuang';
  book.created = ctx.now();
  const ent = book.addWorksheet(enterpriseSheetNames.enterprises);
  const keys = Object.keys(enterpriseColumns) as EnterpriseColumn[];
  ent.addRow(keys.map((k) => enterpriseColumns[k]));
  for (const e of rows) {
    ent.addRow([
      e.uscc,
      e.name,
      e.regionCode,
      e.regionName,
      e.industryCode,
      e.registeredOn,
      e.contact,
      e.phone,
      e.rungs.map((r) => rungNames[r]).join('、'),
    ]);
  }
  // credit codes, region codes and dates are text: keep Excel from reading them as numbers or dates
  for (const c of [1, 3, 5, 6, 8]) ent.getColumn(c).numFmt = '@';
  styleHeader(ent, [24, 36, 14, 14, 10, 12, 12, 16, 36]);

  const yr = book.addWorksheet(enterpriseSheetNames.years);
  yr.addRow(yearHeaders);
  for (const y of years) yr.addRow(yearCells(y.uscc, y.data as TEnterpriseYear));
  yr.getColumn(1).numFmt = '@';
  styleHeader(
    yr,
    yearHeaders.map((h, i) => (i === 0 ? 24 : Math.max(10, h.length * 2))),
  );

  const ips = book.addWorksheet(enterpriseSheetNames.ipItems);
  ips.addRow(ipHeaders);
  for (const r of ipRows) ips.addRow(ipCells(r.uscc, toIp(r)));
  for (const c of [1, 2, 5, 6]) ips.getColumn(c).numFmt = '@';
  styleHeader(ips, [24, 20, 18, 30, 12, 14, 10, 12, 10, 16, 24, 14]);

  const inc = book.addWorksheet(enterpriseSheetNames.incidents);
  inc.addRow(incidentHeaders);
  for (const r of incidentRows) inc.addRow(incidentCells(r.uscc, toIncident(r)));
  for (const c of [1, 2]) inc.getColumn(c).numFmt = '@';
  styleHeader(inc, [24, 12, 14, 10, 40]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
