export { addWorkingDays, calendarCovers, isWorkingDay } from './calendar.ts';
export { absorptionOf, type CountedContract, outputOf, type RegionTotals } from './counting.ts';
export { type RegistrationDeadline, registrationDeadline } from './deadline.ts';
export {
  type ContractRulePack,
  type ContractType,
  contractPackOn,
  contractRulePacks,
  fileContract,
  type RefusalReason,
  type SubjectMatter,
} from './rule-packs.ts';
export { type CostItem, type TransactionAmount, TransactionAmountError, technicalTransactionAmount } from './transaction-amount.ts';
