import type { TNavModule } from '@kechuang/contracts';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { Forbidden } from '../components/ResultPages.tsx';
import { useForgetSession, useIsSignedIn, useMe, useRefreshMe } from '../features/auth/auth-api.ts';
import { isApiError, onAuthEvent } from '../lib/api.ts';
import { useErrorText } from '../lib/error-text.ts';
import { useAbilities } from './abilities.ts';

/** Routes the API's "sign in first" and "change your password first" answers to the right page. */
export function AuthEvents() {
  const navigate = useNavigate();
  const location = useLocation();
  const forget = useForgetSession();
  const isSignedIn = useIsSignedIn();
  const refreshMe = useRefreshMe();
  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event === 'unauthenticated') {
          if (location.pathname === '/login') return;
          // Only a session we believed alive has "expired"; after signing out, a late 401 means nothing.
          const expired = isSignedIn();
          forget();
          navigate('/login', { replace: true, state: { from: location.pathname + location.search, expired } });
        } else if (location.pathname !== '/password') {
          void refreshMe();
          navigate('/password', { replace: true });
        }
      }),
    [navigate, location, forget, isSignedIn, refreshMe],
  );
  return <Outlet />;
}

/** Only signed-in users who have set their own password get past this point. */
export function RequireAuth() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.code === 'auth/password_change_required') return <Navigate to="/password" replace />;
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorText(me.error)}
        extra={<Button onClick={() => me.refetch()}>{t('common.actions.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.user.mustChangePassword) return <Navigate to="/password" replace />;
  return <Outlet />;
}

export function RequireAdmin() {
  return <RequireModule module="admin" />;
}

/**
 * A module's pages open only for users whose menu offers the module (the same abilities as the menu),
 * so nobody lands on a page that can only show a permission error.
 */
export function RequireModule({ module }: { module: TNavModule | TNavModule[] }) {
  const { modules } = useAbilities();
  const ok = (Array.isArray(module) ? module : [module]).some((m) => modules.includes(m));
  return ok ? <Outlet /> : <Forbidden />;
}
