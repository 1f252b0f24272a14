import type { ColumnType, Generated } from 'kysely';

// Tables of 评审专家库 (migrations/0016_expert.ts); part of DB in schema.ts.
// Dates (`date` columns) are read as 'YYYY-MM-DD' strings.

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateNull = ColumnType<string | null, string | null | undefined, string | null>;
type DateNotNull = ColumnType<string, string, string>;
type Codes = ColumnType<string[], string[] | undefined, string[]>;

export type ExpertStatusValue = 'pending' | 'active' | 'paused' | 'retired' | 'removed' | 'rejected';
export type ExpertRelationKindValue = 'kin' | 'mentor' | 'co_applicant' | 'shareholding' | 'other';

/** 0016: 评审专家 — a role of a person, kept by the bureau of region_code. */
export interface ExpertTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  /** 职称 */
  title: string | null;
  /** GB/T 13745 学科 */
  discipline_codes: Codes;
  /** GB/T 4754 行业 */
  industry_codes: Codes;
  /** 研究方向/擅长领域 */
  specialty: ColumnType<string, string | undefined, string>;
  status: ExpertStatusValue;
  yearly_quota: ColumnType<number, number | undefined, number>;
  /** the expert's own account (self-service) */
  user_id: number | null;
  approved_by: number | null;
  approved_at: TimestampNull;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  version: Generated<number>;
}

/** 0016: employers of an expert; the current one has to_date null. */
export interface ExpertEmploymentTable {
  id: Generated<number>;
  expert_id: number;
  org_id: number | null;
  org_name: string;
  from_date: DateNull;
  to_date: DateNull;
}

/** 0016: a declared relation to a person (record or name) or to an organisation. */
export interface ExpertRelationTable {
  id: Generated<number>;
  expert_id: number;
  kind: ExpertRelationKindValue;
  person_id: number | null;
  person_name: string | null;
  org_id: number | null;
  org_name: string | null;
  note: ColumnType<string, string | undefined, string>;
  from_date: DateNull;
  to_date: DateNull;
}

/** 0016: dates on which the expert cannot review (inclusive). */
export interface ExpertUnavailableTable {
  id: Generated<number>;
  expert_id: number;
  from_date: DateNotNull;
  to_date: DateNotNull;
  note: ColumnType<string, string | undefined, string>;
}

export interface ExpertTables {
  expert: ExpertTable;
  expert_employment: ExpertEmploymentTable;
  expert_relation: ExpertRelationTable;
  expert_unavailable: ExpertUnavailableTable;
}
