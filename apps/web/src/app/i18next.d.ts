import type { Catalog } from '@kechuang/i18n';
import 'i18next';

/** Typed keys: `t('org.fields.name')` is checked against the zh-CN catalog at compile time. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}
