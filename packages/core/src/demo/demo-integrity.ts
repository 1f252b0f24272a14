import type { DB, Transaction } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import { periodEndOf } from '../integrity/period.ts';
import { packFor } from '../integrity/rule-packs.ts';

/*
 * Demo 科研诚信 records of the 衡阳 bureau (430400): published 黑名单 entries on a person and a unit (one under
 * 令第19号, one under 令第24号 by their incident dates), a 红名单 entry for the demo enterprise, an internal
 * 重点关注 entry, an expired ban and a draft. Names are invented (张某某 style); no identity numbers. Runs inside
 * the demo loader's transaction; returns the number of records made.
 */

interface DemoRecord {
  subject: { person: string; employer: string } | { org: string; kind?: string; region?: string };
  listKind: 'black' | 'red' | 'watch';
  status: 'draft' | 'confirmed' | 'published';
  misconductType?: string;
  severity?: 'minor' | 'serious' | 'severe' | 'extreme';
  measures?: string[];
  banScope?: string[];
  start: string;
  years: number | null;
  docNo: string | null;
  decidedOn: string | null;
  occurredOn: string | null;
  summary: string;
}

const records: DemoRecord[] = [
  {
    subject: { person: '张某某', employer: '衡阳某职业技术学院' },
    listKind: 'black',
    status: 'published',
    misconductType: 'fabrication',
    severity: 'severe',
    measures: ['criticism', 'terminate', 'recover_funds', 'ban', 'serious_db'],
    banScope: ['apply', 'undertake', 'review'],
    start: '2025-11-20',
    years: 5,
    docNo: '衡科发〔2025〕46号',
    decidedOn: '2025-11-20',
    occurredOn: '2025-06-30',
    summary: '市级科技计划项目结题验收材料中伪造第三方检测报告，经调查属实。',
  },
  {
    subject: { org: '衡阳某检测技术服务有限公司', region: '430408' },
    listKind: 'black',
    status: 'published',
    misconductType: 'improper_means',
    severity: 'serious',
    measures: ['terminate', 'recover_funds', 'ban'],
    banScope: ['apply', 'undertake', 'hnte', 'voucher'],
    start: '2026-05-15',
    years: 3,
    docNo: '衡科发〔2026〕21号',
    decidedOn: '2026-05-15',
    occurredOn: '2026-04-10',
    summary: '以虚构研发费用、虚报人员的方式申报创新券兑付及科技计划项目。',
  },
  {
    subject: { org: '衡阳衡山科学仪器有限公司' },
    listKind: 'red',
    status: 'published',
    start: '2026-01-01',
    years: 2,
    docNo: '衡科发〔2025〕58号',
    decidedOn: '2025-12-28',
    occurredOn: null,
    summary: '连续三年市级科技计划项目绩效评价为优秀，科研诚信记录良好。',
  },
  {
    subject: { person: '李某', employer: '南华大学' },
    listKind: 'watch',
    status: 'confirmed',
    misconductType: 'authorship',
    severity: 'minor',
    measures: ['admonition'],
    start: '2026-03-02',
    years: 1,
    docNo: '衡科诚〔2026〕2号',
    decidedOn: '2026-03-02',
    occurredOn: '2025-12-15',
    summary: '在项目成果论文中为未实际参与研究的人员署名，已进行诫勉谈话。',
  },
  {
    subject: { person: '王某某', employer: '衡阳某化工有限公司' },
    listKind: 'black',
    status: 'published',
    misconductType: 'ghostwriting',
    severity: 'serious',
    measures: ['criticism', 'ban'],
    banScope: ['apply'],
    start: '2021-03-10',
    years: 3,
    docNo: '衡科发〔2021〕9号',
    decidedOn: '2021-03-10',
    occurredOn: '2020-11-05',
    summary: '委托中介机构代写项目申报书并虚构合作单位。',
  },
  {
    subject: { person: '赵某', employer: '衡阳某新材料有限公司' },
    listKind: 'black',
    status: 'draft',
    misconductType: 'plagiarism',
    severity: 'minor',
    measures: ['criticism'],
    start: '2026-11-30',
    years: null,
    docNo: null,
    decidedOn: null,
    occurredOn: '2026-09-01',
    summary: '项目申请书部分内容与他人已立项申请书雷同，待调查结论。',
  },
];

async function subjectOf(tx: Transaction<DB>, s: DemoRecord['subject']) {
  if ('person' in s) {
    const { id } = await tx
      .insertInto('person')
      .values({ name: s.person, employer_name: s.employer })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { person_id: id, org_id: null, subject_kind: 'person' as const, subject_name: s.person, subject_unit: s.employer };
  }
  const found = await tx.selectFrom('organization').select('id').where('name', '=', s.org).executeTakeFirst();
  const id =
    found?.id ??
    (
      await tx
        .insertInto('organization')
        .values({ name: s.org, kind: s.kind ?? 'enterprise', region_code: s.region ?? '430400' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return { person_id: null, org_id: id, subject_kind: 'org' as const, subject_name: s.org, subject_unit: null };
}

export async function loadDemoIntegrity(tx: Transaction<DB>, now: Date): Promise<number> {
  const today = bureauDate(now);
  for (const r of records) {
    const subject = await subjectOf(tx, r.subject);
    const at = new Date(`${r.decidedOn ?? today}T02:00:00Z`);
    await tx
      .insertInto('integrity_record')
      .values({
        ...subject,
        region_code: '430400',
        list_kind: r.listKind,
        pack_id: r.occurredOn ? (packFor(r.occurredOn)?.id ?? null) : null,
        misconduct_type: r.misconductType ?? null,
        severity: r.severity ?? null,
        measures: r.measures ?? [],
        ban_scope: r.banScope ?? [],
        period_start: r.start,
        period_end: r.years ? periodEndOf(r.start, r.years) : null,
        period_years: r.years,
        doc_no: r.docNo,
        issuer: r.docNo ? '衡阳市科学技术局' : null,
        decided_on: r.decidedOn,
        occurred_on: r.occurredOn,
        summary: r.summary,
        status: r.status,
        confirmed_at: r.status === 'draft' ? null : at,
        published_at: r.status === 'published' ? at : null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return records.length;
}
