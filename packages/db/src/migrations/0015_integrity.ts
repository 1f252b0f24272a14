import type { Kysely } from 'kysely';

// 科研诚信记录（红黑名单）.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
