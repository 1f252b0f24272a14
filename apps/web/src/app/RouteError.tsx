import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Last resort for a page that failed to render or whose code failed to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common.crash.title')}
      subTitle={t('common.crash.subtitle')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.actions.refresh')}
        </Button>
      }
    />
  );
}
