import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('writes the numbers of Word automatic lists back, one style per depth', () => {
    const html = '<p>三、重点任务</p><ol><li>培育主体。<ol><li>甲</li><li>乙</li></ol></li><li>建设平台。</li></ol>';
    expect(htmlToText(html, { findArticle: false })).toBe('三、重点任务\n1.培育主体。\n（1）甲\n（2）乙\n2.建设平台。');
  });

  it('lays a table row out as tab-separated cells', () => {
    const html = '<table><tr><th>序号</th><th>工作任务</th></tr><tr><td>1</td><td><p>新增</p><p>高企</p></td></tr></table>';
    expect(htmlToText(html, { findArticle: false })).toBe('序号\t工作任务\n1\t新增 高企');
  });
});
