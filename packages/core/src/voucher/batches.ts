import { AppError, type TVoucherBatch } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { tableXlsx } from '../xlsx-table.ts';
import { quarterEnd } from './arithmetic.ts';
import { requireVoucherReader, requireVoucherWriter } from './voucher.policy.ts';
import { checkVersion, toBatch, toUses, useQuery } from './voucher.repository.ts';

/*
 * Quarterly redemption batches (上海: 每季度集中拨付): a batch of a region and quarter takes every approved
 * redemption of the region's subtree applied for by the quarter's last day and not yet in a batch; paying it
 * marks its vouchers redeemed. One batch per region and quarter.
 */

export async function createBatch(ctx: Ctx, input: { regionCode: string; year: number; quarter: number }): Promise<TVoucherBatch> {
  const actor = requireVoucherWriter(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const exists = await tx
      .selectFrom('voucher_batch')
      .select('id')
      .where('region_code', '=', input.regionCode)
      .where('year', '=', input.year)
      .where('quarter', '=', input.quarter)
      .executeTakeFirst();
    if (exists) throw new AppError('voucher/batch_exists', { id: exists.id });
    const uses = await tx
      .selectFrom('voucher_use as u')
      .innerJoin('voucher_quota as q', 'q.id', 'u.quota_id')
      .select('u.id')
      .where('u.status', '=', 'approved')
      .where('u.batch_id', 'is', null)
      .where('u.requested_on', '<=', quarterEnd(input.year, input.quarter))
      .where('q.region_code', 'like', subtreePattern(input.regionCode))
      .forUpdate()
      .execute();
    if (uses.length === 0) throw new AppError('voucher/batch_empty');
    const b = await tx
      .insertInto('voucher_batch')
      .values({ region_code: input.regionCode, year: input.year, quarter: input.quarter, status: 'open', created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('voucher_use')
      .set({ batch_id: b.id })
      .where(
        'id',
        'in',
        uses.map((u) => u.id),
      )
      .execute();
    const out = await toBatch(tx, b);
    record({
      action: 'voucher.batch.create',
      entityType: 'voucher_batch',
      entityId: b.id,
      regionCode: input.regionCode,
      after: { ...input, count: out.count, totalFen: out.totalFen },
    });
    return out;
  });
}

export async function payBatch(ctx: Ctx, id: number, input: { version: number; paidOn: string }): Promise<TVoucherBatch> {
  const b = await ctx.db.selectFrom('voucher_batch').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw new AppError('voucher/batch_not_found', { id });
  requireVoucherWriter(ctx, b.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('voucher_batch').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    checkVersion(row, input.version);
    if (row.status !== 'open') throw new AppError('voucher/wrong_status', { status: row.status });
    await tx
      .updateTable('voucher_batch')
      .set({ status: 'paid', paid_on: input.paidOn, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await tx
      .updateTable('voucher_use')
      .set((eb) => ({ status: 'redeemed', version: eb('version', '+', 1) }))
      .where('batch_id', '=', id)
      .execute();
    const out = await toBatch(tx, { ...row, status: 'paid', paid_on: input.paidOn, version: row.version + 1 });
    record({
      action: 'voucher.batch.pay',
      entityType: 'voucher_batch',
      entityId: id,
      regionCode: row.region_code,
      before: { status: 'open' },
      after: { status: 'paid', paidOn: input.paidOn, totalFen: out.totalFen },
    });
    return out;
  });
}

export async function listBatches(ctx: Ctx, q: { region?: string; year?: number }): Promise<TVoucherBatch[]> {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireVoucherReader(ctx, region);
  let query = ctx.db.selectFrom('voucher_batch').selectAll().where('region_code', 'like', subtreePattern(region));
  if (q.year) query = query.where('year', '=', q.year);
  const rows = await query.orderBy('year', 'desc').orderBy('quarter', 'desc').execute();
  return Promise.all(rows.map((b) => toBatch(ctx.db, b)));
}

const serviceZh: Record<string, string> = {
  testing: '检验检测',
  rnd: '研究开发',
  transfer: '技术转移',
  instrument: '仪器共享',
  ip: '知识产权',
  consulting: '科技咨询',
};

/** The batch as a sheet: one row per voucher, with the totals row the finance office checks against. */
export async function exportBatchXlsx(ctx: Ctx, id: number): Promise<{ bytes: Buffer; filename: string }> {
  const b = await ctx.db.selectFrom('voucher_batch').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw new AppError('voucher/batch_not_found', { id });
  requireVoucherReader(ctx, b.region_code);
  const uses = await toUses(ctx.db, await useQuery(ctx.db).where('u.batch_id', '=', id).orderBy('u.id').execute());
  const total = uses.reduce((s, u) => s + BigInt(u.amountFen), 0n);
  const contracts = uses.reduce((s, u) => s + BigInt(u.contractAmountFen), 0n);
  type Row = {
    no: number | string;
    holder: string;
    provider: string;
    service: string;
    contractNo: string;
    contract: number;
    amount: number;
    requestedOn: string;
  };
  const rows: Row[] = uses.map((u, i) => ({
    no: i + 1,
    holder: u.holderName,
    provider: u.providerName,
    service: serviceZh[u.service] ?? u.service,
    contractNo: u.contractNo,
    contract: u.contractAmountFen / 100,
    amount: u.amountFen / 100,
    requestedOn: u.requestedOn ?? '',
  }));
  rows.push({
    no: '合计',
    holder: `${uses.length} 笔`,
    provider: '',
    service: '',
    contractNo: '',
    contract: Number(contracts) / 100,
    amount: Number(total) / 100,
    requestedOn: '',
  });
  const bytes = await tableXlsx(
    `${b.year}年第${b.quarter}季度`,
    [
      { header: '序号', width: 6, value: (r: Row) => r.no },
      { header: '使用主体', width: 28, value: (r: Row) => r.holder },
      { header: '服务机构', width: 28, value: (r: Row) => r.provider },
      { header: '服务类别', width: 12, value: (r: Row) => r.service },
      { header: '合同编号', width: 18, value: (r: Row) => r.contractNo },
      { header: '合同金额（元）', width: 14, value: (r: Row) => r.contract },
      { header: '兑付金额（元）', width: 14, value: (r: Row) => r.amount },
      { header: '申请兑付日期', width: 12, value: (r: Row) => r.requestedOn },
    ],
    rows,
  );
  return { bytes, filename: `创新券兑付批次-${b.region_code}-${b.year}Q${b.quarter}.xlsx` };
}
