import type { ColumnType, Generated } from 'kysely';

// Tables of 专家抽取与评审 (migrations/0017_review.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;
type DateText = ColumnType<string, string, string>;

/** 0017: the scoring rubric of a batch (a call): criteria, aggregation, dispersion threshold, mode, blind. */
export interface ReviewRubricTable {
  id: Generated<number>;
  subject_kind: string;
  batch_id: number;
  region_code: string;
  criteria: Json;
  veto_enabled: boolean;
  aggregation: string;
  /** numeric, read as a decimal string */
  dispersion_threshold: ColumnType<string, string, string>;
  mode: string;
  blind: boolean;
  opinion_required: boolean;
  version: Generated<number>;
  updated_at: TimestampDefault;
}

/** 0017: the record of one random draw: everything needed to re-run it. */
export interface ReviewDrawTable {
  id: Generated<number>;
  subject_kind: string;
  batch_id: number;
  region_code: string;
  algorithm: string;
  seed: string;
  constraints: Json;
  pool_snapshot: Json;
  snapshot_sha256: string;
  subjects: Json;
  batch_persons: Json;
  exclusions: Json;
  operator_user_id: number | null;
  operator_name: string | null;
  drawn_at: Timestamp;
  opened_at: TimestampNull;
}

/** 0017: a subject's panel; sealed until the review opens. */
export interface ReviewPanelTable {
  id: Generated<number>;
  draw_id: number;
  subject_kind: string;
  subject_id: number;
  batch_id: number;
  region_code: string;
  status: string;
  exclusions: Json;
  review_from: DateText;
  review_to: DateText;
  version: Generated<number>;
  created_at: TimestampDefault;
}

/** 0017: a seat or a reserve of a panel, in draw order. */
export interface ReviewAssignmentTable {
  id: Generated<number>;
  panel_id: number;
  expert_id: number;
  position: number;
  seat: boolean;
  status: string;
  note: string | null;
  year: number;
  declared_at: TimestampNull;
  version: Generated<number>;
}

/** 0017: an expert's score sheet (entered by the expert online, or by the secretary at a meeting). */
export interface ReviewScoreTable {
  assignment_id: number;
  scores: Json;
  comments: Json;
  opinion: ColumnType<string, string | undefined, string>;
  veto: ColumnType<boolean, boolean | undefined, boolean>;
  total: ColumnType<string, string, string>;
  entered_by: number | null;
  entered_by_name: string | null;
  submitted_at: Timestamp;
}

/** 0017: a panel's log (draw, opening, declarations, replacements from the reserves, scores). */
export interface ReviewEventTable {
  id: Generated<number>;
  panel_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  actor_username: string | null;
  kind: string;
  detail: ColumnType<unknown, string | null, string | null>;
}

/** 0017: 回避申请 of an applicant. */
export interface ReviewAvoidanceTable {
  id: Generated<number>;
  subject_kind: string;
  subject_id: number;
  person_name: string | null;
  org_name: string | null;
  reason: string;
  created_by: number | null;
  created_at: TimestampDefault;
}

export interface ReviewTables {
  review_rubric: ReviewRubricTable;
  review_draw: ReviewDrawTable;
  review_panel: ReviewPanelTable;
  review_assignment: ReviewAssignmentTable;
  review_score: ReviewScoreTable;
  review_event: ReviewEventTable;
  review_avoidance: ReviewAvoidanceTable;
}
