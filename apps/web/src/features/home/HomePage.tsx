import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminItems } from '../../app/nav.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { WorkbenchSection } from './WorkbenchSection.tsx';
import { useWorkbench } from './workbench-api.ts';

type GreetingKey = 'morning' | 'noon' | 'afternoon' | 'evening';

function greetingKey(hour: number): GreetingKey {
  if (hour < 11) return 'morning';
  if (hour < 13) return 'noon';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

function ModuleCard({ to, icon, title, description }: { to: string; icon: ReactNode; title: string; description: string }) {
  return (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }} styles={{ body: { padding: 20 } }}>
        <Flex gap={14} align="flex-start">
          <Flex
            align="center"
            justify="center"
            style={{ width: 40, height: 40, flex: 'none', borderRadius: 10, background: '#eef3ff', color: '#1456f0', fontSize: 20 }}
          >
            {icon}
          </Flex>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {title}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
              {description}
            </Typography.Paragraph>
          </div>
        </Flex>
      </Card>
    </Link>
  );
}

/** The bureau's hour (China Standard Time), for the greeting. */
function bureauHour(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
}

/** 工作台: who I am, then what needs doing today for me, by role (GET /api/workbench). */
export function HomePage() {
  const { t } = useTranslation();
  const { user, demo, abilities } = useCurrentUser();
  const isAdmin = abilities.modules.includes('admin');
  const workbench = useWorkbench();

  return (
    <div data-testid="page-home">
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 20px' } }}>
        <Flex justify="space-between" align="baseline" gap={16} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(`home.greeting.${greetingKey(bureauHour())}`, { name: user.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {user.orgName} · {user.regionName} ·{' '}
            {user.roles.map((role) => (
              <Tag key={role} color="blue" variant="filled">
                {t(`common.role.${role}`)}
              </Tag>
            ))}
            {user.lastLoginAt ? ` · ${t('home.profile.lastLogin')} ${formatDateTime(user.lastLoginAt)}` : null}
          </Typography.Text>
        </Flex>
        {workbench.data ? (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {t(`home.workbench.intro.${workbench.data.view}`, { date: workbench.data.asOf })}
          </Typography.Paragraph>
        ) : null}
        {demo ? <Alert type="warning" showIcon title={t('home.demoNotice')} style={{ marginTop: 12 }} /> : null}
      </Card>

      {workbench.isPending ? (
        <Card loading />
      ) : workbench.isError ? (
        <QueryError error={workbench.error} onRetry={() => workbench.refetch()} />
      ) : (
        <Row gutter={[16, 16]} style={{ marginBottom: 24 }} data-testid="workbench">
          {workbench.data.sections.map((s) => (
            <Col key={s.key} xs={24} xl={s.key === 'plans' || workbench.data.sections.length === 1 ? 24 : 12}>
              <WorkbenchSection section={s} />
            </Col>
          ))}
        </Row>
      )}

      {isAdmin ? (
        <>
          <Typography.Title level={5}>{t('home.adminTitle')}</Typography.Title>
          <Row gutter={[16, 16]}>
            {adminItems.map((a) => (
              <Col key={a.key} xs={24} sm={12} xl={6}>
                <ModuleCard to={a.path} icon={a.icon} title={t(`shell.menu.${a.key}`)} description={t(`home.cards.${a.key}`)} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </div>
  );
}
