import { type Kysely, sql } from 'kysely';

// 项目库 search at the scale of a bureau's history (bench:projects: 100,000 projects): a leader's
// name looked up from its start, year and status filters, the amount sort, and a call's applications by page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index project_leader_idx on project(leader_name text_pattern_ops);
    create index project_year_status_idx on project(year, status);
    create index project_granted_idx on project(granted_fen);
    create index project_application_call_id_idx on project_application(call_id, id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
