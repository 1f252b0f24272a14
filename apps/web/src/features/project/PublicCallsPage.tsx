import { Card, Col, Empty, Flex, Layout, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { DemandCard } from './DemandFields.tsx';
import { usePublicCalls } from './project-api.ts';
import { wanText } from './wan.ts';

/** 正在征集的申报指南: public, read-only, no sign-in — what a unit needs to decide whether to apply. */
export function PublicCallsPage() {
  const { t } = useTranslation();
  const calls = usePublicCalls();
  return (
    <Layout style={{ minHeight: '100vh', padding: '24px 32px' }} data-testid="page-public-calls">
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.page.public.title')}
        </Typography.Title>
        <Link to="/login">{t('project.page.public.signIn')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('project.page.public.subtitle')}</Typography.Paragraph>
      {calls.isError ? <QueryError error={calls.error} onRetry={() => calls.refetch()} /> : null}
      {calls.isPending ? <PageSkeleton /> : null}
      {calls.data && calls.data.length === 0 ? <Empty description={t('project.page.public.none')} /> : null}
      <Row gutter={[16, 16]}>
        {(calls.data ?? []).map((c) => (
          <Col key={c.id} xs={24} lg={12}>
            <Card title={c.title} extra={<Tag color="green">{t(`project.callWindows.${c.window}`)}</Tag>} data-testid="public-call">
              <Typography.Paragraph>
                <Tag>{t(`project.programmeKinds.${c.programmeKind}`)}</Tag>
                {c.programmeName} · {c.year}
              </Typography.Paragraph>
              <Typography.Paragraph>
                {t('project.fields.opensAt')}：{formatDateTime(c.opensAt)}
                <br />
                {t('project.fields.closesAt')}：{formatDateTime(c.closesAt)}
              </Typography.Paragraph>
              <Typography.Paragraph>
                {t('project.fields.maxGrant')}：{wanText(c.maxGrantFen)} · {t(`project.recommendation.${c.recommendation}`)}
              </Typography.Paragraph>
              {c.demand ? <DemandCard demand={c.demand} maxGrantFen={c.maxGrantFen} /> : null}
              {c.directions.length > 0 ? (
                <Typography.Paragraph>
                  {t('project.fields.directions')}：{c.directions.join('；')}
                </Typography.Paragraph>
              ) : null}
              <Typography.Paragraph>
                {t('project.page.call.applicantKinds')}：
                {c.eligibility.applicantKinds.map((k) => t(`project.page.applicantKinds.${k}`)).join('、')}
                {c.eligibility.rungsAnyOf.length > 0
                  ? `（${c.eligibility.rungsAnyOf.map((r) => t(`enterprise.rungs.${r}`)).join(t('project.page.public.or'))}）`
                  : ''}
              </Typography.Paragraph>
              {c.requiredAttachments.length > 0 ? (
                <Typography.Paragraph>
                  {t('project.fields.requiredAttachments')}：{c.requiredAttachments.join('、')}
                </Typography.Paragraph>
              ) : null}
              {c.limitPerUnit || c.limitPerLeader ? (
                <Typography.Text type="secondary">
                  {c.limitPerUnit
                    ? `${t('project.page.public.limit', { label: t('project.fields.limitPerUnit'), count: c.limitPerUnit })} `
                    : ''}
                  {c.limitPerLeader
                    ? t('project.page.public.limit', { label: t('project.fields.limitPerLeader'), count: c.limitPerLeader })
                    : ''}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
    </Layout>
  );
}
