import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.ts';

const targets = (text: string) => extractPlan(text).targets;
const values = (text: string) => targets(text).map((t) => `${t.value}${t.valueMax ? `-${t.valueMax}` : ''}${t.unit}`);

describe('targets', () => {
  it('reads comparator, qualifier, kind, normalised value and indicator code', () => {
    const [a, b, c] = targets(
      '2021年某市工作要点\n力争技术合同成交额达到35亿元以上，高新技术企业净增180家，研发经费投入强度提高到2.5%左右。',
    );
    expect(a).toMatchObject({
      value: 35,
      unit: '亿元',
      normalized: { value: 350000, unit: '万元' },
      comparator: '达到',
      qualifier: '以上',
      kind: 'level',
      indicator: { name: '技术合同成交额', code: 'tech_contract_turnover' },
      targetYear: 2021,
    });
    expect(b).toMatchObject({ value: 180, kind: 'increment', comparator: '净增', indicator: { code: 'hnte_count' } });
    expect(c).toMatchObject({ value: 2.5, unit: '%', kind: 'share', qualifier: '左右', indicator: { code: 'rd_intensity' } });
  });

  it('splits several values in one clause and carries the verb over', () => {
    expect(values('高新技术企业净增180家，总数突破600家。')).toEqual(['180家', '600家']);
    const both = targets('高新技术企业和科技型中小企业分别超过90家和870家。');
    expect(both.map((t) => [t.value, t.indicator.name, t.indicator.code])).toEqual([
      [90, '高新技术企业', 'hnte_count'],
      [870, '科技型中小企业', 'tech_sme_count'],
    ]);
    const t = targets('新增省级重点实验室18家、工程中心7家。');
    expect(t.map((x) => [x.value, x.comparator, x.kind])).toEqual([
      [18, '新增', 'increment'],
      [7, '新增', 'increment'],
    ]);
  });

  it('reads ranges and Chinese numerals', () => {
    expect(values('新增孵化器8-10家，引进团队三十个，培育两家龙头企业，增长百分之二十。')).toEqual(['8-10家', '30个', '2家', '20%']);
  });

  it('reads growth and share kinds and 个百分点', () => {
    expect(targets('高新技术产业增加值增长12%，占GDP比重达到25%，较上年提高1.5个百分点。').map((t) => t.kind)).toEqual([
      'growth',
      'share',
      'increment',
    ]);
  });

  it('gives each target the year it is set for', () => {
    const t = targets('2023年某市三年行动方案\n到2025年，高新技术企业达到500家；到2027年，突破800家。');
    expect(t.map((x) => x.targetYear)).toEqual([2025, 2027]);
  });

  it('leaves a list number out of the quote and the indicator, and measures 比上年 against the indicator before', () => {
    const t = targets('一、目标任务\n1．全县高新技术企业数量力争达到45家，比上年增加8家。\n2．技术合同登记金额5000万元。');
    expect(t.map((x) => [x.quote, x.indicator.name, x.indicator.code, x.kind])).toEqual([
      ['全县高新技术企业数量力争达到45家', '高新技术企业数量', 'hnte_count', 'level'],
      ['比上年增加8家', '高新技术企业数量', 'hnte_count', 'increment'],
      ['技术合同登记金额5000万元', '技术合同登记金额', 'tech_contract_turnover', 'level'],
    ]);
  });

  it('reads compound measure words', () => {
    expect(values('开展政策宣讲活动不少于10场次，培训技术经纪人200人次。')).toEqual(['10场次', '200人次']);
  });

  it('reads 指标：值 lists and verb-less achievements in a summary', () => {
    const plan = targets('二、主要目标\n（一）高新技术企业数：500家\n（二）技术合同成交额：30亿元');
    expect(plan.map((t) => [t.value, t.indicator.name, t.indicator.code])).toEqual([
      [500, '高新技术企业数', 'hnte_count'],
      [30, '技术合同成交额', 'tech_contract_turnover'],
    ]);
    const summary = targets('某县2023年科技工作总结\n一、主要成效\n高新技术企业总数86家，技术合同成交额6.5亿元。');
    expect(summary.map((t) => [t.value, t.kind])).toEqual([
      [86, 'actual'],
      [6.5, 'actual'],
    ]);
  });

  it('reads a rank', () => {
    expect(targets('创新综合考评排名进入全省第5位。')[0]).toMatchObject({ value: 5, unit: '位', kind: 'rank' });
  });

  it('quotes the exact text at its offsets and names its section', () => {
    const text = '一、目标\n全市技术合同成交额达到35亿元。';
    const [t] = targets(text);
    expect(text.slice(t!.start, t!.end)).toBe(t!.quote);
    expect(t!.quote).toBe('全市技术合同成交额达到35亿元');
    expect(t!.sectionPath).toEqual(['一']);
  });

  describe('not targets', () => {
    it.each([
      ['document numbers and dates', '长政办发〔2021〕11号，2021年2月19日印发，有效期至2021年12月31日。'],
      ['slogans and names in quotes', '实施“三高四新”战略，确保“十四五”开好局，做好省“五个100”项目。'],
      ['product names with digits', '推动5G、3D打印和T40芯片应用，实施减负行动2.0。'],
      ['the indefinite 一', '打造一支过硬队伍，增设一处登记点，培育一批企业。'],
      ['a sum after 等', '瞄准核技术应用等14条优势产业链。'],
      ['descriptive counts without a commitment', '紧扣10大领域和20个产业链，迎接建党100周年。'],
      ['routine frequencies', '每季度召开1次调度会议。'],
      ['durations', '用3个月时间完成清理。'],
      ['policy amounts per beneficiary', '对新认定的高新技术企业给予最高20万元奖励，每家企业补贴10万元。'],
      ['firm-level specifications', '支持研发投入超过500万元的企业建设研发中心。'],
      ['十四五 written without quotes', '十四五期间，持续推进改革。'],
    ])('%s', (_what, text) => {
      expect(targets(text)).toEqual([]);
    });

    it('reports a baseline separately', () => {
      const d = extractPlan('截至2020年底，全市高新技术企业已达285家，力争2021年达到350家。');
      expect(d.targets.map((t) => t.value)).toEqual([350]);
      expect(d.baselines).toEqual([expect.objectContaining({ value: 285, unit: '家', year: 2020 })]);
    });
  });

  it('keeps a count after a firm-level specification and a per-year target', () => {
    expect(targets('培育年营业收入超过10亿元的科技型企业5家。').map((t) => [t.value, t.unit])).toEqual([[5, '家']]);
    expect(targets('每年新增高新技术企业20家以上。')[0]).toMatchObject({ value: 20, kind: 'increment', qualifier: '以上' });
  });

  it('reads 由…的320家增加到…的500家 as a baseline and a target', () => {
    const d = extractPlan('高新技术企业数由2022年的320家增加到2025年的500家。');
    expect(d.targets.map((t) => [t.value, t.targetYear, t.indicator.code])).toEqual([[500, 2025, 'hnte_count']]);
    expect(d.baselines.map((b) => b.value)).toEqual([320]);
  });

  it('marks achieved values in a year-end summary as actual, plans in it as targets', () => {
    const d = extractPlan('某市2023年工作总结\n一、工作成效\n全年新增高新技术企业52家。\n二、2024年工作计划\n新增高新技术企业60家。');
    expect(d.kind).toBe('summary');
    expect(d.targets.map((t) => [t.value, t.kind, t.targetYear])).toEqual([
      [52, 'actual', 2023],
      [60, 'increment', 2024],
    ]);
  });
});
