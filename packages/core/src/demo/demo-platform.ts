import { platformTypeCatalogue, type TPlatformLevel, type TPlatformType } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import { writeValues } from '../indicator/index.ts';
import { gradePlatforms } from '../platform/grading.ts';
import { platformValues } from '../platform/indicators.ts';
import { json, writeEvent } from '../platform/platform.repository.ts';
import { retally } from '../platform/tally.ts';

/*
 * Demo innovation platforms of 衡阳 (430400): research bases, incubation carriers, agricultural parks and an
 * 院士专家工作站 at national, provincial, city and county level, hosted by the city's universities, hospitals
 * and enterprises across its districts and counties; each with its 认定 document, an upgrade or a delisting
 * where the story has one, submitted yearly reports since recognition (up to last year) and last year's
 * confirmed 绩效评价 of the 工程技术研究中心. Host names are the public institutions of the city and invented
 * enterprises. Runs inside the demo loader's transaction; returns the number of platforms made. Not wired:
 * the demo loader calls it.
 */

interface DemoPlatform {
  name: string;
  type: string;
  level: TPlatformLevel;
  org: string;
  orgKind: 'enterprise' | 'institute';
  region: string;
  docNo: string;
  on: string;
  /** later: 升级 to this level with its document */
  upgrade?: { level: TPlatformLevel; docNo: string; on: string };
  delist?: { docNo: string; on: string };
  /** scale of its yearly figures against the type's standards (1 = exactly the standard) */
  scale: number;
}

const p = (
  name: string,
  type: string,
  level: TPlatformLevel,
  org: string,
  orgKind: 'enterprise' | 'institute',
  region: string,
  docNo: string,
  on: string,
  scale: number,
  more: Partial<DemoPlatform> = {},
): DemoPlatform => ({ name, type, level, org, orgKind, region, docNo, on, scale, ...more });

