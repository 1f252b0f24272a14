export { addWorkingDays, calendarCovers, isWorkingDay } from './calendar.ts';
export { contractCertificateDocx } from './certificate-docx.ts';
export { acceptContract, recogniseContract, refuseContract, requestCorrection } from './contract-review.ts';
export { absorptionOf, type CountedContract, outputOf, type RegionTotals } from './counting.ts';
export { type RegistrationDeadline, registrationDeadline } from './deadline.ts';
export { contractTurnover, syncContractIndicators } from './indicator-feed.ts';
export { downloadContractFile, exportContractsXlsx, getContract, listContracts } from './read-contracts.ts';
export {
  type ContractRulePack,
  type ContractType,
  contractPackOn,
  contractRulePacks,
  fileContract,
  type RefusalReason,
  type SubjectMatter,
} from './rule-packs.ts';
export { createContract, submitContract, updateContract, uploadContractFile } from './save-contract.ts';
export { createPoint, listPoints, mySeller, registerSeller } from './sellers.ts';
export { contractStats } from './stats.ts';
export { contractStatsXlsx } from './stats-xlsx.ts';
export { type CostItem, type TransactionAmount, TransactionAmountError, technicalTransactionAmount } from './transaction-amount.ts';
