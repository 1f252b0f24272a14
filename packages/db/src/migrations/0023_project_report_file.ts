import { type Kysely, sql } from 'kysely';

// 科技报告 archived as a document: a report (above all the 科技报告 before acceptance) keeps its full text as one
// file, stored once with its checksum and never replaced.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table project_report
      add column file_name text,
      add column file_type text,
      add column file_size integer,
      add column file_sha256 text,
      add column file_storage_key text,
      add column file_uploaded_at timestamptz
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
