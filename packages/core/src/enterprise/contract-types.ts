// The enterprise contract types, imported in one place.

export type {
  TAssessmentInput,
  TAssessmentResult,
  TConditionResult,
  TConditionStatus,
  TEnterpriseYear,
  TIpItem,
  TIpKind,
  TOutcome,
  TPackAssessment,
  TRdExpense,
  TScoreItem,
  TScoreRange,
} from '@kechuang/contracts';
