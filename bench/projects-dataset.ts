/** The bench:projects dataset: one open call with its applications and a project bank, written with set-based SQL. */
import type { DB, Kysely } from '../packages/db/src/index.ts';
import { sql } from '../packages/db/src/index.ts';

const subjects = [
  '高温合金',
  '稻田土壤',
  '锂电池正极',
  '光谱仪',
  '中药材',
  '智能电网',
  '轴承',
  '工业机器人',
  '生猪养殖',
  '有色金属',
  '石墨烯',
  '油茶',
];
const verbs = ['关键技术研究', '产业化示范', '智能检测方法研究', '绿色制备工艺', '国产化攻关', '应用示范'];
const objects = [
  '精密铸造',
  '重金属钝化',
  '快充材料',
  '探测模组',
  '规范化种植',
  '故障诊断',
  '寿命预测',
  '柔性装配',
  '粪污资源化',
  '低碳冶炼',
  '导热薄膜',
  '良种选育',
  '数字孪生',
  '在线监测',
  '标准体系',
  '成果转化',
];
const scenes = ['', '面向湘南地区的', '基于人工智能的', '低成本', '高可靠', '绿色'];

/**
 * `applications` submitted applications to one published, open call of the 衡阳 bureau (applicants spread over
 * the city's counties, a leader now and then in two applications, titles drawn from a small vocabulary so some
 * are near-duplicates), and a bank of `projects` projects over 2015–2026.
 */
export async function generateProjects(
  db: Kysely<DB>,
  applications: number,
  projects: number,
): Promise<{ callId: number; words: string[] }> {
  const { id: programmeId } = await db
    .insertInto('project_programme')
    .values({ region_code: '430400', kind: 'natural_science', name: '自然科学基金（基准测试）' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: callId } = await db
    .insertInto('project_call')
    .values({
      programme_id: programmeId,
      region_code: '430400',
      year: 2026,
      title: '2026年度自然科学基金申报指南（基准测试）',
      max_grant_fen: 30_000_000,
      budget_fen: 9_000_000_000,
      opens_at: new Date(Date.now() - 86_400_000),
      closes_at: new Date(Date.now() + 30 * 86_400_000),
      limit_per_unit: 3,
      limit_per_leader: 1,
      recommendation: 'direct',
      eligibility: JSON.stringify({ applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] }),
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = Math.ceil(applications / 2.5);
  await sql`
    insert into organization (name, kind, region_code)
    select '基准申报单位' || g, case when g % 5 = 0 then 'institute' else 'enterprise' end,
      (array['430405','430406','430407','430408','430412','430421','430422','430423','430424','430426','430481','430482'])[1 + g % 12]
    from generate_series(1, ${units}::int) g`.execute(db);
  await sql`
    insert into person (name, id_last4) select '负责人' || g, lpad((g % 10000)::text, 4, '0') from generate_series(1, ${applications}::int) g`.execute(
    db,
  );
  // every 50th application shares its leader with the one before; titles from subject × verb × a number
  await sql`
    with units as (select id, region_code, row_number() over (order by id) as n from organization where name like '基准申报单位%'),
         people as (select id, row_number() over (order by id) as n from person where name like '负责人%')
    insert into project_application (call_id, org_id, region_code, title, leader_person_id, budget, fiscal_fen, self_fen, targets, status, submitted_at)
    select ${callId}::int, u.id, u.region_code,
      -- distinct titles from scene × subject × object × verb (6,912 of them), and one in 100 restating the one before
      (${sql.val(scenes)}::text[])[1 + (((case when g % 100 = 0 then g - 1 else g end) * 7919) % 6912) / 1152]
        || (${sql.val(subjects)}::text[])[1 + (((case when g % 100 = 0 then g - 1 else g end) * 7919) % 6912) % 12]
        || (${sql.val(objects)}::text[])[1 + ((((case when g % 100 = 0 then g - 1 else g end) * 7919) % 6912) / 12) % 16]
        || (${sql.val(verbs)}::text[])[1 + ((((case when g % 100 = 0 then g - 1 else g end) * 7919) % 6912) / 192) % 6]
        || case when g % 100 = 0 then '的研究' else '' end,
      p.id, '[{"category":"equipment","fiscalFen":20000000,"selfFen":10000000}]'::jsonb, 20000000, 10000000, '[]'::jsonb,
      'submitted', now() - (g || ' seconds')::interval
    from generate_series(1, ${applications}::int) g
    join units u on u.n = 1 + (g - 1) % ${units}::int
    join people p on p.n = case when g % 50 = 0 then g - 1 else g end`.execute(db);
  await sql`
    insert into project (project_no, programme_kind, programme_name, region_code, bureau_region_code, org_name, year, title,
      field_code, leader_name, granted_fen, status, source, contract)
    select 'BENCH-' || g,
      (array['natural_science','key_rnd','open_competition','post_subsidy','soft_science'])[1 + g % 5],
      (array['自然科学基金','重点研发','揭榜挂帅','后补助','软科学'])[1 + g % 5],
      (array['430405','430406','430407','430408','430412','430421','430422','430423','430424','430426','430481','430482'])[1 + g % 12],
      '430400', '承担单位' || (g % 3000), 2015 + g % 12,
      (${sql.val(subjects)}::text[])[1 + g % 12] || (${sql.val(verbs)}::text[])[1 + (g / 7) % 6] || '项目' || g,
      (array['A01','B02','C03','D04','E05'])[1 + g % 5], '负责人' || (g % 20000) || '号', (100000 + (g % 300) * 100000)::bigint,
      (array['executing','passed','concluded','passed_after_rectification','failed','terminated'])[1 + g % 6], 'import', null
    from generate_series(1, ${projects}::int) g`.execute(db);
  await sql`analyze`.execute(db);
  return { callId, words: subjects };
}
