import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ExpertTables } from './schema-expert.ts';
import type { IntegrityTables } from './schema-integrity.ts';
import type { JobTables } from './schema-jobs.ts';
import type { PlatformTables } from './schema-platform.ts';
import type { ReviewTables } from './schema-review.ts';
import type { TalentTables } from './schema-talent.ts';
import type { TechmarketMarketTables } from './schema-techmarket-market.ts';
import type { VoucherTables } from './schema-voucher.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface RegionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  initials: string;
  valid_from: ColumnType<string | null, string | null | undefined, string | null>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  successor_code: string | null;
}

export interface RegionChangeTable {
  id: Generated<number>;
  kind: string;
  effective_date: ColumnType<string, string, string>;
  from_codes: string[];
  to_code: string | null;
  note: string;
  created_at: TimestampDefault;
}

export interface OrganizationTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  kind: string;
  region_code: string;
  uscc: string | null;
  contact: string | null;
  phone: string | null;
  disabled_at: TimestampNull;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  roles: string[];
  phone: string | null;
  email: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: TimestampNull;
  /** failures before this moment no longer slow the account down (an administrator's unlock, 0012) */
  login_reset_at: TimestampNull;
  disabled_at: TimestampNull;
  last_login_at: TimestampNull;
  password_changed_at: TimestampDefault;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface SessionTable {
  /** sha-256 of the cookie token; the token itself is never stored */
  token_hash: string;
  /** short public id shown in the session list */
  public_id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: TimestampDefault;
  last_seen_at: TimestampDefault;
  expires_at: Timestamp;
  revoked_at: TimestampNull;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  username: string;
  ip: string | null;
  success: boolean;
  at: TimestampDefault;
  /** sha-256 of the device cookie the attempt came with (0012) */
  device_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: TimestampDefault;
  actor_user_id: number | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_code: string | null;
  before: Json;
  after: Json;
}

export interface SettingTable {
  key: string;
  value: Json;
  updated_at: TimestampDefault;
}

export interface PlanTable {
  id: Generated<number>;
  region_code: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  year: number;
  period_to: number | null;
  kind: string;
  status: Generated<string>;
  source_filename: string | null;
  source_text: Generated<string>;
  created_by: number | null;
  version: Generated<number>;
  /** moves on with every write to the plan's assignments (trigger, 0009) */
  assignment_version: Generated<number>;
  /** a plan kept for the record: no reminders, no overdue periods, not in the inbox (0013) */
  archived: Generated<boolean>;
  published_at: TimestampNull;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface PlanNodeTable {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  position: number;
  kind: string;
  number: Generated<string>;
  title: string;
  start_offset: Generated<number>;
  end_offset: Generated<number>;
  lead_units: Generated<string[]>;
  co_units: Generated<string[]>;
  deadline: string | null;
  leader: ColumnType<string | null, string | null | undefined, string | null>;
  start_date: ColumnType<string | null, string | null | undefined, string | null>;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'none' | 'monthly' | 'quarterly' | 'custom' */
  cycle: Generated<string>;
  /** day of the month after the period ends by which the report is due */
  cycle_due_day: Generated<number>;
  custom_due_dates: Generated<string[]>;
  weight: ColumnType<string, number | string | undefined, number | string>;
  /** [{ title, due }] */
  milestones: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
}

/** numeric columns come back as strings (exact decimals); write numbers or strings */
type Numeric = ColumnType<string, number | string, number | string>;

export interface PlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  node_id: number | null;
  indicator_name: string;
  indicator_code: string | null;
  value: Numeric;
  value_max: ColumnType<string | null, number | string | null, number | string | null>;
  unit: string;
  normalized_value: Numeric;
  normalized_unit: string;
  comparator: string | null;
  qualifier: string | null;
  kind: string;
  target_year: number | null;
  quote: Generated<string>;
  start_offset: Generated<number>;
  end_offset: Generated<number>;
  baseline: Generated<boolean>;
}

export interface PlanRevisionTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  snapshot: Json;
  reason: Generated<string>;
  changed_by: number | null;
  changed_at: TimestampDefault;
}

export interface PlanAssignmentTable {
  id: Generated<number>;
  plan_id: number;
  node_id: number;
  org_id: number;
  /** 'lead' | 'co' */
  role: string;
  created_at: TimestampDefault;
}

/** A large plan import's chunks while its job runs, seen by nobody else (0027); moved or applied at its end. */
export interface PlanImportStagingTable {
  run_key: string;
  /** 'node' | 'target' | 'node_change' | 'target_change' | 'upload' */
  entity: string;
  seq: number;
  data: ColumnType<unknown, string | undefined, string>;
  bytes: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  created_at: TimestampDefault;
}

