import { type Kysely, sql } from 'kysely';

// 揭榜挂帅: a 榜单 is a call of an open-competition programme that also carries the demand — the
// 发榜方, the 攻关目标, the fixed 考核指标 and the period; bids are applications to it, and the bureau selects one
// or more. The resulting project's milestone payments are tied to the targets (in its 任务书).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table project_call add column demand jsonb`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
