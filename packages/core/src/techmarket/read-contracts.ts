import { AppError, type TTechContract, type TTechContractDetail } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { fenToWan } from '../project/money.ts';
import { pageTotal } from '../query.ts';
import { type TableColumn, tableXlsx } from '../xlsx-table.ts';
import { loadContract, selectContracts, toContract } from './contract.repository.ts';
import { dueDateFor } from './contract-review.ts';
import { enabledPacksFor } from './market/packs.ts';
import { contractPackOn } from './rule-packs.ts';
import { canReadContract, isSellerUser } from './techmarket.policy.ts';

/**
 * A seller's users list their unit's contracts; a registrar lists the contracts submitted to the points its
 * organisation runs (never drafts). Nobody else lists contracts: the bureau reads statistics.
 */
export async function listContracts(
  ctx: Ctx,
  q: { page: number; pageSize: number; status?: TTechContract['status'] | undefined; q?: string | undefined },
): Promise<{ items: TTechContract[]; total: number; page: number; pageSize: number }> {
  const actor = requireActor(ctx);
  let query = selectContracts(ctx.db);
  if (isSellerUser(actor)) query = query.where('c.seller_org_id', '=', actor.orgId);
  else query = query.where('p.org_id', '=', actor.orgId).where('c.status', '<>', 'draft');
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('c.name', 'like', like), eb('c.buyer_name', 'like', like), eb('c.registration_no', 'like', like)]),
    );
  }
  const rows = await query
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map(toContract),
    total: await pageTotal(rows, q, async () => await query.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getContract(ctx: Ctx, id: number): Promise<TTechContractDetail> {
  const actor = requireActor(ctx);
  const loaded = await loadContract(ctx.db, id);
  if (!canReadContract(actor, loaded.contract, loaded.point)) throw new AppError('auth/out_of_scope', { id });
  const c = loaded.contract;
  const events = await ctx.db
    .selectFrom('tech_contract_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .select(['e.at', 'e.kind', 'e.detail', 'u.display_name'])
    .where('e.contract_id', '=', id)
    .orderBy('e.id')
    .execute();
  const files = await ctx.db
    .selectFrom('tech_contract_file')
    .select(['id', 'filename', 'size_bytes', 'uploaded_at'])
    .where('contract_id', '=', id)
    .orderBy('id')
    .execute();
  const enabled = await enabledPacksFor(ctx.db, c.sellerRegionCode);
  const pack = contractPackOn(c.acceptedOn ?? bureauDate(ctx.now()), enabled);
  const due = dueDateFor(c, false, enabled);
  return {
    contract: c,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.display_name,
      detail: (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail) as Record<string, unknown>,
    })),
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size_bytes, uploadedAt: f.uploaded_at.toISOString() })),
    refusalChecklist: pack.refusals.map((r) => ({ code: r.code, zh: r.zh, clause: r.clause, stage: r.stage })),
    deadline: due
      ? { dueOn: c.dueOn ?? due.dueDate, kind: due.kind, days: due.days, clause: due.clause, calendarComplete: due.calendarComplete }
      : null,
  };
}

/** The written contract as uploaded, for the seller and the registrars of its point. */
export async function downloadContractFile(ctx: Ctx, id: number, fileId: number) {
  const actor = requireActor(ctx);
  if (!ctx.files) throw new AppError('report/storage_unavailable');
  const loaded = await loadContract(ctx.db, id);
  if (!canReadContract(actor, loaded.contract, loaded.point)) throw new AppError('auth/out_of_scope', { id });
  const f = await ctx.db
    .selectFrom('tech_contract_file')
    .select(['filename', 'content_type', 'storage_key'])
    .where('id', '=', fileId)
    .where('contract_id', '=', id)
    .executeTakeFirst();
  const bytes = f ? await ctx.files.get(f.storage_key) : null;
  if (!f || !bytes) throw new AppError('techmarket/contract_file_not_found', { id, fileId });
  return { filename: f.filename, contentType: f.content_type, bytes };
}

const statusZh: Record<TTechContract['status'], string> = {
  draft: '草稿',
  submitted: '待受理',
  accepted: '已受理',
  correction_requested: '待补正',
  registered: '已登记',
  not_accepted: '不予受理',
  refused: '不予登记',
};
const contractColumns: TableColumn<TTechContract>[] = [
  { header: '登记编号', width: 20, value: (c) => c.registrationNo },
  { header: '合同名称', width: 40, value: (c) => c.name },
  { header: '卖方', width: 30, value: (c) => c.sellerName },
  { header: '买方', width: 30, value: (c) => c.buyerName },
  { header: '买方地区代码', width: 12, value: (c) => c.buyerRegionCode },
  { header: '技术领域', width: 20, value: (c) => c.techField },
  { header: '合同成交额（万元）', width: 18, value: (c) => Number(fenToWan(c.contractAmountFen)) },
  {
    header: '技术交易额（万元）',
    width: 18,
    value: (c) => (c.technicalAmountFen === null ? null : Number(fenToWan(c.technicalAmountFen))),
  },
  { header: '状态', width: 10, value: (c) => statusZh[c.status] },
  { header: '登记日期', width: 12, value: (c) => c.registeredOn },
];

/** The contracts the actor sees (same filters as the list) as one sheet; money in 万元. */
export async function exportContractsXlsx(
  ctx: Ctx,
  q: { status?: TTechContract['status'] | undefined; q?: string | undefined },
): Promise<Buffer> {
  const page = await listContracts(ctx, { ...q, page: 1, pageSize: 100_000 });
  return tableXlsx('技术合同', contractColumns, page.items);
}
