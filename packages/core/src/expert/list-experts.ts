import { AppError, codeLabel, expertSheetColumns, type TExpertListQuery, type TExpertPage, type TExpertStatus } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import ExcelJS from 'exceljs';
import type { Actor, Ctx } from '../context.ts';
import { inRegionScope } from '../policy.ts';
import { containsPattern, pageWindow, subtreePattern, totalFromPage } from '../query.ts';
import { requirePoolReader } from './expert.policy.ts';
import { type Db, expertQuery, toExpertSummary } from './expert.repository.ts';

/*
 * 专家库 list: the entries of the bureau's region subtree, filtered by status, 学科 and 行业 (code prefix: 520
 * matches 520.20), region and text (name, any employer, 研究方向), sorted and paged; the same filter exports
 * to .xlsx in the import template's columns.
 */

export const expertStatusZh: Record<TExpertStatus, string> = {
  pending: '待审核',
  active: '在库',
  paused: '暂停',
  retired: '退出',
  removed: '已移出',
  rejected: '未通过',
};

const sortColumn = { id: 'e.id', name: 'p.name', updatedAt: 'e.updated_at' } as const;

function filtered(db: Db, actor: Actor, input: Omit<TExpertListQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  let q = expertQuery(db).where('e.region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) {
    if (!inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
    q = q.where('e.region_code', 'like', subtreePattern(input.region));
  }
  if (input.status) q = q.where('e.status', '=', input.status);
  // prefixes are letters, digits and dots only (the contract), so no LIKE wildcard can slip in
  if (input.discipline)
    q = q.where(sql<boolean>`exists (select 1 from unnest(e.discipline_codes) c where c like ${`${input.discipline}%`})`);
  if (input.industry) q = q.where(sql<boolean>`exists (select 1 from unnest(e.industry_codes) c where c like ${`${input.industry}%`})`);
  if (input.q) {
    const pattern = containsPattern(input.q);
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', pattern),
        eb('e.specialty', 'ilike', pattern),
        eb.exists(
          eb.selectFrom('expert_employment as m').select('m.id').whereRef('m.expert_id', '=', 'e.id').where('m.org_name', 'ilike', pattern),
        ),
      ]),
    );
  }
  return q;
}

export async function listExperts(ctx: Ctx, input: TExpertListQuery): Promise<TExpertPage> {
  const actor = requirePoolReader(ctx);
  const base = filtered(ctx.db, actor, input);
  const { limit, offset } = pageWindow(input);
  const rows = await base.orderBy(sortColumn[input.sort], input.order).orderBy('e.id', input.order).limit(limit).offset(offset).execute();
  const total =
    totalFromPage(rows.length, input) ??
    Number(
      (
        await base
          .clearSelect()
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { items: rows.map(toExpertSummary), total, page: input.page, pageSize: input.pageSize };
}

const genderZh = { male: '男', female: '女' } as const;

/** The list the actor sees (same filters), one row per expert in the import template's columns. */
export async function exportExpertsXlsx(ctx: Ctx, input: Omit<TExpertListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const actor = requirePoolReader(ctx);
  const rows = await filtered(ctx.db, actor, input).orderBy('e.id').limit(100_000).execute();
  const jobs = new Map<number, { current: string[]; past: string[] }>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 5000) {
    const list = await ctx.db
      .selectFrom('expert_employment')
      .select(['expert_id', 'org_name', 'from_date', 'to_date'])
      .where('expert_id', 'in', ids.slice(i, i + 5000))
      .orderBy('expert_id')
      .orderBy('from_date')
      .execute();
    for (const j of list) {
      const slot = jobs.get(j.expert_id) ?? { current: [], past: [] };
      if (j.to_date === null) slot.current.push(j.org_name);
      else slot.past.push(`${j.org_name}（${j.from_date ?? ''}~${j.to_date}）`);
      jobs.set(j.expert_id, slot);
    }
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('专家库');
  sheet.addRow([...expertSheetColumns, '学科名称', '行业名称']);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const job = jobs.get(r.id);
    sheet.addRow([
      r.name,
      '', // the identity number is never exported (only its hash is kept)
      r.gender === 'male' || r.gender === 'female' ? genderZh[r.gender] : '',
      r.title ?? '',
      job?.current.join('；') ?? r.employer_name ?? '',
      job?.past.join('；') ?? '',
      r.region_code,
      r.discipline_codes.join('；'),
      r.industry_codes.join('；'),
      r.specialty,
      r.phone ?? '',
      r.email ?? '',
      r.yearly_quota,
      expertStatusZh[r.status],
      r.discipline_codes.map((c) => codeLabel('discipline', c)).join('；'),
      r.industry_codes.map((c) => codeLabel('industry', c)).join('；'),
    ]);
  }
  [10, 20, 6, 14, 28, 40, 12, 24, 16, 40, 14, 24, 12, 8, 40, 30].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
