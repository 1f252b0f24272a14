import type { Kysely } from 'kysely';

// 科技成果、四张清单与供需对接.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
