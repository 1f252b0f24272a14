import { Alert, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminItems, moduleItems } from '../../app/nav.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/auth-api.ts';

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

export function HomePage() {
  const { t } = useTranslation();
  const { user, demo, abilities } = useCurrentUser();
  const isAdmin = abilities.modules.includes('admin');

  return (
    <div data-testid="page-home">
      <Card style={{ marginBottom: 20 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t(`home.greeting.${greetingKey(new Date().getHours())}`, { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'org', label: t('home.profile.org'), children: user.orgName },
            { key: 'region', label: t('home.profile.region'), children: user.regionName },
            {
              key: 'roles',
              label: t('home.profile.roles'),
              children: (
                <Flex gap={4} wrap>
                  {user.roles.map((role) => (
                    <Tag key={role} color="blue" variant="filled">
                      {t(`common.role.${role}`)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'lastLogin',
              label: t('home.profile.lastLogin'),
              children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never'),
            },
          ]}
        />
        {demo ? <Alert type="warning" showIcon title={t('home.demoNotice')} style={{ marginTop: 12 }} /> : null}
      </Card>

      <Typography.Title level={5}>{t('home.modulesTitle')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {moduleItems
          .filter((m) => abilities.modules.includes(m.key))
          .map((m) => (
            <Col key={m.key} xs={24} sm={12} xl={8}>
              <ModuleCard to={m.path} icon={m.icon} title={t(`shell.menu.${m.key}`)} description={t(`home.cards.${m.key}`)} />
            </Col>
          ))}
      </Row>

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