export interface ProgressReportTable {
  id: Generated<number>;
  plan_id: number;
  node_id: number;
  org_id: number;
  /** '2026-03' (monthly), '2026Q1' (quarterly), '2026-06-30' (custom: the due date) */
  period: string;
  period_end: string;
  due_date: string;
  version: Generated<number>;
  /** 'draft' | 'submitted' | 'accepted' | 'returned' */
  status: string;
  narrative: Generated<string>;
  percent: number | null;
  /** 'on_track' | 'at_risk' | 'lagging' | 'done' */
  self_status: string | null;
  submitted_at: TimestampNull;
  submitted_by: number | null;
  reviewed_at: TimestampNull;
  reviewed_by: number | null;
  review_comment: string | null;
  /** optimistic concurrency: bumped on every change, compared on review */
  row_version: Generated<number>;
  created_by: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** Per (task, unit): what its reports add up to, kept current by triggers on progress_report (0005). */
export interface ReportTallyTable {
  node_id: number;
  org_id: number;
  plan_id: number;
  /** comma-separated periods with a submitted or accepted report */
  reported: Generated<string>;
  /** comma-separated periods with a report submitted by its due date */
  on_time: Generated<string>;
  /** comma-separated periods with a report awaiting review */
  awaiting: Generated<string>;
  /** comma-separated period|id|version of returned reports no later version supersedes */
  returned: Generated<string>;
  /** comma-separated period|id|version of drafts */
  drafts: Generated<string>;
  pending: Generated<number>;
  latest_id: number | null;
  latest_period: string | null;
  latest_period_end: string | null;
  latest_version: number | null;
  latest_status: string | null;
  latest_percent: number | null;
  latest_submitted_at: TimestampNull;
  last_submitted_at: TimestampNull;
  /** the transaction that last wrote the row (xid8 as text, 0009) */
  xid: Generated<string>;
}

/** Each target's latest value from a submitted or accepted report, kept by triggers (0009). */
export interface TargetLatestValueTable {
  target_id: number;
  plan_id: number;
  report_id: number;
  org_id: number;
  value: string;
  period: string;
  period_end: string;
  submitted_at: Date;
}

/** Per (plan, unit, month of the period reported on): the dashboard's trend, kept by triggers (0005). */
export interface ReportMonthTallyTable {
  plan_id: number;
  org_id: number;
  /** 'YYYY-MM' */
  month: string;
  submitted: Generated<number>;
  on_time: Generated<number>;
  percent_sum: Generated<string>;
  percent_n: Generated<number>;
  on_track: Generated<number>;
  at_risk: Generated<number>;
  lagging: Generated<number>;
  done: Generated<number>;
}

export interface ReportTargetValueTable {
  report_id: number;
  target_id: number;
  value: Numeric;
}

export interface ReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: TimestampDefault;
}

export interface TaskEventTable {
  id: ColumnType<string, never, never>;
  plan_id: number;
  node_id: number;
  at: TimestampDefault;
  actor_user_id: number | null;
  actor_name: string | null;
  kind: string;
  report_id: number | null;
  detail: ColumnType<unknown, string | undefined, string>;
}

export interface PlanBulletinTable {
  id: Generated<number>;
  plan_id: number;
  title: string;
  period_label: string;
  as_of: string;
  summary: ColumnType<unknown, string | undefined, string>;
  docx: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  xlsx: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  generated_by: number | null;
  generated_at: TimestampDefault;
}

export interface NotificationTable {
  id: ColumnType<string, never, never>;
  user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  plan_id: number | null;
  node_id: number | null;
  dedupe_key: string | null;
  created_at: TimestampDefault;
  read_at: TimestampNull;
}

export interface SchedulerJobTable {
  job: string;
  last_run_at: TimestampNull;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
  locked_until: TimestampNull;
  locked_by: string | null;
}

