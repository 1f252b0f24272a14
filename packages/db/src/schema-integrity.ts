// Tables of 科研诚信记录（红黑名单） (migrations/0015_integrity.ts); part of DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';

type DateNull = ColumnType<string | null, string | null | undefined, string | null>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface IntegrityRecordTable {
  id: Generated<number>;
  region_code: string;
  subject_kind: 'person' | 'org';
  person_id: number | null;
  org_id: number | null;
  subject_name: string;
  subject_unit: string | null;
  list_kind: 'red' | 'black' | 'watch';
  pack_id: string | null;
  misconduct_type: string | null;
  severity: 'minor' | 'serious' | 'severe' | 'extreme' | null;
  measures: TextArray;
  ban_scope: TextArray;
  period_start: DateNull;
  period_end: DateNull;
  permanent: Generated<boolean>;
  period_years: number | null;
  doc_no: string | null;
  issuer: string | null;
  decided_on: DateNull;
  occurred_on: DateNull;
  summary: Generated<string>;
  appeal_status: Generated<'none' | 'pending' | 'upheld' | 'rejected'>;
  appeal_note: Generated<string>;
  status: Generated<'draft' | 'confirmed' | 'published' | 'revoked'>;
  revoke_reason: string | null;
  source_event_id: number | null;
  source_project_id: number | null;
  created_by: number | null;
  confirmed_at: TimestampNull;
  published_at: TimestampNull;
  revoked_at: TimestampNull;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface IntegritySuggestionDismissalTable {
  event_id: number;
  reason: string;
  dismissed_by: number | null;
  dismissed_at: TimestampDefault;
}

export interface IntegrityTables {
  integrity_record: IntegrityRecordTable;
  integrity_suggestion_dismissal: IntegritySuggestionDismissalTable;
}
