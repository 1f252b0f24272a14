import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/** The centred card the sign-in and password pages share, under the product name. */
export function AuthCard({ children, footer, testId }: { children: ReactNode; footer?: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: 'linear-gradient(160deg, #eaf1ff 0%, #f5f7fa 45%, #ffffff 100%)',
      }}
      data-testid={testId}
    >
      <div style={{ position: 'fixed', top: 16, right: 20 }}>
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <Typography.Title level={2} style={{ margin: '8px 0 0', letterSpacing: 4 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 15, letterSpacing: 1 }}>
          {t('common.appTagline')}
        </Typography.Text>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(20, 86, 240, 0.08)' }}>{children}</Card>
      {footer ? <div style={{ marginTop: 24 }}>{footer}</div> : null}
    </Flex>
  );
}
