import type { ColumnType, Generated } from 'kysely';

// Tables of 创新平台 (migrations/0019_platform.ts); part of DB in schema.ts.

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;
type JsonDefault = ColumnType<unknown, string | undefined, string>;
type DateText = ColumnType<string, string, string>;
type DateTextNull = ColumnType<string | null, string | null | undefined, string | null>;
type Numeric = ColumnType<string, string | number, string | number>;

/** 0019: the versioned type catalogue; definition = PlatformTypeDefinition (contracts/platform-types.ts) */
export interface PlatformTypeTable {
  code: string;
  version: number;
  name: string;
  family: string;
  definition: Json;
  valid_from: DateText;
}

export interface PlatformTable {
  id: Generated<number>;
  name: string;
  type_code: string;
  type_version: number;
  level: string;
  org_id: number;
  region_code: string;
  doc_no: string;
  approved_on: DateText;
  status: Generated<string>;
  fields: JsonDefault;
  application_id: number | null;
  created_at: TimestampDefault;
}

export interface PlatformEventTable {
  id: Generated<number>;
  platform_id: number;
  kind: string;
  from_level: string | null;
  to_level: string | null;
  doc_no: string | null;
  on_date: DateText;
  note: Generated<string>;
  user_id: number | null;
  at: TimestampDefault;
}

export interface PlatformSpanTable {
  platform_id: number;
  type_code: string;
  level: string;
  region_code: string;
  valid_from: DateText;
  valid_to: DateTextNull;
}

export interface PlatformTallyTable {
  region_code: string;
  year: number;
  type_code: string;
  level: string;
  stock: Generated<number>;
  added: Generated<number>;
  removed: Generated<number>;
}

export interface PlatformCallTable {
  id: Generated<number>;
  title: string;
  region_code: string;
  year: number;
  type_codes: string[];
  closes_on: DateText;
  status: Generated<string>;
  publicity_from: DateTextNull;
  publicity_to: DateTextNull;
  doc_no: string | null;
  recognised_on: DateTextNull;
  created_by: number | null;
  created_at: TimestampDefault;
}

export interface PlatformApplicationTable {
  id: Generated<number>;
  call_id: number;
  org_id: number;
  region_code: string;
  name: string;
  type_code: string;
  type_version: number;
  fields: Json;
  conditions: JsonDefault;
  status: Generated<string>;
  review_score: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  review_opinion: string | null;
  platform_id: number | null;
  submitted_at: TimestampNull;
  created_at: TimestampDefault;
}

export interface PlatformReportTable {
  platform_id: number;
  year: number;
  data: Json;
  status: Generated<string>;
  submitted_at: TimestampNull;
  updated_at: TimestampDefault;
}

export interface PlatformEvaluationTable {
  id: Generated<number>;
  type_code: string;
  year: number;
  region_code: string;
  status: Generated<string>;
  scheme: Json;
  doc_no: string | null;
  created_by: number | null;
  created_at: TimestampDefault;
  confirmed_at: TimestampNull;
}

export interface PlatformGradeTable {
  evaluation_id: number;
  platform_id: number;
  score: Numeric;
  grade: string;
  reported: boolean;
  consequence: string | null;
}

export interface PlatformIndicatorRuleTable {
  indicator_code: string;
  measure: string;
  type_codes: string[] | null;
  levels: string[];
}

export interface PlatformTables {
  platform_type: PlatformTypeTable;
  platform: PlatformTable;
  platform_event: PlatformEventTable;
  platform_span: PlatformSpanTable;
  platform_tally: PlatformTallyTable;
  platform_call: PlatformCallTable;
  platform_application: PlatformApplicationTable;
  platform_report: PlatformReportTable;
  platform_evaluation: PlatformEvaluationTable;
  platform_grade: PlatformGradeTable;
  platform_indicator_rule: PlatformIndicatorRuleTable;
}
