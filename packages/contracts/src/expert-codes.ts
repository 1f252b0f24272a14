import { z } from 'zod';

/*
 * Code lists of the expert pool: GB/T 13745-2009 学科分类与代码 and GB/T 4754-2017 国民经济行业分类,
 * top two levels with their zh-CN names.
 *
 * 学科 codes are written with a dot after the first level: "520" 计算机科学技术, "520.20" 人工智能 (the
 * standard's five-digit "52020"; normalizeDisciplineCode accepts both). Third-level codes ("520.2010") are
 * accepted when their second level is known. The humanities and social sciences (710–910) are listed at the
 * first level only: a science bureau's reviews rarely go deeper there.
 *
 * 行业 codes follow the enterprise registry: the 门类 letter, then the 大类 digits ("C", "C39"); 中类/小类
 * ("C391", "C3911") are accepted when their 大类 is known.
 *
 * Matching is by prefix: a draw asking for discipline "520" matches an expert with "520.10", one asking
 * for industry "C" matches "C39".
 */

export interface TCodeEntry {
  code: string;
  name: string;
  level: 1 | 2;
  parent: string | null;
}

// [first-level code, name, "second-level suffix name|…"] — GB/T 13745-2009
const DISCIPLINES: ReadonlyArray<readonly [string, string, string]> = [
  [
    '110',
    '数学',
    '11 数学史|14 数理逻辑与数学基础|17 数论|21 代数学|24 代数几何学|27 几何学|31 拓扑学|34 数学分析|37 非标准分析|41 函数论|44 常微分方程|47 偏微分方程|51 动力系统|54 积分方程|57 泛函分析|61 计算数学|64 概率论|67 数理统计学|71 应用统计数学|74 运筹学|77 组合数学|81 离散数学|84 模糊数学|85 计算机数学|87 应用数学|99 数学其他学科',
  ],
  [
    '120',
    '信息科学与系统科学',
    '10 信息科学与系统科学基础学科|20 系统学|30 控制理论|40 系统评估与可行性分析|50 系统工程方法论|99 信息科学与系统科学其他学科',
  ],
  [
    '130',
    '力学',
    '10 基础力学|15 固体力学|20 振动与波|25 流体力学|30 流变学|35 爆炸力学|40 物理力学|41 生物力学|45 统计力学|50 应用力学|99 力学其他学科',
  ],
  [
    '140',
    '物理学',
    '10 物理学史|15 理论物理学|20 声学|25 热学|30 光学|35 电磁学|40 无线电物理|45 电子物理学|50 凝聚态物理学|55 等离子体物理学|60 原子分子物理学|65 原子核物理学|70 高能物理学|75 计算物理学|80 应用物理学|99 物理学其他学科',
  ],
  [
    '150',
    '化学',
    '10 化学史|15 无机化学|20 有机化学|25 分析化学|30 物理化学|35 化学物理学|40 高分子物理|45 高分子化学|50 核化学|55 应用化学|60 化学生物学|65 材料化学|99 化学其他学科',
  ],
  [
    '160',
    '天文学',
    '10 天文学史|15 天体力学|20 天体物理学|25 宇宙化学|30 天体测量学|35 射电天文学|40 空间天文学|45 天体演化学|50 星系与宇宙学|55 恒星与银河系|60 太阳与太阳系|65 天体生物学|70 天文地球动力学|75 时间测量学|99 天文学其他学科',
  ],
  [
    '170',
    '地球科学',
    '10 地球科学史|15 大气科学|20 固体地球物理学|25 空间物理学|30 地球化学|35 大地测量学|40 地图学|45 地理学|50 地质学|55 水文学|60 海洋科学|99 地球科学其他学科',
  ],
  [
    '180',
    '生物学',
    '11 生物数学|14 生物物理学|17 生物化学|21 细胞生物学|22 免疫学|24 生理学|27 发育生物学|31 遗传学|34 放射生物学|37 分子生物学|39 专题生物学研究|41 生物进化论|44 生态学|47 神经生物学|51 植物学|54 昆虫学|57 动物学|61 微生物学|64 病毒学|67 人类学|99 生物学其他学科',
  ],
  [
    '190',
    '心理学',
    '10 心理学史|15 认知心理学|20 社会心理学|25 实验心理学|30 发展心理学|40 医学心理学|41 人格心理学|42 临床与咨询心理学|45 心理测量|46 心理统计|50 生理心理学|55 工业心理学|60 管理心理学|65 应用心理学|70 教育心理学|75 法制心理学|99 心理学其他学科',
  ],
  ['210', '农学', '10 农业史|20 农业基础学科|30 农艺学|40 园艺学|45 农产品贮藏与加工|50 土壤学|60 植物保护学|99 农学其他学科'],
  [
    '220',
    '林学',
    '10 林业基础学科|15 林木遗传育种学|20 森林培育学|25 森林经理学|30 森林保护学|35 野生动物保护与管理|40 防护林学|45 经济林学|50 园林学|55 林业工程|60 森林统计学|65 林业经济学|99 林学其他学科',
  ],
  ['230', '畜牧、兽医科学', '10 畜牧、兽医科学基础学科|20 畜牧学|30 兽医学|99 畜牧、兽医科学其他学科'],
  [
    '240',
    '水产学',
    '10 水产学基础学科|15 水产增殖学|20 水产养殖学|25 水产饲料学|30 水产保护学|35 捕捞学|40 水产品贮藏与加工|45 水产工程学|50 水产资源学|55 水产经济学|99 水产学其他学科',
  ],
  [
    '310',
    '基础医学',
    '10 医学史|11 医学生物化学|14 人体解剖学|17 医学细胞生物学|21 人体生理学|24 人体组织胚胎学|27 医学遗传学|31 放射医学|34 人体免疫学|37 医学寄生虫学|41 医学微生物学|44 病理学|47 药理学|51 医学实验动物学|57 医学统计学|99 基础医学其他学科',
  ],
  [
    '320',
    '临床医学',
    '11 临床诊断学|14 保健医学|17 理疗学|21 麻醉学|24 内科学|27 外科学|31 妇产科学|34 儿科学|37 眼科学|41 耳鼻咽喉科学|44 口腔医学|47 皮肤病学|51 性医学|54 神经病学|57 精神病学|58 重症医学|61 急诊医学|64 核医学|65 全科医学|67 肿瘤学|71 护理学|99 临床医学其他学科',
  ],
  [
    '330',
    '预防医学与公共卫生学',
    '11 营养学|14 毒理学|17 消毒学|21 流行病学|27 媒介生物控制学|31 环境医学|34 职业病学|35 热带医学|37 地方病学|41 社会医学|44 卫生检验学|47 食品卫生学|51 儿少与学校卫生学|54 妇幼卫生学|57 环境卫生学|61 劳动卫生学|64 放射卫生学|67 卫生工程学|71 卫生经济学|72 卫生统计学|74 优生学|77 健康促进与健康教育学|81 卫生管理学|99 预防医学与公共卫生学其他学科',
  ],
  ['340', '军事医学与特种医学', '10 军事医学|20 特种医学|99 军事医学与特种医学其他学科'],
  [
    '350',
    '药学',
    '10 药物化学|20 生物药物学|25 微生物药物学|30 放射性药物学|35 药剂学|40 药效学|45 药物管理学|50 药物统计学|99 药学其他学科',
  ],
  ['360', '中医学与中药学', '10 中医学|20 民族医学|30 中西医结合医学|40 中药学|99 中医学与中药学其他学科'],
  [
    '410',
    '工程与技术科学基础学科',
    '10 工程数学|15 工程控制论|20 工程力学|25 工程物理学|30 工程地质学|35 工程水文学|40 工程仿生学|45 工程心理学|50 标准科学技术|55 计量学|60 工程图学|65 勘查技术|70 工程通用技术|75 工业工程学|99 工程与技术科学基础学科其他学科',
  ],
  [
    '413',
    '信息与系统科学相关工程与技术',
    '10 控制科学与技术|15 仿真科学技术|20 信息安全技术|30 信息技术系统性应用|99 信息与系统科学相关工程与技术其他学科',
  ],
  ['416', '自然科学相关工程与技术', '10 物理学相关工程与技术|20 光学工程|30 海洋工程与技术|40 生物工程|50 农业工程|60 生物医学工程学'],
  [
    '420',
    '测绘科学技术',
    '10 大地测量技术|20 摄影测量与遥感技术|30 地图制图技术|40 工程测量技术|50 海洋测绘|60 测绘仪器|99 测绘科学技术其他学科',
  ],
  [
    '430',
    '材料科学',
    '10 材料科学基础学科|15 材料表面与界面|20 材料失效与保护|25 材料检测与分析技术|30 材料实验|35 材料合成与加工工艺|40 金属材料|45 无机非金属材料|50 有机高分子材料|55 复合材料|60 生物材料|70 纳米材料|99 材料科学其他学科',
  ],
  [
    '440',
    '矿山工程技术',
    '10 矿山地质学|15 矿山测量|20 矿山设计|25 矿山地面工程|30 井巷工程|35 采矿工程|40 选矿工程|45 钻井工程|50 油气田井开发工程|55 石油、天然气储存与运输工程|60 矿山机械工程|65 矿山电气工程|70 采矿环境工程|75 矿山安全|80 矿山综合利用工程|99 矿山工程技术其他学科',
  ],
  [
    '450',
    '冶金工程技术',
    '10 冶金物理化学|15 冶金反应工程|20 冶金原料与预处理|25 冶金热能工程|30 冶金技术|35 钢铁冶金|40 有色金属冶金|45 轧制|50 冶金机械及自动化|99 冶金工程技术其他学科',
  ],
  [
    '460',
    '机械工程',
    '10 机械史|15 机械学|20 机械设计|25 机械制造工艺与设备|30 刀具技术|35 机床技术|45 流体传动与控制|50 机械制造自动化|99 机械工程其他学科',
  ],
  ['470', '动力与电气工程', '10 工程热物理|20 热工学|30 动力机械工程|35 制冷与低温工程|40 电气工程|99 动力与电气工程其他学科'],
  [
    '480',
    '能源科学技术',
    '10 能源化学|20 能源地理学|30 能源计算与测量|40 储能技术|50 节能技术|60 一次能源|70 二次能源|80 能源系统工程|99 能源科学技术其他学科',
  ],
  [
    '490',
    '核科学技术',
    '10 辐射物理与技术|15 核探测技术与核电子学|20 放射性计量学|25 核仪器、仪表|30 核材料与工艺技术|35 粒子加速器|40 裂变堆工程技术|45 核聚变工程技术|50 核动力工程技术|55 同位素技术|60 核爆炸工程|65 核安全|70 乏燃料后处理技术|75 辐射防护技术|80 核设施退役技术|85 放射性三废处理、处置技术|99 核科学技术其他学科',
  ],
  [
    '510',
    '电子与通信技术',
    '10 电子技术|20 光电子学与激光技术|30 半导体技术|40 信息处理技术|50 通信技术|60 广播与电视工程技术|70 雷达工程|99 电子与通信技术其他学科',
  ],
  [
    '520',
    '计算机科学技术',
    '10 计算机科学技术基础学科|20 人工智能|30 计算机系统结构|40 计算机软件|50 计算机工程|60 计算机应用|99 计算机科学技术其他学科',
  ],
  [
    '530',
    '化学工程',
    '11 化学工程基础学科|14 化工测量技术与仪器仪表|17 化工传递过程|21 化学分离工程|24 化学反应工程|27 化工系统工程|31 化工机械与设备|34 无机化学工程|37 有机化学工程|41 电化学工程|44 高聚物工程|47 煤化学工程|51 石油化学工程|52 天然气化学工程|54 精细化学工程|57 造纸技术|61 毛皮与制革工程|64 制药工程|67 生物化学工程|99 化学工程其他学科',
  ],
  ['535', '产品应用相关工程与技术', '10 仪器仪表技术|20 兵器科学与技术|30 产品应用专用性技术|99 产品应用相关工程与技术其他学科'],
  [
    '540',
    '纺织科学技术',
    '10 纺织科学技术基础学科|20 纺织材料|30 纤维制造技术|40 纺织技术|50 染整技术|60 服装技术|70 纺织机械与设备|99 纺织科学技术其他学科',
  ],
  [
    '550',
    '食品科学技术',
    '10 食品科学技术基础学科|20 食品加工技术|30 食品包装与储藏|40 食品机械|50 食品加工的副产品加工与利用|60 食品工业企业管理学|70 食品工程与粮油工程|99 食品科学技术其他学科',
  ],
  [
    '560',
    '土木建筑工程',
    '10 建筑史|15 土木建筑工程基础学科|20 土木建筑工程测量|25 建筑材料|30 工程结构|35 土木建筑结构|40 土木建筑工程设计|45 土木建筑工程施工|50 土木工程机械与设备|55 市政工程|60 建筑经济学|99 土木建筑工程其他学科',
  ],
  [
    '570',
    '水利工程',
    '10 水利工程基础学科|15 水利工程测量|20 水工材料|25 水工结构|30 水力机械|35 水利工程施工|40 水处理|45 河流泥沙工程学|55 环境水利|60 水利管理|65 防洪工程|70 水利经济学|99 水利工程其他学科',
  ],
  [
    '580',
    '交通运输工程',
    '10 道路工程|20 公路运输|30 铁路运输|40 水路运输|50 船舶、舰船工程|60 航空运输|70 交通运输系统工程|80 交通运输安全工程|99 交通运输工程其他学科',
  ],
  [
    '590',
    '航空、航天科学技术',
    '10 航空、航天科学技术基础学科|15 航空器结构与设计|20 航天器结构与设计|25 航空、航天推进系统|30 飞行器仪表、设备|35 飞行器控制、导航技术|40 航空、航天材料|45 飞行器制造技术|50 飞行器试验技术|55 飞行器发射与回收、飞行技术|60 航空航天地面设施、技术保障|65 航空、航天系统工程|99 航空、航天科学技术其他学科',
  ],
  [
    '610',
    '环境科学技术及资源科学技术',
    '10 环境科学技术基础学科|20 环境学|30 环境工程学|50 资源科学技术|99 环境科学技术及资源科学技术其他学科',
  ],
  [
    '620',
    '安全科学技术',
    '10 安全科学技术基础学科|21 安全社会科学|23 安全物质学|25 安全人体学|27 安全系统学|30 安全工程技术科学|40 安全卫生工程技术|60 安全社会工程|70 部门安全工程理论|80 公共安全|99 安全科学技术其他学科',
  ],
  [
    '630',
    '管理学',
    '10 管理思想史|15 管理理论|25 管理计量学|30 部门经济管理|32 区域经济管理|35 科学学与科技管理|40 企业管理|44 公共管理|50 管理工程|55 人力资源开发与管理|60 未来学|99 管理学其他学科',
  ],
  ['710', '马克思主义', ''],
  ['720', '哲学', ''],
  ['730', '宗教学', ''],
  ['740', '语言学', ''],
  ['750', '文学', ''],
  ['760', '艺术学', ''],
  ['770', '历史学', ''],
  ['780', '考古学', ''],
  ['790', '经济学', ''],
  ['810', '政治学', ''],
  ['820', '法学', ''],
  ['830', '军事学', ''],
  ['840', '社会学', ''],
  ['850', '民族学与文化学', ''],
  ['860', '新闻学与传播学', ''],
  ['870', '图书馆、情报与文献学', ''],
  ['880', '教育学', ''],
  ['890', '体育科学', ''],
  ['910', '统计学', ''],
];

