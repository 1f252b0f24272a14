import type { TPlanProgress, TTaskProgress } from '@kechuang/contracts';
import { readDocument } from '@kechuang/importer';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cnNumber } from './bulletin-content.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { sampleTask } from './bulletin-sample.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

const task = (i: number, status: TTaskProgress['status']) => sampleTask(i, status);

function progress(n: number): TPlanProgress {
  const tasks = [task(0, 'done'), ...Array.from({ length: n }, (_, i) => task(i + 1, 'severely_lagging'))];
  const counts = { unassigned: 0, not_started: 0, done: 1, on_track: 0, lagging: 0, severely_lagging: n, overdue_unreported: 0 };
  return {
    planId: 1,
    title: '某市2026年科技工作要点',
    regionCode: '430400',
    year: 2026,
    asOf: '2026-06-30',
    status: 'severely_lagging',
    completion: 12.5,
    counts,
    tasks,
    sections: [],
    targets: [],
    units: [{ orgId: 1, name: '耒阳市人民政府', tasks: n + 1, lagging: n, slotsDue: 6, slotsOnTime: 3, onTimeRate: 0.5 }],
  };
}
const input = (n: number) => ({
  issuer: '某市科学技术局',
  docNumber: '某科通〔2026〕1号',
  title: '关于上半年进展情况的通报',
  periodLabel: '2026年上半年',
  progress: progress(n),
  issuedOn: '2026-07-02',
});

describe('bulletin renderers', () => {
  it('numbers sections in Chinese', () => {
    expect([1, 5, 10, 12, 20, 25].map(cnNumber)).toEqual(['一', '五', '十', '十二', '二十', '二十五']);
  });

  it('names at most 100 lagging items in the document, pointing to the workbook for the rest, which lists all', async () => {
    const text = await readDocument(new Uint8Array(await renderBulletinDocx(input(120))), 'b.docx');
    expect(text).toContain('本期滞后或逾期未报任务共 120 项，以下列出最需关注的 100 项');
    expect(text).toContain('（1）第1项任务（牵头单位：耒阳市）：严重滞后。已过时间 40%，最新报送完成 10%，落后 30 个百分点 ≥ 30。');
    expect(text).toContain('（100）');
    expect(text).not.toContain('（101）');
    expect(text).toContain('耒阳市人民政府存在未按时报送进展的情况');
    expect(text).toContain('本计划未设置量化指标。');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderBulletinXlsx(input(120))) as unknown as ArrayBuffer);
    expect(book.getWorksheet('任务进展')?.rowCount).toBe(2 + 121);
    expect(book.getWorksheet('单位报送')?.getRow(3).values).toEqual([undefined, '耒阳市人民政府', 121, 120, 6, 3, 50]);
  });

  it('leaves sections without tasks out of the document and says how many tasks are unassigned', async () => {
    const p = progress(1);
    p.counts = { ...p.counts, unassigned: 48 };
    p.sections = [
      {
        nodeId: 10,
        number: '一、',
        title: '指导思想',
        status: 'not_started',
        completion: 0,
        counts: { ...p.counts, done: 0, severely_lagging: 0, unassigned: 0 },
      },
      { nodeId: 11, number: '二、', title: '强化科技创新主体', status: 'severely_lagging', completion: 50, counts: p.counts },
    ];
    const text = await readDocument(new Uint8Array(await renderBulletinDocx({ ...input(1), progress: p })), 'b.docx');
    expect(text).toContain('共分解任务 50 项，其中已明确牵头单位 2 项、尚未分工 48 项（未分工任务不计入进度）');
    expect(text).not.toContain('指导思想');
    expect(text).not.toContain('暂无任务');
    expect(text).toContain('（一）强化科技创新主体');
  });
});
