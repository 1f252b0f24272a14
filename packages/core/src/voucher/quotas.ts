import { AppError, type TQuotaApplication, type TVoucherQuota, type TVoucherQuotaQuery } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { enterpriseBarred } from '../integrity/index.ts';
import { canSeeOrgRecord, isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { tableXlsx } from '../xlsx-table.ts';
import { withinCaps } from './arithmetic.ts';
import { packById, packInForce } from './rule-packs.ts';
import { isHolderUser, requireVoucherReader, requireVoucherWriter } from './voucher.policy.ts';
import { checkVersion, type Db, loadQuota, quotaQuery, toQuota } from './voucher.repository.ts';

/*
 * Quotas (额度): an enterprise applies for the year's quota — a 科技型中小企业 of the registry (《科技型中小企业评价
 * 办法》) with no integrity ban on vouchers — or the bureau applies for a team (创新创业团队, core members at least
 * the pack's minimum). The bureau grants it (at most the pack's cap) or refuses it. A quota lapses at year end.
 */

async function isTechSme(db: Db, enterpriseId: number, today: string, acceptPreviousYear: boolean): Promise<boolean> {
  const floor = acceptPreviousYear ? `${Number(today.slice(0, 4)) - 1}-01-01` : today;
  const r = await db
    .selectFrom('enterprise_status')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('rung', '=', 'techSme')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', floor)]))
    .executeTakeFirst();
  return r !== undefined;
}

export async function applyQuota(ctx: Ctx, input: TQuotaApplication): Promise<TVoucherQuota> {
  const actor = requireActor(ctx);
  const today = bureauDate(ctx.now());
  let region: string;
  let enterprise: { id: number; org_id: number | null; uscc: string; region_code: string } | undefined;
  if (input.holderKind === 'enterprise') {
    if (input.enterpriseId === undefined) {
      if (!isHolderUser(actor)) throw new AppError('auth/forbidden');
      enterprise = await ctx.db
        .selectFrom('enterprise')
        .select(['id', 'org_id', 'uscc', 'region_code'])
        .where('org_id', '=', actor.orgId)
        .executeTakeFirst();
      if (!enterprise) throw new AppError('auth/forbidden', { reason: '账号未关联企业' });
    } else {
      enterprise = await ctx.db
        .selectFrom('enterprise')
        .select(['id', 'org_id', 'uscc', 'region_code'])
        .where('id', '=', input.enterpriseId)
        .executeTakeFirst();
      if (!enterprise) throw new AppError('auth/out_of_scope', { id: input.enterpriseId });
      requireVoucherWriter(ctx, enterprise.region_code);
    }
    region = enterprise.region_code;
  } else {
    requireVoucherWriter(ctx, input.regionCode);
    region = input.regionCode;
  }
  const pack = packInForce(region, today);
  if (!pack || Number(today.slice(0, 4)) > input.year || input.year > Number(today.slice(0, 4)) + 1) {
    throw new AppError('voucher/no_pack', { region, year: input.year });
  }
  if (enterprise) {
    if (!(await isTechSme(ctx.db, enterprise.id, today, pack.acceptPreviousYearTechSme))) throw new AppError('voucher/not_tech_sme');
    const ban = await enterpriseBarred(ctx.db, { orgId: enterprise.org_id, uscc: enterprise.uscc }, 'voucher', today);
    if (ban.barred) throw new AppError('voucher/barred', { reason: ban.reason }, ban.reason);
  } else if (input.holderKind === 'team' && input.teamMembers < pack.teamMinMembers) {
    throw new AppError('voucher/team_too_small', { min: pack.teamMinMembers });
  }
  const requested = BigInt(input.requestedFen);
  return withAudit(ctx, async (tx, record) => {
    let already = 0n;
    if (enterprise) {
      // take turns on the enterprise: the yearly sum and the insert form one decision
      await tx.selectFrom('enterprise').select('id').where('id', '=', enterprise.id).forUpdate().execute();
      const prior = await tx
        .selectFrom('voucher_quota')
        .select(['id', 'requested_fen', 'granted_fen', 'status'])
        .where('enterprise_id', '=', enterprise.id)
        .where('year', '=', input.year)
        .where('status', '<>', 'refused')
        .execute();
      // one application a year, unless the pack grants by application (玉环: 单次2万，年度累计10万)
      if (prior.length > 0 && pack.perApplicationCapFen === null) throw new AppError('voucher/quota_exists', { id: prior[0]?.id });
      for (const p of prior) already += BigInt(p.granted_fen ?? p.requested_fen);
    }
    if (!withinCaps(pack, input.holderKind, requested, already)) {
      throw new AppError('voucher/over_cap', { capFen: input.holderKind === 'team' ? pack.teamQuotaFen : pack.enterpriseQuotaFen });
    }
    const row = await tx
      .insertInto('voucher_quota')
      .values({
        pack_id: pack.id,
        region_code: region,
        year: input.year,
        holder_kind: input.holderKind,
        enterprise_id: enterprise?.id ?? null,
        team_name: input.holderKind === 'team' ? input.teamName : null,
        team_incubator: input.holderKind === 'team' ? input.teamIncubator : null,
        team_members: input.holderKind === 'team' ? input.teamMembers : null,
        requested_fen: requested,
        status: 'applied',
        expires_on: `${input.year}-12-31`,
        applied_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'voucher.quota.apply',
      entityType: 'voucher_quota',
      entityId: row.id,
      regionCode: region,
      after: { ...input, packId: pack.id },
    });
    return toQuota(await loadQuota(tx, row.id));
  });
}

export async function grantQuota(ctx: Ctx, id: number, input: { version: number; grantedFen: number }): Promise<TVoucherQuota> {
  const q = await loadQuota(ctx.db, id);
  const actor = requireVoucherWriter(ctx, q.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('voucher_quota').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    checkVersion(row, input.version);
    if (row.status !== 'applied') throw new AppError('voucher/wrong_status', { status: row.status });
    const pack = packById(row.pack_id);
    if (!pack) throw new AppError('voucher/no_pack');
    const granted = BigInt(input.grantedFen);
    // at most what was applied for, and within the caps together with the year's other quotas of the holder
    const others =
      row.enterprise_id === null
        ? []
        : await tx
            .selectFrom('voucher_quota')
            .select(['requested_fen', 'granted_fen'])
            .where('enterprise_id', '=', row.enterprise_id)
            .where('year', '=', row.year)
            .where('status', '<>', 'refused')
            .where('id', '<>', id)
            .execute();
    const already = others.reduce((s, o) => s + BigInt(o.granted_fen ?? o.requested_fen), 0n);
    if (granted > BigInt(row.requested_fen) || !withinCaps(pack, row.holder_kind as 'enterprise' | 'team', granted, already)) {
      throw new AppError('voucher/over_cap', { requestedFen: Number(row.requested_fen) });
    }
    await tx
      .updateTable('voucher_quota')
      .set({ status: 'granted', granted_fen: granted, decided_by: actor.userId, decided_at: ctx.now(), version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'voucher.quota.grant',
      entityType: 'voucher_quota',
      entityId: id,
      regionCode: row.region_code,
      before: { status: 'applied' },
      after: { status: 'granted', grantedFen: input.grantedFen },
    });
    return toQuota(await loadQuota(tx, id));
  });
}

