// Tables of 科技人才与科技特派员 (migrations/0020_talent.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface TalentTables {}
