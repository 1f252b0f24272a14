import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('common.forbidden.title')}
      subTitle={t('common.forbidden.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.actions.backHome')}</Button>
        </Link>
      }
      data-testid="page-forbidden"
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFound.title')}
      subTitle={t('common.notFound.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.actions.backHome')}</Button>
        </Link>
      }
      data-testid="page-not-found"
    />
  );
}
