import { ReloadOutlined } from '@ant-design/icons';
import type { TFinding } from '@kechuang/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useCallChecks } from './project-api.ts';

/** The automatic checks of a whole call (资格, 限项, 同一负责人, 题目相似, 科研诚信): which applications are flagged and why. */
export function CallChecksCard({ callId, onOpen }: { callId: number; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const checks = useCallChecks(callId);
  const flagged = (checks.data?.applications ?? []).filter((a) => a.findings.length > 0);
  return (
    <Card
      size="small"
      title={t('project.page.desk.checksTitle')}
      style={{ marginBottom: 16 }}
      data-testid="call-checks"
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={checks.isFetching} onClick={() => checks.refetch()}>
          {t('project.page.desk.rerun')}
        </Button>
      }
    >
      {checks.isError ? <QueryError error={checks.error} onRetry={() => checks.refetch()} /> : null}
      {checks.data ? (
        <>
          <Typography.Paragraph>
            {t('project.page.desk.checksSummary', { checked: checks.data.checked, flagged: flagged.length })}
          </Typography.Paragraph>
          {flagged.map((a) => (
            <Flex key={a.id} gap={6} wrap align="center" style={{ marginBottom: 6 }}>
              <Typography.Link onClick={() => onOpen(a.id)}>{a.title}</Typography.Link>
              <FindingTags findings={a.findings} />
            </Flex>
          ))}
        </>
      ) : null}
    </Card>
  );
}

export function FindingTags({ findings }: { findings: TFinding[] }) {
  const { t } = useTranslation();
  return (
    <>
      {findings.map((f) => (
        <Tag
          key={`${f.kind}-${f.related.join(',')}-${f.message}`}
          color={f.severity === 'block' ? 'red' : 'orange'}
          title={f.message}
          data-testid="finding"
        >
          {t(`project.findingKinds.${f.kind}`)}
        </Tag>
      ))}
    </>
  );
}
