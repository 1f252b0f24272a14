export {
  type BanSource,
  type BarredActivity,
  type BarredAnswer,
  type BarredQuery,
  checkBarred,
  registerBanSource,
} from './check-barred.ts';
