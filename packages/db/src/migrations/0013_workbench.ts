import { type Kysely, sql } from 'kysely';

// A plan of a year already over is kept as an archive by default: no reminders, no overdue periods,
// no place in the reporters' inbox (a 2021 plan imported today would otherwise be overdue by years
// at once). The planner may import it as a live plan instead, or switch it later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column archived boolean not null default false`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
