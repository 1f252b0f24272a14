import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/error-text.ts';

/** A failed load: what went wrong in the user's words, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorText(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.actions.retry')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    />
  );
}