// [门类, name, "大类 name|…"] — GB/T 4754-2017
const INDUSTRIES: ReadonlyArray<readonly [string, string, string]> = [
  ['A', '农、林、牧、渔业', '01 农业|02 林业|03 畜牧业|04 渔业|05 农、林、牧、渔专业及辅助性活动'],
  [
    'B',
    '采矿业',
    '06 煤炭开采和洗选业|07 石油和天然气开采业|08 黑色金属矿采选业|09 有色金属矿采选业|10 非金属矿采选业|11 开采专业及辅助性活动|12 其他采矿业',
  ],
  [
    'C',
    '制造业',
    '13 农副食品加工业|14 食品制造业|15 酒、饮料和精制茶制造业|16 烟草制品业|17 纺织业|18 纺织服装、服饰业|19 皮革、毛皮、羽毛及其制品和制鞋业|20 木材加工和木、竹、藤、棕、草制品业|21 家具制造业|22 造纸和纸制品业|23 印刷和记录媒介复制业|24 文教、工美、体育和娱乐用品制造业|25 石油、煤炭及其他燃料加工业|26 化学原料和化学制品制造业|27 医药制造业|28 化学纤维制造业|29 橡胶和塑料制品业|30 非金属矿物制品业|31 黑色金属冶炼和压延加工业|32 有色金属冶炼和压延加工业|33 金属制品业|34 通用设备制造业|35 专用设备制造业|36 汽车制造业|37 铁路、船舶、航空航天和其他运输设备制造业|38 电气机械和器材制造业|39 计算机、通信和其他电子设备制造业|40 仪器仪表制造业|41 其他制造业|42 废弃资源综合利用业|43 金属制品、机械和设备修理业',
  ],
  ['D', '电力、热力、燃气及水生产和供应业', '44 电力、热力生产和供应业|45 燃气生产和供应业|46 水的生产和供应业'],
  ['E', '建筑业', '47 房屋建筑业|48 土木工程建筑业|49 建筑安装业|50 建筑装饰、装修和其他建筑业'],
  ['F', '批发和零售业', '51 批发业|52 零售业'],
  [
    'G',
    '交通运输、仓储和邮政业',
    '53 铁路运输业|54 道路运输业|55 水上运输业|56 航空运输业|57 管道运输业|58 多式联运和运输代理业|59 装卸搬运和仓储业|60 邮政业',
  ],
  ['H', '住宿和餐饮业', '61 住宿业|62 餐饮业'],
  ['I', '信息传输、软件和信息技术服务业', '63 电信、广播电视和卫星传输服务|64 互联网和相关服务|65 软件和信息技术服务业'],
  ['J', '金融业', '66 货币金融服务|67 资本市场服务|68 保险业|69 其他金融业'],
  ['K', '房地产业', '70 房地产业'],
  ['L', '租赁和商务服务业', '71 租赁业|72 商务服务业'],
  ['M', '科学研究和技术服务业', '73 研究和试验发展|74 专业技术服务业|75 科技推广和应用服务业'],
  ['N', '水利、环境和公共设施管理业', '76 水利管理业|77 生态保护和环境治理业|78 公共设施管理业|79 土地管理业'],
  ['O', '居民服务、修理和其他服务业', '80 居民服务业|81 机动车、电子产品和日用产品修理业|82 其他服务业'],
  ['P', '教育', '83 教育'],
  ['Q', '卫生和社会工作', '84 卫生|85 社会工作'],
  ['R', '文化、体育和娱乐业', '86 新闻和出版业|87 广播、电视、电影和录音制作业|88 文化艺术业|89 体育|90 娱乐业'],
  [
    'S',
    '公共管理、社会保障和社会组织',
    '91 中国共产党机关|92 国家机构|93 人民政协、民主党派|94 社会保障|95 群众团体、社会团体和其他成员组织|96 基层群众自治组织及其他组织',
  ],
  ['T', '国际组织', '97 国际组织'],
];