const platforms: DemoPlatform[] = [
  p(
    '铀矿冶放射性污染治理湖南省重点实验室',
    'key_lab',
    'provincial',
    '南华大学',
    'institute',
    '430407',
    '湘科发〔2019〕88号',
    '2019-11-20',
    1.1,
  ),
  p('衡阳市核医学重点实验室', 'key_lab', 'city', '南华大学附属第一医院', 'institute', '430407', '衡科发〔2022〕31号', '2022-09-15', 0.8),
  p('衡阳市功能材料重点实验室', 'key_lab', 'city', '衡阳师范学院', 'institute', '430408', '衡科发〔2021〕27号', '2021-10-12', 0.7),
  p(
    '湖南省输变电装备工程技术研究中心',
    'eng_center',
    'provincial',
    '衡阳华兴电气装备有限公司',
    'enterprise',
    '430472',
    '湘科发〔2018〕102号',
    '2018-12-05',
    1.2,
  ),
  p(
    '衡阳市精密仪器工程技术研究中心',
    'eng_center',
    'city',
    '衡阳衡山科学仪器有限公司',
    'enterprise',
    '430408',
    '衡科发〔2021〕27号',
    '2021-10-12',
    0.95,
  ),
  p(
    '衡阳市无缝钢管工程技术研究中心',
    'eng_center',
    'city',
    '衡阳湘衡钢管制造有限公司',
    'enterprise',
    '430405',
    '衡科发〔2020〕19号',
    '2020-08-28',
    1.05,
    {
      upgrade: { level: 'provincial', docNo: '湘科发〔2024〕66号', on: '2024-10-30' },
    },
  ),
  p(
    '衡阳市智能农机工程技术研究中心',
    'eng_center',
    'city',
    '衡阳耒水农业机械有限公司',
    'enterprise',
    '430481',
    '衡科发〔2022〕31号',
    '2022-09-15',
    0.75,
  ),
  p(
    '衡阳市电子陶瓷工程技术研究中心',
    'eng_center',
    'city',
    '常宁宜阳电子材料有限公司',
    'enterprise',
    '430482',
    '衡科发〔2020〕19号',
    '2020-08-28',
    0.4,
    {
      delist: { docNo: '衡科发〔2025〕12号', on: '2025-04-18' },
    },
  ),
  p(
    '衡阳市新能源汽车零部件工程技术研究中心',
    'eng_center',
    'city',
    '衡阳松木新能源科技有限公司',
    'enterprise',
    '430473',
    '衡科发〔2023〕22号',
    '2023-09-20',
    0.85,
  ),
  p(
    '衡阳市油茶精深加工工程技术研究中心',
    'eng_center',
    'city',
    '衡南茶市油茶科技有限公司',
    'enterprise',
    '430422',
    '衡科发〔2023〕22号',
    '2023-09-20',
    0.62,
  ),
  p(
    '湖南省肿瘤放射治疗临床医学研究中心',
    'clinical_center',
    'provincial',
    '南华大学附属第一医院',
    'institute',
    '430407',
    '湘科发〔2020〕45号',
    '2020-06-10',
    1.0,
  ),
  p(
    '衡阳市心血管病临床医学研究中心',
    'clinical_center',
    'city',
    '衡阳市中心医院',
    'institute',
    '430406',
    '衡科发〔2022〕31号',
    '2022-09-15',
    0.9,
  ),
  p('衡阳核技术应用研究院', 'new_rd_institution', 'provincial', '南华大学', 'institute', '430407', '湘科发〔2021〕77号', '2021-12-02', 0.9),
  p(
    '衡阳智能制造产业技术研究院',
    'new_rd_institution',
    'city',
    '湖南工学院',
    'institute',
    '430405',
    '衡科发〔2023〕22号',
    '2023-09-20',
    0.7,
  ),
  p(
    '衡阳华兴电气装备有限公司企业技术中心',
    'enterprise_tech_center',
    'provincial',
    '衡阳华兴电气装备有限公司',
    'enterprise',
    '430472',
    '湘经信〔2019〕211号',
    '2019-12-20',
    1.0,
  ),
  p(
    '衡阳高新区创新创业服务中心',
    'incubator',
    'national',
    '衡阳高新技术产业开发区管理委员会',
    'institute',
    '430472',
    '国科火字〔2017〕208号',
    '2017-12-15',
    1.1,
  ),
  p(
    '雁峰区科技企业孵化器',
    'incubator',
    'city',
    '衡阳雁城创业服务有限公司',
    'enterprise',
    '430406',
    '衡科发〔2022〕31号',
    '2022-09-15',
    0.8,
  ),
  p('南华大学创客空间', 'maker_space', 'provincial', '南华大学', 'institute', '430407', '湘科发〔2018〕56号', '2018-07-16', 0.95),
  p(
    '石鼓区青创众创空间',
    'maker_space',
    'city',
    '衡阳青创空间运营管理有限公司',
    'enterprise',
    '430407',
    '衡科发〔2021〕27号',
    '2021-10-12',
    0.58,
  ),
  p(
    '南华大学国家大学科技园',
    'univ_science_park',
    'national',
    '南华大学',
    'institute',
    '430407',
    '国科发区〔2019〕372号',
    '2019-12-30',
    0.9,
  ),
  p(
    '衡阳县油茶星创天地',
    'star_space',
    'provincial',
    '衡阳县西渡油茶专业合作社',
    'enterprise',
    '430421',
    '湘科发〔2019〕91号',
    '2019-11-28',
    0.85,
  ),
  p('祁东县黄花菜星创天地', 'star_space', 'county', '祁东县黄花菜产业协会', 'institute', '430426', '祁科发〔2023〕5号', '2023-05-10', 0.7),
  p(
    '衡南县农业科技示范基地',
    'agri_park',
    'city',
    '衡南县农业科技示范园有限公司',
    'enterprise',
    '430422',
    '衡科发〔2021〕27号',
    '2021-10-12',
    0.8,
  ),
  p(
    '衡东县黄贡椒农业科技园区',
    'agri_park',
    'county',
    '衡东县农业科技开发有限公司',
    'enterprise',
    '430424',
    '衡东科发〔2022〕9号',
    '2022-07-01',
    0.66,
  ),
  p(
    '衡阳湘衡钢管院士专家工作站',
    'academician_station',
    'provincial',
    '衡阳湘衡钢管制造有限公司',
    'enterprise',
    '430405',
    '湘科协〔2020〕33号',
    '2020-11-11',
    0.9,
  ),
];

/** A year's figures: the type's standards scaled, with a small deterministic wobble per year. */
function figures(type: TPlatformType, scale: number, year: number, seed: number): Record<string, number> {
  const out: Record<string, number> = {};
  const wobble = 1 + (((seed * 31 + year * 7) % 11) - 5) / 50;
  const standards = new Map(type.evaluation.map((e) => [e.field, e.standard]));
  const floors = new Map(type.conditions.map((c) => [c.field, c.min]));
  for (const f of type.fields) {
    const base = standards.get(f.key) ?? (floors.get(f.key) ?? 10) * 1.3;
    out[f.key] = Math.max(0, Math.round(base * scale * wobble));
  }
  return out;
}

