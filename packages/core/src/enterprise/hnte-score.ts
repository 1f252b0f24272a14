import { bandOfFrac } from './bands.ts';
import type { TAssessmentInput, TScoreItem, TScoreRange } from './contract-types.ts';
import { quotient } from './exact.ts';
import { type FiscalWindow, yearRecord } from './fiscal.ts';
import { scoreGrowth } from './hnte-growth.ts';
import { type IpCounts, ipCountText } from './ip.ts';
import type { HntePack } from './rule-packs/types.ts';

type Pair = readonly [number, number];

function item(id: string, label: string, range: Pair, cap: number, basis: string): TScoreItem {
  return { id, label, min: range[0], max: range[1], cap, basis };
}

function judgement(id: string, label: string, band: 'A' | 'B' | 'C' | 'D' | 'E' | undefined, pack: HntePack): TScoreItem {
  const s = pack.score;
  if (band === undefined) return item(id, label, [0, s.judgementCap], s.judgementCap, '专家评判，未填报自评档次');
  return item(id, label, s.judgementBands[band], s.judgementCap, `自评${band}档（专家评判）`);
}

// 工作指引（六）知识产权 (3) 数量: Ⅰ类≥1 7–8; Ⅱ类 ≥5 5–6, 3–4 3–4, 1–2 1–2; 0 0.
function ipCountPoints(classI: number, classII: number, pack: HntePack): Pair {
  if (classI >= 1) return pack.score.ipClassIPoints;
  return bandOfFrac(BigInt(classII), 1n, pack.score.ipClassIIBands).points;
}

// 工作指引（六）知识产权 (4) 获得方式: 有自主研发 1–6; 仅有受让、受赠和并购等 1–3.
function acquisitionRange(counts: IpCounts, pack: HntePack): Pair {
  const s = pack.score;
  const sure = counts.judged.filter((j) => j.eligible === 'yes');
  const min = sure.some((j) => j.item.acquisition === 'own') ? s.acquisitionOwn[0] : sure.length > 0 ? s.acquisitionTransferOnly[0] : 0;
  const possiblyOwn = counts.judged.some((j) => j.item.acquisition === 'own' || j.item.acquisition === undefined);
  const max = possiblyOwn ? s.acquisitionOwn[1] : counts.judged.length > 0 ? s.acquisitionTransferOnly[1] : 0;
  return [min, max];
}

function scoreIp(input: TAssessmentInput, counts: IpCounts, pack: HntePack): TScoreItem[] {
  const s = pack.score;
  const count: Pair = [
    ipCountPoints(counts.classI.min, counts.classII.min, pack)[0],
    ipCountPoints(counts.classI.max, counts.classII.max, pack)[1],
  ];
  const unknownList = input.ipItems === undefined;
  const bonus: Pair =
    input.standardsParticipated === undefined ? [0, s.standardsBonus[1]] : input.standardsParticipated ? s.standardsBonus : [0, 0];
  return [
    judgement('hnte.score.ip.advancement', '技术的先进程度', input.techAdvancement, pack),
    judgement('hnte.score.ip.coreSupport', '对主要产品（服务）的核心支持作用', input.coreSupport, pack),
    unknownList
      ? item('hnte.score.ip.count', '知识产权数量', [0, 8], 8, '未填报知识产权清单')
      : item('hnte.score.ip.count', '知识产权数量', count, 8, ipCountText(counts)),
    unknownList
      ? item('hnte.score.ip.acquisition', '知识产权获得方式', [0, 6], 6, '未填报知识产权清单')
      : item(
          'hnte.score.ip.acquisition',
          '知识产权获得方式',
          acquisitionRange(counts, pack),
          6,
          '有自主研发1–6分；仅受让、受赠、并购1–3分',
        ),
    item('hnte.score.ip.standards', '参与编制标准（加分项）', bonus, 2, '加分后知识产权总分不超过30分'),
  ];
}

// 工作指引（六）科技成果转化能力: 近3年科技成果转化的年平均数 (divisor = operated years, UNVERIFIED).
function scoreConversions(input: TAssessmentInput, pack: HntePack, window: FiscalWindow): TScoreItem {
  const s = pack.score;
  const id = 'hnte.score.conversion';
  const label = '科技成果转化能力';
  if (window.years.length === 0) return item(id, label, [0, 0], s.conversionCap, '无经营年度');
  const counts = window.years.map((y) => yearRecord(input, y)?.conversions);
  const known = counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const den = BigInt(window.years.length);
  const low = bandOfFrac(BigInt(known), den, s.conversionBands);
  const avg = quotient(BigInt(known), den, 2, 'down');
  if (counts.some((c) => c === undefined)) {
    return item(id, label, [low.points[0], s.conversionCap], s.conversionCap, `已填报转化${known}项，部分年度未填报`);
  }
  return item(id, label, low.points, s.conversionCap, `${window.years.join('、')}年共转化${known}项，年平均${avg}项，${low.label}`);
}

// 工作指引（六）研究开发组织管理水平: expert judgement; in place → 1..max, absent → 0, a self-assessed score → itself,
// unknown → 0..max.
function scoreManagement(input: TAssessmentInput, pack: HntePack): TScoreItem {
  const caps = pack.score.management;
  const m = input.rdManagement ?? {};
  let min = 0;
  let max = 0;
  let selfAssessed = false;
  for (const key of ['system', 'institute', 'conversionIncentives', 'talent'] as const) {
    const value = m[key];
    if (typeof value === 'number') {
      selfAssessed = true;
      min += Math.min(value, caps[key]);
      max += Math.min(value, caps[key]);
    } else {
      if (value === true) min += 1;
      if (value !== false) max += caps[key];
    }
  }
  const cap = caps.system + caps.institute + caps.conversionIncentives + caps.talent;
  const basis = selfAssessed ? '专家评判；含企业自评分' : '专家评判；按已具备的管理制度估计';
  return item('hnte.score.management', '研究开发组织管理水平', [min, max], cap, basis);
}

/** The 100-point innovation score as a [min, max] range (工作指引（六）); experts award integers inside bands. */
export function scoreInnovation(input: TAssessmentInput, pack: HntePack, window: FiscalWindow, counts: IpCounts): TScoreRange {
  const ip = scoreIp(input, counts, pack);
  const ipMin = Math.min(
    pack.score.ipCap,
    ip.reduce((sum, i) => sum + i.min, 0),
  );
  const ipMax = Math.min(
    pack.score.ipCap,
    ip.reduce((sum, i) => sum + i.max, 0),
  );
  const rest = [scoreConversions(input, pack, window), scoreManagement(input, pack), ...scoreGrowth(input, pack, window)];
  const items = [...ip, ...rest];
  return {
    min: ipMin + rest.reduce((sum, i) => sum + i.min, 0),
    max: ipMax + rest.reduce((sum, i) => sum + i.max, 0),
    items,
  };
}