function expand(rows: ReadonlyArray<readonly [string, string, string]>, join: string): TCodeEntry[] {
  const out: TCodeEntry[] = [];
  for (const [code, name, children] of rows) {
    out.push({ code, name, level: 1, parent: null });
    if (!children) continue;
    for (const child of children.split('|')) {
      const space = child.indexOf(' ');
      out.push({ code: `${code}${join}${child.slice(0, space)}`, name: child.slice(space + 1), level: 2, parent: code });
    }
  }
  return out;
}

/** GB/T 13745 学科, first and second level, in the standard's order. */
export const disciplineCodes: readonly TCodeEntry[] = expand(DISCIPLINES, '.');
/** GB/T 4754 行业, 门类 and 大类, in the standard's order. */
export const industryCodes: readonly TCodeEntry[] = expand(INDUSTRIES, '');

const disciplineByCode = new Map(disciplineCodes.map((e) => [e.code, e]));
const industryByCode = new Map(industryCodes.map((e) => [e.code, e]));

/** "52020" or "520.20" or "520.2010" or "5202010" → dotted form; anything else is returned trimmed. */
export function normalizeDisciplineCode(raw: string): string {
  const s = raw.trim().replace(/\s+/g, '');
  const m = /^(\d{3})\.?(\d{2}(?:\d{2})?)?$/.exec(s);
  if (!m) return s;
  return m[2] ? `${m[1]}.${m[2]}` : (m[1] ?? s);
}