export async function refuseQuota(ctx: Ctx, id: number, input: { version: number; reason: string }): Promise<TVoucherQuota> {
  const q = await loadQuota(ctx.db, id);
  const actor = requireVoucherWriter(ctx, q.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .selectFrom('voucher_quota')
      .select(['status', 'version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    checkVersion(row, input.version);
    if (row.status !== 'applied') throw new AppError('voucher/wrong_status', { status: row.status });
    await tx
      .updateTable('voucher_quota')
      .set({ status: 'refused', refusal_reason: input.reason, decided_by: actor.userId, decided_at: ctx.now(), version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'voucher.quota.refuse',
      entityType: 'voucher_quota',
      entityId: id,
      regionCode: q.region_code,
      before: { status: 'applied' },
      after: { status: 'refused', reason: input.reason },
    });
    return toQuota(await loadQuota(tx, id));
  });
}

function scopedQuotas(ctx: Ctx, q: Omit<TVoucherQuotaQuery, 'page' | 'pageSize'>) {
  const actor = requireActor(ctx);
  let query = quotaQuery(ctx.db);
  if (isRegionWide(actor)) {
    const region = q.region ?? actor.regionCode;
    requireVoucherReader(ctx, region);
    query = query.where('q.region_code', 'like', subtreePattern(region));
  } else if (isHolderUser(actor)) {
    query = query.where('e.org_id', '=', actor.orgId);
  } else throw new AppError('auth/forbidden');
  if (q.year) query = query.where('q.year', '=', q.year);
  if (q.status) query = query.where('q.status', '=', q.status);
  if (q.q) query = query.where(sql<boolean>`coalesce(e.name, q.team_name) like ${`%${q.q}%`}`);
  return query;
}

export async function listQuotas(ctx: Ctx, q: TVoucherQuotaQuery) {
  const query = scopedQuotas(ctx, q);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('q.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(toQuota), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function getQuota(ctx: Ctx, id: number): Promise<TVoucherQuota> {
  const actor = requireActor(ctx);
  const row = await loadQuota(ctx.db, id);
  const orgId = row.enterprise_org_id ?? -1;
  if (!canSeeOrgRecord(actor, orgId, row.region_code) || (!isRegionWide(actor) && !isHolderUser(actor)))
    throw new AppError('auth/out_of_scope', { id });
  return toQuota(row);
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const statusZh: Record<string, string> = { applied: '待核定', granted: '已核定', refused: '未通过' };

export async function exportQuotasXlsx(ctx: Ctx, q: Omit<TVoucherQuotaQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const rows = (await scopedQuotas(ctx, q).orderBy('q.id').limit(50_000).execute()).map(toQuota);
  return tableXlsx(
    '创新券额度',
    [
      { header: '编号', width: 8, value: (r) => r.id },
      { header: '申领主体', width: 30, value: (r) => r.holderName },
      { header: '类型', width: 8, value: (r) => (r.holderKind === 'team' ? '团队' : '企业') },
      { header: '地区代码', width: 10, value: (r) => r.regionCode },
      { header: '年度', width: 8, value: (r) => r.year },
      { header: '申领额度（元）', value: (r) => yuan(r.requestedFen) },
      { header: '核定额度（元）', value: (r) => yuan(r.grantedFen) },
      { header: '已使用（元）', value: (r) => yuan(r.usedFen) },
      { header: '剩余（元）', value: (r) => yuan(r.remainingFen) },
      { header: '状态', width: 10, value: (r) => statusZh[r.status] ?? r.status },
      { header: '有效期至', width: 12, value: (r) => r.expiresOn },
    ],
    rows,
  );
}
