import { AppError, type TCall, type TCallListQuery, type TCallPage, type TPublicCall } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { pageTotal, pageWindow, subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import { type TableColumn, tableXlsx } from '../xlsx-table.ts';
import { shanghaiIso } from './call-time.ts';
import { fenToWan } from './money.ts';
import { canReadCall } from './project.policy.ts';
import { callQuery, findCall, toCall } from './project.repository.ts';

/** A call region covers the actor's region: the actor's code starts with the call region's prefix. */
const coversSql = (regionCode: string) => sql<boolean>`${regionCode} like (regexp_replace(c.region_code, '(00)+$', '') || '%')`;

/**
 * Calls the actor may read: the bureau sees every call of its subtree (drafts too); everyone else the
 * published and closed calls whose region covers theirs.
 */
export async function listCalls(ctx: Ctx, input: TCallListQuery): Promise<TCallPage> {
  const actor = requireActor(ctx);
  let q = callQuery(ctx.db);
  q = isRegionWide(actor)
    ? q.where('c.region_code', 'like', subtreePattern(actor.regionCode))
    : q.where('c.status', '<>', 'draft').where(coversSql(actor.regionCode));
  if (input.status) q = q.where('c.status', '=', input.status);
  if (input.year) q = q.where('c.year', '=', input.year);
  if (input.programmeId) q = q.where('c.programme_id', '=', input.programmeId);
  const rows = await q
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('c.closes_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(pageWindow(input).limit)
    .offset(pageWindow(input).offset)
    .execute();
  const now = ctx.now();
  return {
    items: rows.map((r) => toCall(r, now)),
    total: await pageTotal(rows, input, () => q.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()),
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function getCall(ctx: Ctx, id: number): Promise<TCall> {
  const actor = requireActor(ctx);
  const call = await findCall(ctx.db, id, ctx.now());
  if (canReadCall(actor, call)) return call;
  // a draft stays unknown to those who only read published calls
  if (call.status === 'draft' && !isRegionWide(actor)) throw new AppError('project/call_not_found', { id });
  throw new AppError('auth/out_of_scope', { id });
}

/** The public page: published calls not yet past their closing time, no sign-in needed. */
export async function listOpenCalls(ctx: Ctx, input: { region?: string | undefined }): Promise<TPublicCall[]> {
  let q = callQuery(reader(ctx)).where('c.status', '=', 'published').where('c.closes_at', '>', ctx.now());
  if (input.region) q = q.where(coversSql(input.region));
  const rows = await q.orderBy('c.closes_at').orderBy('c.id').limit(500).execute();
  const now = ctx.now();
  return rows.map((r) => {
    const c = toCall(r, now);
    return {
      id: c.id,
      programmeName: c.programmeName,
      programmeKind: c.programmeKind,
      regionCode: c.regionCode,
      year: c.year,
      title: c.title,
      directions: c.directions,
      maxGrantFen: c.maxGrantFen,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      requiredAttachments: c.requiredAttachments,
      limitPerUnit: c.limitPerUnit,
      limitPerLeader: c.limitPerLeader,
      recommendation: c.recommendation,
      eligibility: c.eligibility,
      demand: c.demand,
      window: c.window,
    };
  });
}

const callStatusZh = { draft: '草稿', published: '已发布', closed: '已关闭' } as const;
const callColumns: TableColumn<TCall>[] = [
  { header: '申报指南', width: 44, value: (c) => c.title },
  { header: '计划类别', width: 24, value: (c) => c.programmeName },
  { header: '年度', width: 8, value: (c) => c.year },
  { header: '地区代码', width: 10, value: (c) => c.regionCode },
  { header: '状态', width: 10, value: (c) => callStatusZh[c.status] },
  { header: '资助强度上限（万元）', width: 18, value: (c) => Number(fenToWan(c.maxGrantFen)) },
  { header: '财政资金总额（万元）', width: 18, value: (c) => Number(fenToWan(c.budgetFen)) },
  { header: '申报开始（北京时间）', width: 20, value: (c) => shanghaiIso(new Date(c.opensAt)).slice(0, 16).replace('T', ' ') },
  { header: '申报截止（北京时间）', width: 20, value: (c) => shanghaiIso(new Date(c.closesAt)).slice(0, 16).replace('T', ' ') },
  { header: '支持方向', width: 40, value: (c) => c.directions.join('；') },
];

/** The calls the actor sees (same filters as the list), as one sheet; money in 万元. */
export async function exportCallsXlsx(ctx: Ctx, input: Omit<TCallListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const page = await listCalls(ctx, { ...input, page: 1, pageSize: 100_000 } as TCallListQuery);
  return tableXlsx('申报指南', callColumns, page.items);
}