/** "c39" → "C39"; anything else is returned trimmed. */
export function normalizeIndustryCode(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

/** The listed entry a code falls under (itself, or its second-level parent for a deeper code). */
function listedDiscipline(code: string): TCodeEntry | undefined {
  const direct = disciplineByCode.get(code);
  if (direct) return direct;
  if (/^\d{3}\.\d{4}$/.test(code)) return disciplineByCode.get(code.slice(0, 6));
  return undefined;
}

function listedIndustry(code: string): TCodeEntry | undefined {
  const direct = industryByCode.get(code);
  if (direct) return direct;
  if (/^[A-T]\d{3,4}$/.test(code)) return industryByCode.get(code.slice(0, 3));
  return undefined;
}

export function isDisciplineCode(code: string): boolean {
  return listedDiscipline(code) !== undefined;
}

export function isIndustryCode(code: string): boolean {
  return listedIndustry(code) !== undefined;
}

/** zh-CN name of a 学科 code (a deeper code is named by its listed parent); undefined when unknown. */
export function disciplineName(code: string): string | undefined {
  return listedDiscipline(code)?.name;
}

/** zh-CN name of a 行业 code (a deeper code is named by its listed 大类); undefined when unknown. */
export function industryName(code: string): string | undefined {
  return listedIndustry(code)?.name;
}

/** A code and its name for display: "520.20 人工智能" (the code alone when unknown). */
export function codeLabel(kind: 'discipline' | 'industry', code: string): string {
  const name = kind === 'discipline' ? disciplineName(code) : industryName(code);
  return name ? `${code} ${name}` : code;
}

/** Prefix match: "520" matches "520" and "520.10"; "C" matches "C39". An empty prefix matches everything. */
export function codeMatchesPrefix(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}

/** Whether any of an expert's codes falls under any of the prefixes (no prefixes: no restriction). */
export function codesMatchAnyPrefix(codes: readonly string[], prefixes: readonly string[]): boolean {
  if (prefixes.length === 0) return true;
  return codes.some((c) => prefixes.some((p) => c.startsWith(p)));
}

export interface TCodeTreeNode {
  value: string;
  title: string;
  children?: TCodeTreeNode[];
}

/** The list as a two-level tree (for a TreeSelect / Cascader). */
export function codeTree(kind: 'discipline' | 'industry'): TCodeTreeNode[] {
  const entries = kind === 'discipline' ? disciplineCodes : industryCodes;
  const roots: TCodeTreeNode[] = [];
  const byCode = new Map<string, TCodeTreeNode>();
  for (const e of entries) {
    const node: TCodeTreeNode = { value: e.code, title: `${e.code} ${e.name}` };
    byCode.set(e.code, node);
    if (e.parent === null) roots.push(node);
    else {
      const parent = byCode.get(e.parent);
      if (!parent) continue;
      parent.children = [...(parent.children ?? []), node];
    }
  }
  return roots;
}

export const ZDisciplineCode = z
  .string()
  .trim()
  .transform(normalizeDisciplineCode)
  .refine(isDisciplineCode, { message: '不是 GB/T 13745 学科代码（如 520 或 520.20）' })
  .describe('GB/T 13745 学科代码，如 520 或 520.20');

/** A 行业 code known to the list (the enterprise registry's ZIndustryCode checks the shape only). */
export const ZListedIndustryCode = z
  .string()
  .trim()
  .transform(normalizeIndustryCode)
  .refine(isIndustryCode, { message: '不是 GB/T 4754 行业代码（如 C 或 C39）' })
  .describe('GB/T 4754 行业代码，如 C 或 C39');
