// Tables of 评审专家库 (migrations/0016_expert.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface ExpertTables {}
