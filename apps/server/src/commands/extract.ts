import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractPlan, maxInputBytes, readDocument, type TPlanDraft } from '@kechuang/importer';
import { createRegionResolver } from '@kechuang/importer/region-resolver';
import { Command } from 'commander';

const kindLabel: Record<string, string> = {
  level: '总量',
  increment: '增量',
  growth: '增速',
  share: '占比',
  rank: '排名',
  actual: '实际完成',
};

function countSections(sections: TPlanDraft['sections']): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

function summary(draft: TPlanDraft): string {
  const region = draft.region ? `${draft.region.name}${draft.region.code ? `（${draft.region.code}）` : ''}` : '未识别';
  const lines = [
    `标题：${draft.title || '未识别'}`,
    `文号：${draft.docNumber ?? '无'}`,
    `地区：${region}`,
    `年度：${draft.period ? `${draft.period.from}—${draft.period.to}` : (draft.year ?? '未识别')}`,
    `类型：${draft.kind === 'summary' ? '年度总结' : '工作计划'}`,
    `章节：${countSections(draft.sections)} 个；任务：${draft.tasks.length} 项；目标：${draft.targets.length} 个；基数：${draft.baselines.length} 个`,
  ];
  for (const t of draft.targets) {
    const value = `${t.value}${t.valueMax !== null ? `-${t.valueMax}` : ''}${t.unit}${t.qualifier ?? ''}`;
    lines.push(`  [${t.sectionPath.join('/')}] ${t.indicator.name} ${value}（${kindLabel[t.kind] ?? t.kind}，${t.targetYear ?? '—'}年）`);
  }
  return lines.join('\n');
}

/** `kechuang extract FILE [--json] [--text]`: reads a plan document and prints the draft the importer builds. */
export function extractCommand() {
  return new Command('extract')
    .description('从工作要点文档（.docx、.pdf、.html、.txt）提取计划草稿')
    .argument('<file>', '文档路径')
    .option('--json', '以 JSON 输出草稿')
    .option('--text', '输出提取出的正文（草稿中的偏移量以此为准）')
    .action(async (file: string, opts: { json?: boolean; text?: boolean }) => {
      let bytes: Buffer;
      try {
        // Check the size before reading, so a huge file is refused without loading it.
        if ((await stat(file)).size > maxInputBytes) {
          await readDocument(new Uint8Array(maxInputBytes + 1), path.basename(file));
        }
        bytes = await readFile(file);
      } catch (e) {
        if (e instanceof Error && e.name === 'ImportError') throw e;
        throw new Error(`无法读取文件：${file}`);
      }
      // ImportError carries a one-line zh-CN message; cli.ts prints it after 错误： and exits 1.
      const text = await readDocument(bytes, path.basename(file));
      if (opts.text) {
        process.stdout.write(`${text}\n`);
        return;
      }
      const draft = extractPlan(text, { resolveRegion: createRegionResolver() });
      process.stdout.write(opts.json ? `${JSON.stringify(draft, null, 2)}\n` : `${summary(draft)}\n`);
    });
}
