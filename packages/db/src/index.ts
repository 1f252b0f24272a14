export { type Kysely, sql, type Transaction } from 'kysely';
export { acquireDirLock, type LockHolder } from './lock.ts';
export { migrateTo, migrateToLatest, migrations } from './migrate.ts';
export { initialsOf } from './migrations/0002_regions.ts';
export { type Database, type DbKind, type OpenOptions, openDb } from './open.ts';
export { lsnToBigInt, type ReplicaStats } from './read-replica.ts';
export type * from './schema.ts';
