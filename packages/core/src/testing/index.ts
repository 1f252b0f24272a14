// Test data factories for other packages' tests.
export { goodInput, goodYear, parseInput } from '../enterprise/enterprise.factory.ts';
export { type GeneratedPlanOptions, generatedPlan } from './generated-plan.ts';
