import type { TExpertStatus } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { replaceEmployments, replaceRelations, replaceUnavailable } from '../expert/expert.repository.ts';

/*
 * Demo 评审专家库: about forty experts kept by the 衡阳 bureau and its counties (430400) and by the
 * neighbouring cities (长沙, 株洲, 湘潭, 邵阳, 郴州, 永州, 娄底), with 学科 codes around the demo calls (460
 * 机械, 490 核, 520 计算机, 510 电子, 430 材料, medicine, agriculture, management), current and past
 * employers, and a few relations and unavailable dates — enough for a draw of 5 + 2 with exclusions to show.
 * The demo `expert` account (陈专家, 南华大学) is linked to 陈立新, who declares a 师生 relation with the demo
 * applicant 欧阳核 and works where that application comes from. Names are invented; no identity numbers.
 * Runs inside the demo loader's transaction; returns the number of experts made.
 */

interface DemoExpert {
  name: string;
  gender: 'male' | 'female';
  title: string;
  region: string;
  employer: string;
  past?: [string, string, string][];
  disciplines: string[];
  industries: string[];
  specialty: string;
  status?: TExpertStatus;
  quota?: number;
}

const experts: DemoExpert[] = [
  // 衡阳: universities, hospitals, institutes and industry
  {
    name: '陈立新',
    gender: 'male',
    title: '教授',
    region: '430407',
    employer: '南华大学',
    past: [['中南大学', '2006-09-01', '2012-06-30']],
    disciplines: ['490.65', '490.75'],
    industries: ['M73'],
    specialty: '核安全与辐射防护、核素检测',
  },
  {
    name: '刘建国',
    gender: 'male',
    title: '教授',
    region: '430407',
    employer: '南华大学',
    disciplines: ['490.15', '510.10'],
    industries: ['C40'],
    specialty: '核探测技术与核电子学',
  },
  {
    name: '罗慧敏',
    gender: 'female',
    title: '研究员',
    region: '430407',
    employer: '南华大学',
    past: [['湖南大学', '2009-07-01', '2015-12-31']],
    disciplines: ['490.30', '430.40'],
    industries: ['C32'],
    specialty: '核材料与铀矿冶',
  },
  {
    name: '谢文涛',
    gender: 'male',
    title: '教授',
    region: '430408',
    employer: '湖南工学院',
    disciplines: ['460.20', '460.50'],
    industries: ['C34', 'C35'],
    specialty: '机械设计、智能制造装备',
  },
  {
    name: '彭志强',
    gender: 'male',
    title: '副教授',
    region: '430408',
    employer: '湖南工学院',
    past: [['衡阳华岳精密材料有限公司', '2011-03-01', '2017-08-31']],
    disciplines: ['460.25', '430.35'],
    industries: ['C33'],
    specialty: '精密加工与表面工程',
  },
  {
    name: '易晓燕',
    gender: 'female',
    title: '教授',
    region: '430405',
    employer: '衡阳师范学院',
    disciplines: ['520.20', '520.60'],
    industries: ['I65'],
    specialty: '机器学习、智慧教育',
  },
  {
    name: '邓光明',
    gender: 'male',
    title: '教授',
    region: '430405',
    employer: '衡阳师范学院',
    disciplines: ['150.25', '150.65'],
    industries: ['C26'],
    specialty: '分析化学、功能材料',
  },
  {
    name: '曾庆华',
    gender: 'male',
    title: '正高级工程师',
    region: '430408',
    employer: '衡阳衡山科学仪器有限公司',
    past: [['南华大学', '2003-07-01', '2010-02-28']],
    disciplines: ['535.10', '460.20'],
    industries: ['C40'],
    specialty: '光谱分析仪器研发',
  },
  {
    name: '胡海波',
    gender: 'male',
    title: '正高级工程师',
    region: '430472',
    employer: '衡阳高新区智能装备产业研究院',
    disciplines: ['460.50', '413.10'],
    industries: ['C34'],
    specialty: '工业机器人与自动化产线',
  },
  {
    name: '王雪梅',
    gender: 'female',
    title: '主任医师',
    region: '430407',
    employer: '南华大学附属第一医院',
    disciplines: ['320.24', '320.67'],
    industries: ['Q84'],
    specialty: '心血管内科、临床试验',
  },
  {
    name: '李振华',
    gender: 'male',
    title: '主任医师',
    region: '430406',
    employer: '衡阳市中心医院',
    disciplines: ['320.27', '416.60'],
    industries: ['Q84'],
    specialty: '骨科、医疗器械临床评价',
  },
  {
    name: '周丽',
    gender: 'female',
    title: '研究员',
    region: '430407',
    employer: '南华大学附属第二医院',
    disciplines: ['310.47', '350.35'],
    industries: ['C27'],
    specialty: '药理学、新药评价',
  },
  {
    name: '唐建军',
    gender: 'male',
    title: '研究员',
    region: '430422',
    employer: '衡阳市农业科学研究所',
    disciplines: ['210.30', '210.60'],
    industries: ['A01'],
    specialty: '水稻育种、病虫害绿色防控',
  },
  {
    name: '蒋红英',
    gender: 'female',
    title: '推广研究员',
    region: '430421',
    employer: '衡阳县农业农村局',
    disciplines: ['210.40', '550.20'],
    industries: ['A01', 'C13'],
    specialty: '油茶栽培与精深加工',
  },
  {
    name: '贺伟',
    gender: 'male',
    title: '高级工程师',
    region: '430481',
    employer: '耒阳湘南新能源电池科技有限公司',
    past: [['湘潭大学', '2012-07-01', '2018-05-31']],
    disciplines: ['480.40', '430.70'],
    industries: ['C38'],
    specialty: '锂电池正极材料',
  },
  {
    name: '廖春生',
    gender: 'male',
    title: '正高级工程师',
    region: '430482',
    employer: '常宁市水口山有色金属集团有限公司',
    disciplines: ['450.40', '610.30'],
    industries: ['C32'],
    specialty: '有色冶金与尾矿综合利用',
  },
  {
    name: '邹国平',
    gender: 'male',
    title: '高级会计师',
    region: '430400',
    employer: '衡阳市财政局',
    disciplines: ['630.40', '790'],
    industries: ['J66'],
    specialty: '项目经费预算审核、财务绩效',
  },
  {
    name: '杨帆',
    gender: 'female',
    title: '副研究员',
    region: '430400',
    employer: '衡阳市科学技术情报研究所',
    disciplines: ['630.35', '870'],
    industries: ['M75'],
    specialty: '科技管理、科技成果评价',
  },
  {
    name: '朱卫东',
    gender: 'male',
    title: '教授级高工',
    region: '430424',
    employer: '衡东县经济开发区管委会',
    disciplines: ['560.40', '620.30'],
    industries: ['E48'],
    specialty: '园区规划与安全生产',
  },
  {
    name: '钟志刚',
    gender: 'male',
    title: '副教授',
    region: '430408',
    employer: '湖南工学院',
    disciplines: ['520.40', '520.50'],
    industries: ['I65'],
    specialty: '工业软件、嵌入式系统',
    status: 'paused',
  },
  {
    name: '阳小红',
    gender: 'female',
    title: '教授',
    region: '430407',
    employer: '南华大学',
    disciplines: ['520.60', '330.21'],
    industries: ['I65', 'Q84'],
    specialty: '医疗大数据、智能随访',
    status: 'pending',
  },
  {
    name: '莫建平',
    gender: 'male',
    title: '研究员',
    region: '430426',
    employer: '祁东县黄花菜产业研究所',
    disciplines: ['210.45'],
    industries: ['A01', 'C13'],
    specialty: '黄花菜加工与保鲜',
    status: 'pending',
  },
  {
    name: '雷振宇',
    gender: 'male',
    title: '正高级工程师',
    region: '430412',
    employer: '衡阳市生态环境监测中心',
    disciplines: ['610.30', '610.20'],
    industries: ['N77'],
    specialty: '环境监测与污染治理',
    status: 'retired',
  },
  {
    name: '段玉兰',
    gender: 'female',
    title: '高级工程师',
    region: '430423',
    employer: '衡山县电力设备有限公司',
    disciplines: ['470.40', '510.10'],
    industries: ['C38', 'D44'],
    specialty: '变压器与电网设备',
  },
  // neighbouring cities
  {
    name: '黄立伟',
    gender: 'male',
    title: '教授',
    region: '430100',
    employer: '中南大学',
    disciplines: ['490.65', '490.20'],
    industries: ['M73'],
    specialty: '辐射防护与核监测',
  },
  {
    name: '吴敏',
    gender: 'female',
    title: '教授',
    region: '430100',
    employer: '湖南大学',
    past: [['南华大学', '2008-09-01', '2014-08-31']],
    disciplines: ['520.20', '520.10'],
    industries: ['I65'],
    specialty: '计算机视觉、模式识别',
  },
  {
    name: '徐永安',
    gender: 'male',
    title: '教授',
    region: '430100',
    employer: '中南大学',
    disciplines: ['460.25', '450.45'],
    industries: ['C34'],
    specialty: '高性能制造、轧制装备',
  },
  {
    name: '孙志红',
    gender: 'female',
    title: '研究员',
    region: '430100',
    employer: '湖南省农业科学院',
    disciplines: ['210.30', '180.31'],
    industries: ['A01'],
    specialty: '作物遗传育种',
  },
  {
    name: '马建新',
    gender: 'male',
    title: '教授',
    region: '430100',
    employer: '湖南大学',
    disciplines: ['510.30', '510.20'],
    industries: ['C39'],
    specialty: '功率半导体与光电子器件',
  },
  {
    name: '林晓峰',
    gender: 'male',
    title: '教授',
    region: '430200',
    employer: '湖南工业大学',
    disciplines: ['460.20', '460.50'],
    industries: ['C35', 'C37'],
    specialty: '轨道交通装备设计',
  },
  {
    name: '何丽娟',
    gender: 'female',
    title: '教授',
    region: '430200',
    employer: '湖南工业大学',
    disciplines: ['520.40', '413.20'],
    industries: ['I65'],
    specialty: '软件工程与信息安全',
  },
  {
    name: '田卫国',
    gender: 'male',
    title: '正高级工程师',
    region: '430200',
    employer: '株洲硬质合金研究院',
    disciplines: ['430.40', '450.40'],
    industries: ['C32'],
    specialty: '硬质合金与粉末冶金',
  },
  {
    name: '欧阳明',
    gender: 'male',
    title: '教授',
    region: '430300',
    employer: '湘潭大学',
    disciplines: ['490.30', '430.45'],
    industries: ['C30'],
    specialty: '核材料与先进陶瓷',
  },
  {
    name: '龙海燕',
    gender: 'female',
    title: '教授',
    region: '430300',
    employer: '湖南科技大学',
    disciplines: ['520.20', '460.50'],
    industries: ['I65', 'C34'],
    specialty: '智能制造与工业互联网',
  },
  {
    name: '石磊',
    gender: 'male',
    title: '教授',
    region: '430300',
    employer: '湘潭大学',
    disciplines: ['130.15', '460.15'],
    industries: ['C34'],
    specialty: '固体力学与结构优化',
  },
  {
    name: '覃玉梅',
    gender: 'female',
    title: '主任医师',
    region: '430300',
    employer: '湘潭市中心医院',
    disciplines: ['320.24', '330.21'],
    industries: ['Q84'],
    specialty: '内科学、慢病管理',
  },
  {
    name: '许文斌',
    gender: 'male',
    title: '教授',
    region: '430500',
    employer: '邵阳学院',
    disciplines: ['460.25', '470.30'],
    industries: ['C34', 'C36'],
    specialty: '汽车零部件制造',
  },
  {
    name: '曹建华',
    gender: 'male',
    title: '教授',
    region: '431000',
    employer: '湘南学院',
    disciplines: ['350.10', '360.40'],
    industries: ['C27'],
    specialty: '药物化学、中药资源',
  },
  {
    name: '陆晓东',
    gender: 'male',
    title: '正高级工程师',
    region: '431000',
    employer: '郴州有色金属研究所',
    disciplines: ['450.40', '440.40'],
    industries: ['B09'],
    specialty: '选矿与有色金属提取',
  },
  {
    name: '方静',
    gender: 'female',
    title: '教授',
    region: '431100',
    employer: '湖南科技学院',
    disciplines: ['520.60', '630.40'],
    industries: ['I64'],
    specialty: '电子商务与数字经济',
  },
  {
    name: '谭国庆',
    gender: 'male',
    title: '研究员',
    region: '431300',
    employer: '娄底市冶金研究院',
    disciplines: ['450.35', '430.40'],
    industries: ['C31'],
    specialty: '钢铁冶金与薄板加工',
  },
];

