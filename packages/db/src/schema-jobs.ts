import type { ColumnType, Generated } from 'kysely';

// The job table (migrations/0026_jobs.ts); part of DB in schema.ts.
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | undefined, string>;
type JsonNull = ColumnType<unknown, string | null | undefined, string | null>;

export interface JobTable {
  id: Generated<number>;
  kind: string;
  params: Json;
  status: ColumnType<string, string | undefined, string>;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: number | null;
  result: JsonNull;
  result_file_key: string | null;
  error_code: string | null;
  error_message: string | null;
  created_by: number | null;
  region_code: string;
  org_id: number | null;
  attempts: ColumnType<number, number | undefined, number>;
  locked_by: string | null;
  locked_until: TimestampNull;
  created_at: TimestampDefault;
  started_at: TimestampNull;
  finished_at: TimestampNull;
  updated_at: TimestampDefault;
}

export interface JobTables {
  job: JobTable;
}
