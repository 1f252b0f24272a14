import { AppError, type TIntegrityRecordInputParsed } from '@kechuang/contracts';
import type { DB } from '@kechuang/db';
import type { Insertable } from 'kysely';
import type { Db } from './integrity.repository.ts';
import { periodEndOf } from './period.ts';
import { packFor } from './rule-packs.ts';

type Fields = Omit<Insertable<DB['integrity_record']>, 'region_code' | 'created_by' | 'source_event_id' | 'source_project_id'>;

/**
 * The stored fields of a record from its input, checked for consistency (a draft may still be incomplete):
 * the subject matches its kind and exists; a 红名单 record carries no misconduct, measures or ban; a ban measure
 * and the activities it covers come together; a period has a start and at most one of end, years or 永久.
 * The rule pack follows from the incident date.
 */
export async function recordFields(db: Db, input: TIntegrityRecordInputParsed): Promise<Fields> {
  const subject = await subjectOf(db, input);
  const red = input.listKind === 'red';
  if (red && (input.misconductType || input.severity || input.measures.length > 0 || input.banScope.length > 0))
    throw new AppError('integrity/red_with_measures');
  const hasBan = input.measures.includes('ban');
  if (hasBan !== input.banScope.length > 0) throw new AppError('integrity/ban_scope_mismatch');
  const start = input.periodStart ?? null;
  const ends = [input.periodEnd ? 1 : 0, input.periodYears ? 1 : 0, input.permanent ? 1 : 0].reduce((a, b) => a + b, 0);
  if (ends > 1 || (ends === 1 && start === null)) throw new AppError('integrity/period_invalid');
  const end = input.periodYears && start ? periodEndOf(start, input.periodYears) : (input.periodEnd ?? null);
  if (start !== null && end !== null && end < start) throw new AppError('integrity/period_invalid');
  const occurred = input.occurredOn ?? null;
  return {
    subject_kind: input.subjectKind,
    person_id: input.subjectKind === 'person' ? (input.personId as number) : null,
    org_id: input.subjectKind === 'org' ? (input.orgId as number) : null,
    subject_name: input.subjectName ?? subject.name,
    subject_unit: input.subjectUnit === undefined ? subject.unit : input.subjectUnit,
    list_kind: input.listKind,
    pack_id: occurred ? (packFor(occurred)?.id ?? null) : null,
    misconduct_type: input.misconductType ?? null,
    severity: input.severity ?? null,
    measures: [...new Set(input.measures)],
    ban_scope: [...new Set(input.banScope)],
    period_start: start,
    period_end: end,
    permanent: input.permanent,
    period_years: input.periodYears ?? null,
    doc_no: input.docNo || null,
    issuer: input.issuer || null,
    decided_on: input.decidedOn ?? null,
    occurred_on: occurred,
    summary: input.summary,
  };
}

async function subjectOf(db: Db, input: TIntegrityRecordInputParsed): Promise<{ name: string; unit: string | null }> {
  if (input.subjectKind === 'person') {
    if (!input.personId || input.orgId) throw new AppError('integrity/subject_mismatch');
    const p = await db
      .selectFrom('person')
      .leftJoin('organization', 'organization.id', 'person.employer_org_id')
      .select(['person.name', 'person.employer_name', 'organization.name as org_name'])
      .where('person.id', '=', input.personId)
      .executeTakeFirst();
    if (!p) throw new AppError('integrity/subject_not_found', { personId: input.personId });
    return { name: p.name, unit: p.org_name ?? p.employer_name };
  }
  if (!input.orgId || input.personId) throw new AppError('integrity/subject_mismatch');
  const o = await db.selectFrom('organization').select('name').where('id', '=', input.orgId).executeTakeFirst();
  if (!o) throw new AppError('integrity/subject_not_found', { orgId: input.orgId });
  return { name: o.name, unit: null };
}

/** What a record still lacks to be confirmed (zh-CN field names); empty when complete. */
export function missingForConfirm(r: {
  list_kind: string;
  doc_no: string | null;
  decided_on: string | null;
  occurred_on: string | null;
  misconduct_type: string | null;
  severity: string | null;
  measures: string[];
  period_start: string | null;
  period_end: string | null;
  permanent: boolean;
}): string[] {
  const missing: string[] = [];
  if (!r.doc_no) missing.push('处理决定文号');
  if (!r.decided_on) missing.push('作出日期');
  if (r.list_kind === 'red') {
    if (!r.period_start) missing.push('起始日期');
    return missing;
  }
  if (!r.occurred_on) missing.push('行为发生日期');
  if (!r.misconduct_type) missing.push('失信类型');
  if (r.list_kind === 'black') {
    if (!r.severity) missing.push('严重程度');
    if (r.measures.length === 0) missing.push('处理措施');
  }
  if (r.measures.includes('ban') && (!r.period_start || (!r.period_end && !r.permanent))) missing.push('限制期限');
  return missing;
}
