// Tables of 专家抽取与评审 (migrations/0017_review.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface ReviewTables {}
