export { acquireDirLock, type LockHolder } from './lock.ts';
export { migrateToLatest, migrations } from './migrate.ts';
export { type Database, type DbKind, type OpenOptions, openDb } from './open.ts';
export type * from './schema.ts';
export { sql, type Kysely, type Transaction } from 'kysely';
export { initialsOf } from './migrations/0002_regions.ts';
