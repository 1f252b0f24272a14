// Tables of 科技创新券 (migrations/0021_voucher.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface VoucherTables {}
