import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { catalogMap } from './catalog.ts';
import { styleSheet } from './export-values.ts';
import { getRun } from './runs.ts';

const round = (x: number | null, places = 4) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

/**
 * A run as a workbook: 排名 (score, rank, rank change, tier, sensitivity interval per region), 得分明细
 * (one row per region × indicator: raw, normalised, effective weight, contribution) and 方法说明.
 */
export async function exportRunXlsx(ctx: Ctx, runId: number): Promise<Buffer> {
  const run = await getRun(ctx, runId);
  const catalog = await catalogMap(ctx);
  const book = new ExcelJS.Workbook();
  book.creator = '科创 Kechuang';
  book.created = ctx.now();
  const rank = book.addWorksheet('排名');
  rank.addRow(['排名', '地区代码', '地区', '综合得分', '上年排名', '位次变化', '梯队', '敏感性排名区间（P5–P95）', '最好–最差']);
  for (const r of run.result.results) {
    const s = run.sensitivity[r.code];
    rank.addRow([
      r.rank,
      r.code,
      r.name,
      round(r.score),
      r.previousRank,
      r.rankChange === null ? null : r.rankChange > 0 ? `进 ${r.rankChange}` : r.rankChange < 0 ? `退 ${-r.rankChange}` : '持平',
      r.tier,
      s ? `${s.p05Rank}–${s.p95Rank}` : null,
      s ? `${s.minRank}–${s.maxRank}` : null,
    ]);
  }
  rank.getColumn(2).numFmt = '@';
  styleSheet(rank, [8, 10, 18, 12, 10, 10, 12, 22, 12]);

  const detail = book.addWorksheet('得分明细');
  detail.addRow(['地区代码', '地区', '指标代码', '指标', '原始值', '标准化得分', '有效权重', '贡献', '插补', '说明']);
  for (const r of run.result.results) {
    for (const b of r.indicators) {
      detail.addRow([
        r.code,
        r.name,
        b.code,
        catalog.get(b.code)?.nameZh ?? b.code,
        b.raw,
        round(b.normalised),
        round(b.effectiveWeight, 6),
        round(b.contribution),
        b.imputed ? '是' : '',
        b.note ?? '',
      ]);
    }
  }
  detail.getColumn(1).numFmt = '@';
  styleSheet(detail, [10, 18, 28, 30, 14, 12, 12, 12, 8, 30]);

  const method = book.addWorksheet('方法说明');
  method.addRow(['项目', '内容']);
  method.addRow(['评价年度', run.year]);
  method.addRow(['计算时间', run.computedAt]);
  method.addRow(['上年排名来源', { run: '上年保存的评价结果', computed: '按本方案计算上年数据', none: '无' }[run.previousRanksFrom]]);
  method.addRow(['数据来源', `原始存储 ${run.origins.stored} 项，下级汇总 ${run.origins.rolledUp} 项，比率推算 ${run.origins.derived} 项`]);
  for (const n of run.result.method.notes) method.addRow(['规则', n]);
  styleSheet(method, [16, 100]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
