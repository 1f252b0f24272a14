import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader.tsx';

export type PlannedModule =
  | 'plans'
  | 'indicators'
  | 'enterprises'
  | 'projects'
  | 'experts'
  | 'review'
  | 'integrity'
  | 'techmarket'
  | 'platforms'
  | 'talent'
  | 'vouchers';

/** The page of a module that is not built yet: what it will hold, and what to do meanwhile. */
export function ModulePlaceholder({ module, icon }: { module: PlannedModule; icon: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`page-${module}`}>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            {t(`modules.${module}.title`)}
            <Tag color="processing" variant="filled">
              {t('modules.comingSoon')}
            </Tag>
          </Flex>
        }
        subtitle={t(`modules.${module}.subtitle`)}
      />
      <Card>
        <Empty
          image={<span style={{ fontSize: 56, color: '#bfcbe0' }}>{icon}</span>}
          styles={{ image: { height: 72 } }}
          description={
            <div style={{ maxWidth: 560, margin: '0 auto' }}>
              <Typography.Paragraph strong style={{ fontSize: 15 }}>
                {t(`modules.${module}.next`)}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t(`modules.${module}.holds`)}</Typography.Paragraph>
            </div>
          }
          style={{ padding: '48px 0' }}
        >
          <Link to="/">
            <Button>{t('common.actions.backHome')}</Button>
          </Link>
        </Empty>
      </Card>
    </div>
  );
}
