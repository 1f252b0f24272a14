import type { Kysely } from 'kysely';

// 专家抽取与评审.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
