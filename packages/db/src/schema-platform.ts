// Tables of 创新平台 (migrations/0019_platform.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface PlatformTables {}
