// 科研诚信记录（红黑名单）: records, rule packs, suggestions from projects, and the one ban check.
export { checkBarredFor, enterpriseBarred, listIntegrityPacks } from './check-api.ts';
export {
  type BanSource,
  type BarredActivity,
  type BarredAnswer,
  type BarredQuery,
  barredAmong,
  checkBarred,
  registerBanSource,
} from './check-barred.ts';
export { exportRecordsXlsx } from './export-records-xlsx.ts';
export { getRecord, listPublicRecords, listRecords } from './list-records.ts';
export { periodCovers, periodEndOf } from './period.ts';
export { confirmRecord, publishRecord, revokeRecord, setAppeal } from './record-steps.ts';
export { integrityPacks, packFor, periodWarnings } from './rule-packs.ts';
export { createRecord, updateRecord } from './save-record.ts';
export { findSubjects } from './subjects.ts';
export { dismissSuggestion, listSuggestions } from './suggestions.ts';
