// Tables of 科技成果、四张清单与供需对接 (migrations/0018_techmarket_market.ts); part of DB in schema.ts.
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface TechmarketMarketTables {}
