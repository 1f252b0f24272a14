import { AppError, type TProgressReport } from '@kechuang/contracts';
import { sql } from 'kysely';
import { bureauDate } from '../bureau-date.ts';
import type { Actor } from '../context.ts';
import { hasRole } from '../policy.ts';
import type { Db } from './exec.repository.ts';

export function selectReports(db: Db) {
  return db
    .selectFrom('progress_report as r')
    .innerJoin('organization as o', 'o.id', 'r.org_id')
    .leftJoin('app_user as su', 'su.id', 'r.submitted_by')
    .leftJoin('app_user as ru', 'ru.id', 'r.reviewed_by')
    .selectAll('r')
    .select(['o.name as org_name', 'su.display_name as submitted_by_name', 'ru.display_name as reviewed_by_name'])
    .select(
      sql<boolean>`exists (select 1 from progress_report l where l.node_id = r.node_id and l.org_id = r.org_id and l.period = r.period and l.version > r.version and l.status <> 'draft')`.as(
        'superseded',
      ),
    );
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

export async function findReport(db: Db, id: number): Promise<ReportRow> {
  const row = await selectReports(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('report/not_found', { id });
  return row;
}

/** Drafts are private to the unit writing them (and the bureau, which may write on its behalf). */
export function canSeeReport(actor: Actor, r: { status: string; org_id: number }): boolean {
  if (r.status !== 'draft') return true;
  return actor.orgId === r.org_id || hasRole(actor, 'admin', 'planner');
}

type ValueRow = { target_id: number; value: string | number; indicator_name: string; unit: string };
type FileRow = {
  id: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
};

/**
 * Reports with their target values and attachments as json columns: one statement however many reports (a
 * report is opened, saved or submitted on nearly every request of a month end: one round trip instead of three).
 */
export function selectReportsWithDetails(db: Db) {
  return selectReports(db).select([
    sql<ValueRow[]>`(select coalesce(json_agg(json_build_object('target_id', v.target_id, 'value', v.value,
      'indicator_name', t.indicator_name, 'unit', t.unit) order by v.target_id), '[]')
      from report_target_value v join plan_target t on t.id = v.target_id where v.report_id = r.id)`.as('values_json'),
    sql<FileRow[]>`(select coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename,
      'content_type', a.content_type, 'size_bytes', a.size_bytes, 'sha256', a.sha256, 'uploaded_at', a.uploaded_at) order by a.id), '[]')
      from report_attachment a where a.report_id = r.id)`.as('files_json'),
  ]);
}
type ReportWithDetailsRow = ReportRow & { values_json: ValueRow[]; files_json: FileRow[] };

/** A row of selectReportsWithDetails as the API shows it. */
export function reportWithDetails({ values_json, files_json, ...row }: ReportWithDetailsRow): TProgressReport {
  return toProgressReport(row, values_json, files_json);
}

function toProgressReport(r: ReportRow, values: ValueRow[], files: FileRow[]): TProgressReport {
  return {
    id: r.id,
    planId: r.plan_id,
    nodeId: r.node_id,
    orgId: r.org_id,
    orgName: r.org_name,
    period: r.period,
    periodEnd: r.period_end,
    dueDate: r.due_date,
    version: r.version,
    status: r.status as TProgressReport['status'],
    superseded: r.superseded,
    narrative: r.narrative,
    percent: r.percent,
    selfStatus: r.self_status as TProgressReport['selfStatus'],
    values: values.map((v) => ({ targetId: v.target_id, indicatorName: v.indicator_name, unit: v.unit, value: Number(v.value) })),
    attachments: files.map((f) => ({
      id: f.id,
      filename: f.filename,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      sha256: f.sha256,
      // a json timestamp carries microseconds and an offset; as a Date it is the same instant to the millisecond
      uploadedAt: new Date(f.uploaded_at).toISOString(),
    })),
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    submittedBy: r.submitted_by_name,
    onTime: r.submitted_at ? bureauDate(r.submitted_at) <= r.due_date : null,
    reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
    reviewedBy: r.reviewed_by_name,
    reviewComment: r.review_comment,
    rowVersion: r.row_version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** One report with its target values and attachments, in one statement; the row too, for checks on it. */
export async function findReportWithDetails(db: Db, id: number): Promise<{ row: ReportRow; report: TProgressReport }> {
  const row = await selectReportsWithDetails(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('report/not_found', { id });
  return { row, report: reportWithDetails(row) };
}

export async function loadReport(db: Db, id: number): Promise<TProgressReport> {
  return (await findReportWithDetails(db, id)).report;
}