export async function loadDemoExperts(tx: Transaction<DB>, now: Date): Promise<{ experts: number }> {
  const bureauUser = await tx.selectFrom('app_user').select('id').where('username', '=', 'planner').executeTakeFirst();
  const expertUser = await tx.selectFrom('app_user').select('id').where('username', '=', 'expert').executeTakeFirst();
  const ids = new Map<string, number>();
  for (const e of experts) {
    const orgId = (await tx.selectFrom('organization').select('id').where('name', '=', e.employer).executeTakeFirst())?.id ?? null;
    const person = await tx
      .insertInto('person')
      .values({
        name: e.name,
        gender: e.gender,
        title: e.title,
        employer_org_id: orgId,
        employer_name: e.employer,
        discipline_codes: e.disciplines,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const status = e.status ?? 'active';
    const approved = status !== 'pending';
    const linked = e.name === '陈立新' ? (expertUser?.id ?? null) : null;
    const row = await tx
      .insertInto('expert')
      .values({
        person_id: person.id,
        region_code: e.region,
        title: e.title,
        discipline_codes: e.disciplines,
        industry_codes: e.industries,
        specialty: e.specialty,
        status,
        yearly_quota: e.quota ?? 20,
        user_id: linked,
        approved_by: approved ? (bureauUser?.id ?? null) : null,
        approved_at: approved ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(e.name, row.id);
    await replaceEmployments(tx, row.id, [
      { orgId, orgName: e.employer, fromDate: e.past?.[0]?.[2] ? nextDay(e.past[0][2]) : null, toDate: null },
      ...(e.past ?? []).map(([orgName, fromDate, toDate]) => ({ orgName, fromDate, toDate })),
    ]);
  }
  const id = (name: string) => ids.get(name) as number;
  await replaceRelations(tx, id('陈立新'), [
    { kind: 'mentor', personName: '欧阳核', note: '硕士研究生导师（2004–2007）', fromDate: '2004-09-01', toDate: '2007-06-30' },
    { kind: 'co_applicant', personName: '周光谱', note: '共同申报省重点研发项目', fromDate: '2022-01-01', toDate: '2024-12-31' },
  ]);
  await replaceUnavailable(tx, id('陈立新'), [
    { fromDate: `${now.getUTCFullYear() + 1}-01-20`, toDate: `${now.getUTCFullYear() + 1}-02-10`, note: '出国学术访问' },
  ]);
  await replaceRelations(tx, id('曾庆华'), [
    { kind: 'shareholding', orgName: '衡阳衡山科学仪器有限公司', note: '持股 1.5%', fromDate: '2016-05-01', toDate: null },
  ]);
  await replaceRelations(tx, id('吴敏'), [{ kind: 'kin', personName: '吴青年', note: '兄妹', fromDate: null, toDate: null }]);
  await replaceUnavailable(tx, id('黄立伟'), [
    { fromDate: `${now.getUTCFullYear()}-12-01`, toDate: `${now.getUTCFullYear()}-12-31`, note: '在外执行任务' },
  ]);
  return { experts: experts.length };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
