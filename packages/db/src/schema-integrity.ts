// Tables of 科研诚信记录（红黑名单） (migrations/0015_integrity.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface IntegrityTables {}
