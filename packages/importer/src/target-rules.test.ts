import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.ts';

// Invented sentences, one rule each; none is taken from the corpus or the seeds.
const read = (text: string) => extractPlan(text);
const got = (text: string) => read(text).targets.map((t) => `${t.value}${t.unit} ${t.kind}`);

describe('activity counts and agreements', () => {
  it('reads events, agreements, joint platforms, services and standards as targets', () => {
    expect(
      got(
        '某县2026年科技工作要点\n一、重点工作\n组织产需对接会14场，签订技术转让合同9项，与高校共建中试基地2个，促成校企合作35项，制定团体标准6项，兑现奖补资金800万元。',
      ),
    ).toEqual(['14场 level', '9项 level', '2个 level', '35项 level', '6项 level', '800万元 level']);
  });

  it('reads an approximate count (10余场, 30多家) with 余/多 as its qualifier', () => {
    const t = read('某县2026年科技工作要点\n举办科普讲座20余场，走访企业30多家，争取资金100多万元。').targets;
    expect(t.map((x) => [x.value, x.unit, x.qualifier])).toEqual([
      [20, '场', '余'],
      [30, '家', '多'],
      [100, '万元', '多'],
    ]);
  });

  it('reads an increment verb with a bound after it as an increment (新建…不少于N), a bound alone as a level', () => {
    expect(got('某市2026年科技工作要点\n新认定技术先进型服务企业不少于12家，科技企业总数超过900家。')).toEqual([
      '12家 increment',
      '900家 level',
    ]);
  });

  it('reads 走访 with a count as a target', () => {
    expect(got('某县2026年科技工作要点\n深入园区走访科技型企业260家。')).toEqual(['260家 level']);
  });

  it('reads 新设 and 新设立 as increments', () => {
    expect(got('某县2026年科技工作要点\n新设企业研发中心7个，新设立专家工作站2家。')).toEqual(['7个 increment', '2家 increment']);
  });

  it('reads 提供 with an amount as a target', () => {
    expect(got('某县2026年科技工作要点\n为中小企业提供知识产权质押融资3亿元。')).toEqual(['3亿元 level']);
  });

  it('reads a verbless value that closes its clause with 以上 as a level, not one that leads into a noun', () => {
    expect(got('某县2026年科技工作要点\n开展科普进校园活动，全年参与学生2万人次以上。')).toEqual(['2万人次 level']);
    expect(got('某县2026年科技工作要点\n全县营收1亿元以上企业研发机构全覆盖。')).toEqual([]);
  });

  it('does not take 组织领导 for the verb', () => {
    expect(got('某县2026年科技工作要点\n加强组织领导3人小组的作用。')).toEqual([]);
  });
});

describe('rank targets', () => {
  it('reads 前N位 and 第N位 after a ranking word as kind rank, comparator ≤, value N', () => {
    const t = read('某市2026年科技工作要点\n一、目标\n科技创新考评排名跻身全省前8位，研发投入强度保持全省第四名。').targets;
    expect(t.map((x) => [x.value, x.unit, x.kind, x.comparator, x.normalized])).toEqual([
      [8, '位', 'rank', '≤', { value: 8, unit: '位' }],
      [4, '名', 'rank', '≤', { value: 4, unit: '位' }],
    ]);
  });

  it('reads 第一位 as a rank, not as the indefinite 一', () => {
    expect(got('某市2026年科技工作要点\n综合创新指数稳居全省第一位。')).toEqual(['1位 rank']);
  });

  it('leaves a rank that conditions an award or a sanction, and 第N without a ranking word', () => {
    expect(got('某市2026年科技工作要点\n对考评排名前5位的园区给予表扬，对排名后3位的园区约谈；完成第3批项目验收。')).toEqual([]);
  });

  it('reads a position without its measure word as N 位', () => {
    expect(got('某市2026年科技工作要点\n高企数量排名力争进入全省前十，成果转化指标稳居全省第二。')).toEqual(['10位 rank', '2位 rank']);
  });

  it('reads a ranking named by its region, with the spaces of a PDF export (全省第 9, 全市第一)', () => {
    expect(got('某市科技局2025年工作总结\n一、工作成效\n研发费用增速 21.5%，全省第 9；孵化器数量全市第一。')).toEqual([
      '21.5% actual',
      '9位 actual',
      '1位 actual',
    ]);
    expect(got('某市2026年科技工作要点\n举办全市第一届创新大赛，组织第 3批项目验收。')).toEqual([]);
  });

  it('reads an achieved rank in a summary as actual', () => {
    expect(got('某市科技局2025年工作总结\n一、工作成效\n高新技术企业增速居全省第二位。')).toEqual(['2位 actual']);
  });
});

