import { type Kysely, sql } from 'kysely';

// 主管部门推荐: a call recommended by departments names, on each application, the department that recommends
// it; that department's users see the application once submitted and recommend or return it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table project_application add column recommender_org_id integer references organization(id);
    create index project_application_recommender_idx on project_application(recommender_org_id) where recommender_org_id is not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