async function orgId(tx: Transaction<DB>, name: string, kind: string, region: string): Promise<number> {
  const found = await tx.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return (await tx.insertInto('organization').values({ name, kind, region_code: region }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function loadDemoPlatforms(tx: Transaction<DB>, now: Date): Promise<number> {
  const thisYear = Number(bureauDate(now).slice(0, 4));
  const types = new Map<string, TPlatformType>(platformTypeCatalogue.map((t) => [t.code, { ...t, version: 1 }]));
  const made: { id: number; type: string; region: string; name: string }[] = [];
  let seed = 0;
  for (const d of platforms) {
    seed++;
    const type = types.get(d.type);
    if (!type) continue;
    const org = await orgId(tx, d.org, d.orgKind, d.region);
    const region = (await tx.selectFrom('organization').select('region_code').where('id', '=', org).executeTakeFirstOrThrow()).region_code;
    const level = d.upgrade ? d.upgrade.level : d.level;
    const row = await tx
      .insertInto('platform')
      .values({
        name: d.name,
        type_code: d.type,
        type_version: 1,
        level,
        org_id: org,
        region_code: region,
        doc_no: d.docNo,
        approved_on: d.on,
        status: d.delist ? 'delisted' : 'active',
        fields: JSON.stringify(figures(type, d.scale, Number(d.on.slice(0, 4)) - 1, seed)),
        application_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ref = { id: row.id, typeCode: d.type, regionCode: region };
    await writeEvent(tx, ref, { kind: 'recognise', from: null, to: d.level, docNo: d.docNo, on: d.on, userId: null });
    if (d.upgrade)
      await writeEvent(tx, ref, {
        kind: 'upgrade',
        from: d.level,
        to: d.upgrade.level,
        docNo: d.upgrade.docNo,
        on: d.upgrade.on,
        userId: null,
      });
    if (d.delist)
      await writeEvent(tx, ref, {
        kind: 'delist',
        from: d.level,
        to: null,
        docNo: d.delist.docNo,
        on: d.delist.on,
        note: '绩效评价连续两年不合格',
        userId: null,
      });
    const last = d.delist ? Number(d.delist.on.slice(0, 4)) - 1 : thisYear - 1;
    for (let y = Math.max(Number(d.on.slice(0, 4)), thisYear - 5); y <= last; y++)
      await tx
        .insertInto('platform_report')
        .values({
          platform_id: row.id,
          year: y,
          data: JSON.stringify(figures(type, d.scale, y, seed)),
          status: 'submitted',
          submitted_at: new Date(`${y + 1}-03-15T02:00:00Z`),
        })
        .execute();
    if (!d.delist) made.push({ id: row.id, type: d.type, region, name: d.name });
  }
  // last year's 绩效评价 of the 工程技术研究中心, confirmed
  const year = thisYear - 1;
  const eng = types.get('eng_center') as TPlatformType;
  const rows = [];
  for (const m of made.filter((x) => x.type === 'eng_center')) {
    const r = await tx
      .selectFrom('platform_report')
      .select('data')
      .where('platform_id', '=', m.id)
      .where('year', '=', year)
      .executeTakeFirst();
    rows.push({ platformId: m.id, name: m.name, data: r ? json(r.data) : null });
  }
  if (rows.length > 0) {
    const e = await tx
      .insertInto('platform_evaluation')
      .values({
        type_code: 'eng_center',
        year,
        region_code: '430400',
        status: 'confirmed',
        scheme: JSON.stringify({ type: 'eng_center', version: 1, evaluation: eng.evaluation }),
        doc_no: `衡科发〔${thisYear}〕15号`,
        created_by: null,
        confirmed_at: new Date(`${thisYear}-04-20T02:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('platform_grade')
      .values(
        gradePlatforms(eng, rows, new Set()).map((o) => ({
          evaluation_id: e.id,
          platform_id: o.platformId,
          score: o.score,
          grade: o.grade,
          reported: o.reported,
          consequence: o.consequence,
        })),
      )
      .execute();
  }
  // the counts of every region touched and the regions above it, for the years since the oldest report
  const regions = new Set<string>(['430000', '430400']);
  for (const d of platforms) regions.add(d.region);
  const known = (
    await tx
      .selectFrom('region')
      .select('code')
      .where('code', 'in', [...regions])
      .execute()
  ).map((r) => r.code);
  const years: number[] = [];
  for (let y = thisYear - 5; y <= thisYear; y++) years.push(y);
  await writeValues(tx, await platformValues(tx, known, years), { userId: null, via: 'demo', now });
  await retally(tx, null, 2015, thisYear);
  return platforms.length;
}
