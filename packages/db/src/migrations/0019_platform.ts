import type { Kysely } from 'kysely';

// 创新平台.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
