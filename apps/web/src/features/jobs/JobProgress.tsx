import type { TJob } from '@kechuang/contracts';
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A background job's progress bar: its share of steps done and its status in words. */
export function JobProgress({ job }: { job: TJob | undefined }) {
  const { t } = useTranslation();
  const done = job?.progress.done ?? 0;
  const total = job?.progress.total ?? null;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const status = job?.status ?? 'queued';
  return (
    <Flex vertical gap={4} style={{ minWidth: 280 }} data-testid="job-progress" data-status={status}>
      <Progress
        percent={status === 'succeeded' ? 100 : percent}
        status={status === 'failed' ? 'exception' : status === 'succeeded' ? 'success' : 'active'}
        size="small"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`jobs.status.${status}`)}
        {total && status === 'running' ? ` · ${t('jobs.progress', { done, total })}` : ''}
        {status === 'queued' ? ` · ${t('jobs.waiting')}` : ''}
      </Typography.Text>
    </Flex>
  );
}
