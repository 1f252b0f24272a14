import type { ErrorCode } from '@kechuang/contracts';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientErrorCode, isApiError } from './api.ts';

type KnownCode = ErrorCode | ClientErrorCode;

/**
 * The text to show for any thrown error: the catalog text for its code in the current language,
 * else the server's (zh-CN) title, else a generic message. Never a stack trace.
 */
export function errorText(t: TFunction, exists: (key: string) => boolean, error: unknown): string {
  if (isApiError(error)) {
    const key = `errors.${error.code}`;
    if (exists(key)) return t(key as `errors.${KnownCode}`);
    return error.title;
  }
  return t('errors.common/internal');
}

export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => errorText(t, (key) => i18n.exists(key), error), [t, i18n]);
}
