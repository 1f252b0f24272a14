import { AppError, type TPlatformDetail, type TPlatformReportInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { canReportPlatform } from './platform.policy.ts';
import { getPlatform } from './registry.ts';
import { assertTypeFields, platformType } from './types.ts';

/*
 * The yearly report (年度报告): a platform's own unit reports the year's figures on its type's fields; it may
 * save a draft and edit it until it submits, after which the report is locked and the 绩效评价 reads it.
 */
export async function savePlatformReport(ctx: Ctx, id: number, year: number, input: TPlatformReportInput): Promise<TPlatformDetail> {
  const p = await getPlatform(ctx, id); // read scope
  if (!ctx.actor || !canReportPlatform(ctx.actor, p)) throw new AppError('auth/forbidden', { id });
  if (p.status !== 'active') throw new AppError('platform/delisted', { id });
  const now = Number(bureauDate(ctx.now()).slice(0, 4));
  if (year < Number(p.approvedOn.slice(0, 4)) || year > now) throw new AppError('platform/report_year', { year });
  const type = await platformType(ctx.db, p.typeCode, p.typeVersion);
  assertTypeFields(type, input.data);
  const existing = p.reports.find((r) => r.year === year);
  if (existing?.status === 'submitted') throw new AppError('platform/report_locked', { id, year });
  const status = input.submit ? 'submitted' : 'draft';
  await withAudit(ctx, async (tx, record) => {
    const values = {
      data: JSON.stringify(input.data),
      status,
      submitted_at: input.submit ? ctx.now() : null,
      updated_at: ctx.now(),
    };
    await tx
      .insertInto('platform_report')
      .values({ platform_id: id, year, ...values })
      .onConflict((oc) => oc.columns(['platform_id', 'year']).doUpdateSet(values))
      .execute();
    record({
      action: input.submit ? 'platform.report_submit' : 'platform.report_save',
      entityType: 'platform_report',
      entityId: `${id}:${year}`,
      regionCode: p.regionCode,
      before: existing ?? null,
      after: { year, data: input.data, status },
    });
  });
  return getPlatform(ctx, id);
}
