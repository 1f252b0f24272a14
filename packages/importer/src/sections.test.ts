import { describe, expect, it } from 'vitest';
import type { TSection } from './draft.ts';
import { extractPlan } from './extract-plan.ts';

type Outline = [string, string, Outline[]?];
const outline = (s: TSection[]): Outline[] =>
  s.map((n) => (n.children.length ? [n.number, n.title, outline(n.children)] : [n.number, n.title]));
const tree = (text: string) => outline(extractPlan(text).sections);

describe('section numbering styles', () => {
  it('nests 一、 > （一） > 1. > （1） > ①', () => {
    const text = [
      '一、总体要求',
      '二、重点任务',
      '（一）培育主体',
      '1.实施倍增计划。正文',
      '（1）后备库。正文',
      '①入库。正文',
      '②评价。正文',
      '（2）认定。',
      '2.强化服务',
      '（二）建设平台',
      '三、保障措施',
    ].join('\n');
    expect(tree(text)).toEqual([
      ['一', '总体要求'],
      [
        '二',
        '重点任务',
        [
          [
            '（一）',
            '培育主体',
            [
              [
                '1',
                '实施倍增计划',
                [
                  [
                    '（1）',
                    '后备库',
                    [
                      ['①', '入库'],
                      ['②', '评价'],
                    ],
                  ],
                  ['（2）', '认定'],
                ],
              ],
              ['2', '强化服务'],
            ],
          ],
          ['（二）', '建设平台'],
        ],
      ],
      ['三', '保障措施'],
    ]);
  });

  it('reads ASCII parentheses (一) and 1、', () => {
    expect(tree('(一)第一组\n1、甲\n2、乙\n(二)第二组\n1、丙')).toEqual([
      [
        '(一)',
        '第一组',
        [
          ['1', '甲'],
          ['2', '乙'],
        ],
      ],
      ['(二)', '第二组', [['1', '丙']]],
    ]);
  });

  it('reads 第X条 articles and 第X章 chapters', () => {
    expect(
      tree(
        '第一章 总则\n第一条 为推动创新，制定本方案。\n第二条 本方案适用于全市。\n第二章 目标\n第三条 到2025年，高新技术企业达到500家。',
      ),
    ).toEqual([
      [
        '第一章',
        '总则',
        [
          ['第一条', '为推动创新，制定本方案'],
          ['第二条', '本方案适用于全市'],
        ],
      ],
      ['第二章', '目标', [['第三条', '到2025年，高新技术企业达到500家']]],
    ]);
  });

  it('leaves a trailing ； out of a heading and reads 6.人才 as a heading, not a count', () => {
    expect(
      tree('某市工作要点\n一、目标\n（一）新增企业20家；\n（二）引进人才10名。\n二、任务\n1.平台建设。建平台3个。\n2.人才引育。引进5人。'),
    ).toEqual([
      [
        '一',
        '目标',
        [
          ['（一）', '新增企业20家'],
          ['（二）', '引进人才10名'],
        ],
      ],
      [
        '二',
        '任务',
        [
          ['1', '平台建设'],
          ['2', '人才引育'],
        ],
      ],
    ]);
  });

  it('reads unnumbered genre headings on their own line', () => {
    expect(tree('某市工作要点\n指导思想\n正文。\n主要目标\n正文。\n重点任务\n1.甲任务。\n2.乙任务。\n保障措施\n正文。')).toEqual([
      ['', '指导思想'],
      ['', '主要目标'],
      [
        '',
        '重点任务',
        [
          ['1', '甲任务'],
          ['2', '乙任务'],
        ],
      ],
      ['', '保障措施'],
    ]);
  });

  it('splits a body written as 一是…二是…三是… into items', () => {
    expect(tree('1、做强主体。一是培育企业，新增10家；二是建设平台。三是引进人才。')).toEqual([
      [
        '1',
        '做强主体',
        [
          ['一是', '培育企业，新增10家'],
          ['二是', '建设平台'],
          ['三是', '引进人才'],
        ],
      ],
    ]);
  });

  it('splits a body written as 第一，…第二，… and reads 1) numbering', () => {
    expect(tree('1) 做强主体。第一，培育企业；第二，建设平台。\n2) 优化服务')).toEqual([
      [
        '1',
        '做强主体',
        [
          ['第一', '培育企业'],
          ['第二', '建设平台'],
        ],
      ],
      ['2', '优化服务'],
    ]);
  });

  it('does not take 统一是 or a lone 一是 for items', () => {
    expect(tree('1、做强主体。标准统一是关键，二是不算。')).toEqual([['1', '做强主体']]);
  });

  it('reads task-table rows as sections under the heading before the table', () => {
    const text =
      '二、任务清单\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t新增高企20家\t市科技局\t各区\t12月底\n2\t建设孵化器\t高新区\t\t6月底';
    expect(tree(text)).toEqual([
      [
        '二',
        '任务清单',
        [
          ['1', '新增高企20家'],
          ['2', '建设孵化器'],
        ],
      ],
    ]);
    const text2 = '任务\n| 序号 | 工作任务 | 责任单位 |\n| 1 | 实施专项 | 市科技局 |';
    expect(extractPlan(text2).tasks[0]).toMatchObject({ number: '1', title: '实施专项', leadUnits: ['市科技局'] });
  });

  it('treats a number out of sequence or a quantity as body text', () => {
    expect(tree('一、目标\n2.5%的强度要保持。\n7.这一行不是标题\n二、任务')).toEqual([
      ['一', '目标'],
      ['二', '任务'],
    ]);
  });

  it('gives spans that cover each section', () => {
    const text = '一、甲\n正文一。\n二、乙\n正文二。';
    const [a, b] = extractPlan(text).sections;
    expect(text.slice(a!.start, a!.end)).toBe('一、甲\n正文一。');
    expect(text.slice(b!.start, b!.end)).toBe('二、乙\n正文二。');
  });
});
