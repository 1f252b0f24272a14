import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, makeZip } from '../test/builders.ts';
import { ImportError, type ImportErrorCode } from './errors.ts';
import { extractPlan } from './extract-plan.ts';
import { readDocument } from './read-document.ts';
import { reflowWrappedLines } from './reflow.ts';

async function codeOf(p: Promise<unknown>): Promise<ImportErrorCode | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
}

const plan = ['2022年示范市科技工作要点', '一、工作目标', '高新技术企业净增50家，技术合同成交额达到20亿元。', '二、重点任务'];

describe('readDocument', () => {
  it('reads a .docx, tables included, and the draft comes out of it', async () => {
    const bytes = makeDocx([...plan, ['序号', '工作任务', '牵头单位', '配合单位'], ['1', '新增省级重点实验室2家', '市科技局', '市财政局']]);
    const text = await readDocument(bytes, 'plan.docx');
    expect(text).toContain('高新技术企业净增50家');
    expect(text).toContain('1\t新增省级重点实验室2家\t市科技局\t市财政局');
    const draft = extractPlan(text);
    expect(draft.targets.map((t) => [t.value, t.unit])).toEqual([
      [50, '家'],
      [20, '亿元'],
      [2, '家'],
    ]);
    expect(draft.tasks).toEqual([expect.objectContaining({ number: '1', leadUnits: ['市科技局'], coUnits: ['市财政局'] })]);
  });

  it('reads the text layer of a .pdf', async () => {
    const text = await readDocument(makePdf(['Science and technology plan 2022', 'Target 35 percent']), 'plan.pdf');
    expect(text).toContain('Science and technology plan 2022');
  });

  it('rejoins lines a PDF wrapped at the page width, but not headings', () => {
    const wrapped = [
      '二、主要目标',
      '全市高新技术企业净增180家，技术合同成交额达到',
      '35亿元；科技型中小企业突破700家，研发投入强度',
      '达到2.2%。',
      '三、重点任务',
      '1.培育创新主体。',
    ];
    expect(reflowWrappedLines(wrapped.join('\n'))).toBe(
      '二、主要目标\n全市高新技术企业净增180家，技术合同成交额达到35亿元；科技型中小企业突破700家，研发投入强度达到2.2%。\n三、重点任务\n1.培育创新主体。',
    );
  });

  it('says a PDF without a text layer is a scan', async () => {
    expect(await codeOf(readDocument(makePdf([]), 'scan.pdf'))).toBe('import/scanned_pdf');
  });

  it('detects GB18030 text', async () => {
    // 科技局一、二是 in GB18030.
    const gbk = Buffer.from('bfc6bcbcbed6d2bba1a2b6fecac7', 'hex');
    expect(await readDocument(gbk, 'plan.txt')).toBe('科技局一、二是');
  });

  it('decodes a GB2312 web page by its meta charset', async () => {
    const page = Buffer.from(
      '3c68746d6c3e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d22746578742f68746d6c3b20636861727365743d676232333132223e3c2f686561643e3c626f64793e3c64697620636c6173733d226e6176223ecad7d2b33c2f6469763e3c6469762069643d227a6f6f6d223e3c703ed2bba1a2b9a4d7f7c4bfb1ea3c2f703e3c703ed0c2d4f6b8dfd0c2bcbccaf5c6f3d2b53230bcd2a1a33c2f703e3c2f6469763e3c2f626f64793e3c2f68746d6c3e',
      'hex',
    );
    expect(await readDocument(page, 'page.htm')).toBe('一、工作目标\n新增高新技术企业20家。');
  });

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    expect(await readDocument(Buffer.from('\uFEFF第一行\r\n\r\n　　第二行  \r\n'), 'a.txt')).toBe('第一行\n第二行');
  });

  it('keeps the article of a saved web page and drops its navigation and footer', async () => {
    const html = `<html><body><ul class="nav"><li>首页</li><li>政务公开</li></ul><div class="crumb">当前位置：首页 &gt; 通知</div>
      <div class="article"><h1>某县2023年科技工作要点</h1><p>一、目标</p><p>新增高新技术企业10家&amp;以上。</p></div>
      <div class="footer">版权所有 电话 0731-1234567</div></body></html>`;
    expect(await readDocument(Buffer.from(html), 'page.html')).toBe('某县2023年科技工作要点\n一、目标\n新增高新技术企业10家&以上。');
  });

  describe('bad input gives an ImportError with a code, never a crash', () => {
    const bomb = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(150 * 1024 * 1024) }]);
    const liar = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(150 * 1024 * 1024), declaredSize: 1000 }]);
    const docx = makeDocx(plan);
    const pdf = makePdf(['Plan']);
    const cases: [string, Uint8Array, string, ImportErrorCode][] = [
      ['an empty file', new Uint8Array(0), 'empty.docx', 'import/empty'],
      ['a text file of blanks', Buffer.from(' \n \n'), 'blank.txt', 'import/empty'],
      ['binary garbage named .txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'x.txt', 'import/corrupt'],
      ['binary garbage named .docx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)), 'x.docx', 'import/corrupt'],
      ['a truncated docx', docx.subarray(0, Math.floor(docx.length / 2)), 't.docx', 'import/corrupt'],
      [
        'a docx with a broken document.xml',
        makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document') }]),
        'b.docx',
        'import/corrupt',
      ],
      ['a truncated pdf', pdf.subarray(0, 60), 't.pdf', 'import/corrupt'],
      ['a zip bomb (declared size)', bomb, 'bomb.docx', 'import/zip_bomb'],
      ['a zip bomb that lies about its size', liar, 'liar.docx', 'import/zip_bomb'],
      ['a 30 MB file', Buffer.alloc(30 * 1024 * 1024, 0x41), 'big.txt', 'import/too_large'],
      ['a PDF named .docx', pdf, 'plan.docx', 'import/unsupported_type'],
      ['a docx named .pdf', docx, 'plan.pdf', 'import/unsupported_type'],
      ['a docx named .txt', docx, 'plan.txt', 'import/unsupported_type'],
      ['a spreadsheet', Buffer.from('a,b'), 'plan.xlsx', 'import/unsupported_type'],
      ['an old binary .doc', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 'plan.docx', 'import/unsupported_type'],
    ];
    for (const [what, bytes, name, code] of cases) {
      it(`refuses ${what} with ${code}`, async () => {
        expect(await codeOf(readDocument(bytes, name))).toBe(code);
      });
    }

    it('gives a one-line zh-CN message', async () => {
      const e = await readDocument(new Uint8Array(0), 'a.txt').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ImportError);
      expect((e as Error).message).toMatch(/^[^\n]*[\u4e00-\u9fa5][^\n]*$/);
    });
  });
});
