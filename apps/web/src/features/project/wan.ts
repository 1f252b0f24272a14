import { i18n } from '../../app/i18n.ts';
import { fenToWan } from '../enterprise/money.ts';

/** An amount of integer 分 as the reader's 万元 text ("30 万元"), in the language shown. */
export function wanText(fen: number | string): string {
  return i18n.t('project.page.wan', { value: fenToWan(fen) });
}