export interface EnterpriseTable {
  id: Generated<number>;
  uscc: string;
  name: string;
  region_code: string;
  industry_code: string | null;
  registered_on: string | null;
  contact: string | null;
  phone: string | null;
  /** the enterprise's own account organisation, when it signs in itself */
  org_id: number | null;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface EnterpriseYearTable {
  enterprise_id: number;
  year: number;
  /** one ZEnterpriseYear object */
  data: Json;
  updated_at: TimestampDefault;
}

export interface EnterpriseStatusTable {
  id: Generated<number>;
  enterprise_id: number;
  rung: string;
  reference: string | null;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  created_at: TimestampDefault;
}

/** 科技型中小企业 入库登记编号 (0011): valid for its year; revoked_on/reason when 撤销 */
export interface TechSmeRegistrationTable {
  id: Generated<number>;
  enterprise_id: number;
  year: number;
  number: string;
  registered_on: string;
  status_id: number | null;
  revoked_on: string | null;
  revocation_reason: string | null;
  revocation_note: string | null;
  created_at: TimestampDefault;
}

/** derived from enterprise_status: merged coverage per enterprise and rung */
export interface EnterpriseLadderSpanTable {
  enterprise_id: number;
  rung: string;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
}

/** 知识产权 of an enterprise (0006); data = one ZIpItem */
export interface EnterpriseIpTable {
  id: Generated<number>;
  enterprise_id: number;
  number: string;
  kind: string;
  data: Json;
  created_at: TimestampDefault;
}

/** safety / quality / environment incidents of an enterprise (0006) */
export interface EnterpriseIncidentTable {
  id: Generated<number>;
  enterprise_id: number;
  occurred_on: string;
  kind: string;
  severity: string;
  note: string | null;
  created_at: TimestampDefault;
}

/** the enterprise's declaration that its IP / incident lists are complete (0006) */
export interface EnterpriseDisclosureTable {
  enterprise_id: number;
  ip_complete: Generated<boolean>;
  incidents_complete: Generated<boolean>;
  updated_at: TimestampDefault;
}

/** 高企后备库 admission rules per region, versioned (0006); rules = one ZReserveRules */
export interface EnterpriseReserveRulesTable {
  id: Generated<number>;
  region_code: string;
  version: number;
  effective_from: string;
  rules: Json;
  note: string | null;
  created_at: TimestampDefault;
}

/** derived: per county, rung and year, spans started minus spans ended */
export interface EnterpriseLadderTallyTable {
  region_code: string;
  rung: string;
  year: number;
  delta: number;
}

/** the indicator catalog (0007) */
export interface IndicatorTable {
  code: string;
  name_zh: string;
  name_en: Generated<string>;
  unit: string;
  category: string;
  definition: Generated<string>;
  caliber: Generated<string>;
  polarity: string;
  aggregation: string;
  numerator_code: string | null;
  denominator_code: string | null;
  scale: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  derived: ColumnType<boolean, never, never>;
  decimals: Generated<number>;
  builtin: Generated<boolean>;
  owner_region_code: string | null;
  position: Generated<number>;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** every version of an indicator value; the current one has superseded_at null */
export interface IndicatorValueTable {
  id: Generated<string>;
  indicator_code: string;
  region_code: string;
  period: string;
  kind: string;
  value: ColumnType<string, number | string, number | string>;
  source: string;
  source_ref: string | null;
  note: string | null;
  recorded_by: number | null;
  recorded_via: string | null;
  recorded_at: TimestampDefault;
  superseded_at: TimestampNull;
  superseded_by: string | null;
}

export interface EvaluationSchemeTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  level: number;
  parent_region_code: string;
  definition: Json;
  created_by: number | null;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface EvaluationRunTable {
  id: Generated<number>;
  scheme_id: number;
  scheme_version: number;
  year: number;
  definition: Json;
  result: Json;
  sensitivity: Json;
  origins: Json;
  region_count: number;
  previous_ranks_from: string;
  computed_by: number | null;
  computed_via: string | null;
  computed_at: TimestampDefault;
}

export interface RegionBoundaryTable {
  region_code: string;
  geojson: Json;
  matched_codes: Json;
  source_note: Generated<string>;
  byte_size: number;
  uploaded_by: number | null;
  uploaded_at: TimestampDefault;
}

/** 0010: one natural person (项目负责人, members; later experts, talent); identity number only hashed */
export interface PersonTable {
  id: Generated<number>;
  name: string;
  gender: string | null;
  title: string | null;
  employer_org_id: number | null;
  employer_name: string | null;
  discipline_codes: ColumnType<string[], string[] | undefined, string[]>;
  phone: string | null;
  email: string | null;
  id_hash: string | null;
  id_last4: string | null;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** 0010: 计划类别 */
export interface ProjectProgrammeTable {
  id: Generated<number>;
  region_code: string;
  kind: string;
  name: string;
  created_at: TimestampDefault;
}

type Fen = ColumnType<string, string | number | bigint, string | number | bigint>;
type FenNull = ColumnType<string | null, string | number | bigint | null | undefined, string | number | bigint | null>;

/** 0010: 申报指南 */
export interface ProjectCallTable {
  id: Generated<number>;
  programme_id: number;
  region_code: string;
  year: number;
  title: string;
  directions: ColumnType<string[], string[] | undefined, string[]>;
  max_grant_fen: Fen;
  budget_fen: Fen;
  opens_at: Timestamp;
  closes_at: Timestamp;
  required_attachments: ColumnType<string[], string[] | undefined, string[]>;
  limit_per_unit: number | null;
  limit_per_leader: number | null;
  recommendation: string;
  eligibility: Json;
  /** 0010c: the 揭榜挂帅 demand (ZDemand) of an open-competition call */
  demand: ColumnType<unknown, string | null | undefined, string | null>;
  status: Generated<string>;
  published_at: TimestampNull;
  closed_at: TimestampNull;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** 0010: 申报书 */
export interface ProjectApplicationTable {
  id: Generated<number>;
  call_id: number;
  org_id: number;
  region_code: string;
  title: string;
  field_code: string | null;
  direction: string | null;
  leader_person_id: number;
  /** 0022: the 主管部门 recommending it, on calls recommended by departments */
  recommender_org_id: ColumnType<number | null, number | null | undefined, number | null>;
  members: Json;
  budget: Json;
  fiscal_fen: Fen;
  self_fen: Fen;
  targets: Json;
  summary: string | null;
  status: Generated<string>;
  return_reasons: Json;
  checklist: Json;
  submitted_at: TimestampNull;
  granted_fen: FenNull;
  version: Generated<number>;
  created_by: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ProjectApplicationFileTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: TimestampDefault;
}

/** 0010: the application's timeline */
export interface ProjectEventTable {
  id: Generated<number>;
  /** 0010b: an application's or a project's timeline */
  application_id: number | null;
  project_id: ColumnType<number | null, number | null | undefined, number | null>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_username: string | null;
  kind: string;
  detail: Json;
}

/** A browser that has signed in to an account before; only the cookie's hash is kept (0012). */
export interface KnownDeviceTable {
  token_hash: string;
  user_id: number;
  created_at: TimestampDefault;
  last_used_at: TimestampDefault;
}

/** 0010b: 立项项目 (from a decision or an imported list) */
export interface ProjectTable {
  id: Generated<number>;
  project_no: string;
  application_id: number | null;
  call_id: number | null;
  programme_kind: string;
  programme_name: string;
  region_code: string;
  bureau_region_code: string;
  org_id: number | null;
  org_name: string;
  year: number;
  title: string;
  field_code: string | null;
  leader_person_id: number | null;
  leader_name: string;
  granted_fen: Fen;
  start_on: string | null;
  end_on: string | null;
  status: Generated<string>;
  contract: Json;
  contract_bureau_at: TimestampNull;
  contract_unit_at: TimestampNull;
  rectification_due: string | null;
  source: string;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ProjectPaymentTable {
  id: Generated<number>;
  project_id: number;
  batch: number;
  amount_fen: Fen;
  paid_on: string;
  milestone: string | null;
  note: string | null;
  created_at: TimestampDefault;
}

export interface ProjectChangeTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  request: Json;
  reason: string;
  status: Generated<string>;
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: TimestampNull;
  decision_note: string | null;
}

export interface ProjectReportTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  period: string | null;
  content: Json;
  outcome: string | null;
  submitted_at: Timestamp;
  submitted_by: number | null;
  /** 0023: the report's full text as one archived file */
  file_name: ColumnType<string | null, string | null | undefined, string | null>;
  file_type: ColumnType<string | null, string | null | undefined, string | null>;
  file_size: ColumnType<number | null, number | null | undefined, number | null>;
  file_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  file_storage_key: ColumnType<string | null, string | null | undefined, string | null>;
  file_uploaded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ProjectAcceptanceTable {
  id: Generated<number>;
  project_id: number;
  round: number;
  task_result: string;
  finance_result: string;
  conclusion: string;
  target_results: Json;
  note: string | null;
  decided_at: Timestamp;
  decided_by: number | null;
}

export interface ProjectUpwardTable {
  id: Generated<number>;
  project_id: number | null;
  region_code: string;
  org_name: string;
  title: string;
  level: string;
  programme_name: string;
  year: number;
  recommended_on: string;
  status: Generated<string>;
  won_fen: FenNull;
  version: Generated<number>;
  created_at: TimestampDefault;
}

/** Technology market (0014): sellers, registration points, registered contracts. */
export interface TmSellerTable {
  id: Generated<number>;
  org_id: number;
  uscc: string | null;
  kind: string;
  contact: Generated<string>;
  created_by: number | null;
  created_at: TimestampDefault;
}

export interface TmRegistrationPointTable {
  id: Generated<number>;
  name: string;
  org_id: number;
  regions: string[];
  created_at: TimestampDefault;
}

export interface TmRegistrationCounterTable {
  point_id: number;
  year: number;
  last: number;
}

export interface TechContractTable {
  id: Generated<number>;
  seller_id: number;
  seller_org_id: number;
  seller_region_code: string;
  point_id: number | null;
  name: string;
  subject: string;
  pack_id: string | null;
  contract_type: string | null;
  subtype: string | null;
  buyer_name: string;
  buyer_region_code: string;
  /** int8 as a decimal string on both drivers */
  contract_amount_fen: ColumnType<string, string | bigint, string | bigint>;
  technical_amount_fen: ColumnType<string | null, string | bigint | null | undefined, string | bigint | null>;
  cost_items: ColumnType<unknown, string | undefined, string>;
  payments: ColumnType<unknown, string | undefined, string>;
  tech_field: string;
  ip_type: string;
  socio_goal: string;
  project_source: Generated<string>;
  signed_on: string;
  status: string;
  submitted_at: TimestampNull;
  accepted_on: string | null;
  corrected_on: string | null;
  due_on: string | null;
  registered_on: string | null;
  registration_no: string | null;
  refusal_codes: Generated<string[]>;
  note: Generated<string>;
  version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface TechContractEventTable {
  id: Generated<string>;
  contract_id: number;
  at: TimestampDefault;
  actor_user_id: number | null;
  kind: string;
  detail: ColumnType<unknown, string | undefined, string>;
}

export interface TechContractFileTable {
  id: Generated<number>;
  contract_id: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: TimestampDefault;
}

export interface DB
  extends IntegrityTables,
    ExpertTables,
    ReviewTables,
    TechmarketMarketTables,
    PlatformTables,
    TalentTables,
    VoucherTables,
    JobTables {
  tm_seller: TmSellerTable;
  tm_registration_point: TmRegistrationPointTable;
  tm_registration_counter: TmRegistrationCounterTable;
  tech_contract: TechContractTable;
  tech_contract_event: TechContractEventTable;
  tech_contract_file: TechContractFileTable;
  known_device: KnownDeviceTable;
  person: PersonTable;
  project_programme: ProjectProgrammeTable;
  project_call: ProjectCallTable;
  project_application: ProjectApplicationTable;
  project_application_file: ProjectApplicationFileTable;
  project_event: ProjectEventTable;
  project: ProjectTable;
  project_payment: ProjectPaymentTable;
  project_change: ProjectChangeTable;
  project_report: ProjectReportTable;
  project_acceptance: ProjectAcceptanceTable;
  project_upward: ProjectUpwardTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  evaluation_scheme: EvaluationSchemeTable;
  evaluation_run: EvaluationRunTable;
  region_boundary: RegionBoundaryTable;
  enterprise_ladder_span: EnterpriseLadderSpanTable;
  enterprise_ladder_tally: EnterpriseLadderTallyTable;
  enterprise: EnterpriseTable;
  enterprise_year: EnterpriseYearTable;
  enterprise_status: EnterpriseStatusTable;
  tech_sme_registration: TechSmeRegistrationTable;
  enterprise_ip: EnterpriseIpTable;
  enterprise_incident: EnterpriseIncidentTable;
  enterprise_disclosure: EnterpriseDisclosureTable;
  enterprise_reserve_rules: EnterpriseReserveRulesTable;
  plan: PlanTable;
  plan_node: PlanNodeTable;
  plan_import_staging: PlanImportStagingTable;
  plan_target: PlanTargetTable;
  plan_revision: PlanRevisionTable;
  plan_assignment: PlanAssignmentTable;
  progress_report: ProgressReportTable;
  report_target_value: ReportTargetValueTable;
  report_tally: ReportTallyTable;
  report_month_tally: ReportMonthTallyTable;
  target_latest_value: TargetLatestValueTable;
  report_attachment: ReportAttachmentTable;
  task_event: TaskEventTable;
  plan_bulletin: PlanBulletinTable;
  notification: NotificationTable;
  scheduler_job: SchedulerJobTable;
  region: RegionTable;
  region_change: RegionChangeTable;
  organization: OrganizationTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
}

export type RegionRow = Selectable<RegionTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
