import type { ColumnType, Generated } from 'kysely';

// Tables of 科技人才与科技特派员 (migrations/0020_talent.ts); part of DB in schema.ts.
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface TalentTables {
  talent: {
    id: Generated<number>;
    person_id: number;
    region_code: string;
    employer_org_id: number | null;
    field: string;
    level: string;
    introduced_on: string | null;
    introduced_from: string | null;
    created_at: TimestampDefault;
    version: Generated<number>;
  };
  talent_award: { id: Generated<number>; person_id: number; name: string; level: string; year: number };
  talent_programme: {
    id: Generated<number>;
    region_code: string;
    name: string;
    description: ColumnType<string, string | undefined, string>;
    created_at: TimestampDefault;
  };
  talent_round: {
    id: Generated<number>;
    programme_id: number;
    year: number;
    title: string;
    quota: number;
    status: string;
    version: Generated<number>;
  };
  talent_nomination: { round_id: number; talent_id: number; selected: boolean | null };
  commissioner_team: { id: Generated<number>; name: string; year: number; region_code: string };
  commissioner: {
    id: Generated<number>;
    talent_id: number;
    year: number;
    region_code: string;
    user_id: number | null;
    team_id: number | null;
    grade: string | null;
    assessment_note: string | null;
    log_count: Generated<number>;
    created_at: TimestampDefault;
    version: Generated<number>;
  };
  service_target: {
    id: Generated<number>;
    commissioner_id: number;
    kind: string;
    name: string;
    region_code: string;
    village_code: string | null;
    served_logs: Generated<number>;
  };
  service_log: {
    id: Generated<number>;
    commissioner_id: number;
    target_id: number;
    served_on: string;
    kind: string;
    content: string;
    confirm_code: string;
    confirmed_at: TimestampNull;
    confirmed_by: string | null;
    created_at: TimestampDefault;
    /** 0025: the link token, and the 服务对象's answer (confirmed or disputed, with a note) */
    confirm_token: Generated<string>;
    confirm_result: string | null;
    confirm_note: string | null;
  };
  service_log_photo: {
    id: Generated<number>;
    log_id: number;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    storage_key: string;
    uploaded_at: TimestampDefault;
  };
}
