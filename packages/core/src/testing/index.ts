// Test data factories for other packages' tests.
export { goodInput, goodYear, parseInput } from '../enterprise/enterprise.factory.ts';
