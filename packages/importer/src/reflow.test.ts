import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.ts';
import { readDocument } from './read-document.ts';
import { joinBrokenLines } from './reflow.ts';

// Kind: hard line wrap. Text copied from a PDF or a web page breaks lines where the page ended, not where the writer did.
describe('lines broken where the writer did not break them', () => {
  it('rejoins a number or a unit broken across lines', () => {
    expect(joinBrokenLines('全年培养技术经理人3\n5名，其中高级1\n2名。')).toBe('全年培养技术经理人35名，其中高级12名。');
    expect(joinBrokenLines('研发投入强度达到3.\n06%，孵化面积达到4.5万\n平方米。')).toBe(
      '研发投入强度达到3.06%，孵化面积达到4.5万平方米。',
    );
    expect(joinBrokenLines('新建实验室7\n家、中试基地2\n个。')).toBe('新建实验室7家、中试基地2个。');
  });

  it('rejoins running text broken in a clause', () => {
    expect(joinBrokenLines('（二）推动转化。组织路演活动，举办成果\n对接会9场以上。\n三、保障措施')).toBe(
      '（二）推动转化。组织路演活动，举办成果对接会9场以上。\n三、保障措施',
    );
  });

  it('leaves titles, headings, closed sentences, header fields and table rows apart', () => {
    const text = [
      '某县科学技术局',
      '2026年工作要点',
      '发布日期: 2026-02-13',
      '2026年，全县科技工作以建设创新型县为目标。',
      '一、发展目标，重点任务',
      '新增企业6家，引进人才',
      '1.建设平台。',
      '序号\t任务\t牵头单位',
      '1\t建设平台\t科技局',
      '联系人：王五，电话：0731-8888666',
      '2026年2月13日',
    ].join('\n');
    expect(joinBrokenLines(text)).toBe(text);
  });

  it('keeps bullets apart, and a web page’s list items apart while rejoining its broken numbers', async () => {
    expect(joinBrokenLines('新增企业10家，引进人才\n• 建设平台3个')).toBe('新增企业10家，引进人才\n• 建设平台3个');
    const page =
      '<html><body><h1>某县2026年科技工作要点</h1><ul><li>新增企业10家，引进人才5名</li><li>建设平台3个</li></ul><p>新增孵化器1<br>2家。</p></body></html>';
    expect(await readDocument(Buffer.from(page), 'page.html')).toBe(
      '某县2026年科技工作要点\n新增企业10家，引进人才5名\n建设平台3个\n新增孵化器12家。',
    );
  });

  it('reads a wrapped plain-text document as the writer wrote it', async () => {
    const text = await readDocument(
      Buffer.from('某市2026年科技工作要点\n一、目标\n全市引进高层次人才2\n0名，技术合同成交额突\n破4\n5亿元。'),
      'plan.txt',
    );
    expect(extractPlan(text).targets.map((t) => `${t.value}${t.unit}`)).toEqual(['20名', '45亿元']);
  });
});