describe('counts that are not targets', () => {
  it('leaves counts over a list of policies or measures', () => {
    expect(got('某市2026年科技工作要点\n出台人才新政共20条，落实惠企的9项政策，新增孵化器3家。')).toEqual(['3家 increment']);
    expect(got('某市科技局2025年工作总结\n一、工作成效\n印发《科技金融十条》等配套文件4个，新增孵化器3家。')).toEqual(['3家 actual']);
  });

  it('leaves a milestone restated in words', () => {
    expect(got('某市科技局2025年工作总结\n一、工作成效\n技术合同成交额达到112亿元，首次突破百亿元大关。')).toEqual(['112亿元 actual']);
  });

  it('leaves the size of the thing meant', () => {
    expect(got('某市2026年科技工作要点\n设立规模5亿元的天使投资基金，带动社会投资20亿元以上的产业基金集群，引进团队6个。')).toEqual([
      '6个 level',
    ]);
  });
});

describe('the kind follows the sentence', () => {
  const summary = [
    '某区科技局2025年工作总结',
    '一、2025年工作成效',
    '全区新增高新技术企业41家，总数达到389家，2024年底为348家；实施“揭榜挂帅”计划项目12项。',
    '2024年底，全区科技型中小企业为520家。',
    '截至2025年底，省级以上平台达到66个，比2024年底的58个增加8个。',
    '二、2026年工作计划',
    '力争新增高新技术企业45家，技术合同成交额突破30亿元。',
  ].join('\n');

  it('reads achieved values as actual, earlier year-ends as baselines, and the coming year as targets', () => {
    const d = read(summary);
    expect(d.targets.map((t) => `${t.value}${t.unit} ${t.kind}`)).toEqual([
      '41家 actual',
      '389家 actual',
      '12项 actual',
      '66个 actual',
      '8个 actual',
      '45家 increment',
      '30亿元 level',
    ]);
    expect(d.baselines.map((b) => `${b.value}${b.unit}`)).toEqual(['348家', '520家', '58个']);
  });

  it('reads a verbless value in a summary’s report as actual', () => {
    expect(got('某区科技局2025年工作总结\n一、工作成效\n规上企业研发费用 18.2 亿元，技术交易额 6.4 亿元。')).toEqual([
      '18.2亿元 actual',
      '6.4亿元 actual',
    ]);
  });

  it('reads a plan’s review of the year before as baselines', () => {
    const d = read('某县2026年科技工作要点\n一、2025年工作回顾\n全县高新技术企业达到96家。\n二、2026年目标\n高新技术企业达到110家。');
    expect(d.targets.map((t) => `${t.value}${t.unit} ${t.kind}`)).toEqual(['110家 level']);
    expect(d.baselines.map((b) => b.value)).toEqual([96]);
  });

  it('reads a section that reports results as achieved in a document titled as a plan', () => {
    const d = read(
      '某县2026年科技工作要点\n一、2026年一季度工作进展情况\n新增科技型中小企业30家。\n二、下一步工作\n新增科技型中小企业100家。',
    );
    expect(d.targets.map((t) => `${t.value}${t.unit} ${t.kind}`)).toEqual(['30家 actual', '100家 increment']);
  });
});
