import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { planTransferLimits, type TPlanXlsxImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckedImportModal, useCheckedImport } from '../../components/CheckedImport.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { isJob, useFollowJob } from '../plan/use-follow-job.ts';
import { exportPlanXlsx, importPlanXlsx, refreshPlan } from './exec-api.ts';

/** Excel 导出 / 导入: the import is always checked first (row-by-row report), then applied as a whole on confirmation. */
export function PlanXlsx({ planId, planTitle, canImport }: { planId: number; planTitle: string; canImport: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  // a large file is checked and applied by a background job: followed to its result, its progress shown in the
  // dialog until the step is over (after an import, until the plan has been read again)
  const follower = useFollowJob<TPlanXlsxImportResult>();
  const upload = useCheckedImport<TPlanXlsxImportResult>({
    extensions: ['.xlsx'],
    maxBytes: planTransferLimits.uploadBytes,
    send: async (file, dryRun) => {
      follower.clear();
      const out = await importPlanXlsx(planId, file, dryRun);
      return isJob(out) ? follower.follow(out) : out;
    },
    onApplied: async () => {
      await refreshPlan(queryClient, planId);
      return true;
    },
    badType: (name) => t('planExec.xlsx.badType', { name }),
    tooLarge: (name) => t('planExec.xlsx.tooLarge', { name }),
  });

  const exportNow = () => {
    setExporting(true);
    exportPlanXlsx(planId, `${planTitle}.xlsx`)
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportNow} data-testid="plan-xlsx-export">
        {t('planExec.xlsx.export')}
      </Button>
      {canImport ? (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload.check}>
          <Button icon={<UploadOutlined />} loading={upload.checking} data-testid="plan-xlsx-import">
            {t('planExec.xlsx.import')}
          </Button>
        </Upload>
      ) : null}
      <CheckedImportModal
        phase={upload.phase}
        onConfirm={upload.confirm}
        onClose={upload.close}
        testId="plan-xlsx"
        progress={
          follower.following || follower.lastJob ? (
            <Alert
              type="info"
              showIcon
              title={t(upload.phase.step === 'applying' ? 'planExec.xlsx.applyingInBackground' : 'planExec.xlsx.checkingInBackground')}
              description={<JobProgress job={follower.lastJob} />}
              data-testid="plan-xlsx-job"
            />
          ) : undefined
        }
        texts={{
          title: (name) => t('planExec.xlsx.title', { name }),
          rejected: (count) => t('planExec.xlsx.rejected', { count }),
          ready: t('planExec.xlsx.ready'),
          confirm: t('planExec.xlsx.confirm'),
          applied: (r) => t('planExec.xlsx.applied', { version: r.version }),
          cols: {
            sheet: t('planExec.xlsx.cols.sheet'),
            row: t('planExec.xlsx.cols.row'),
            column: t('planExec.xlsx.cols.column'),
            message: t('planExec.xlsx.cols.message'),
          },
        }}
        summary={(r) => (
          <Descriptions
            bordered
            size="small"
            column={3}
            items={[
              { key: 'tasks', label: t('planExec.xlsx.tasksUpdated'), children: r.tasksUpdated },
              { key: 'targets', label: t('planExec.xlsx.targetsUpdated'), children: r.targetsUpdated },
              { key: 'unchanged', label: t('planExec.xlsx.unchanged'), children: r.unchanged },
            ]}
            data-testid="plan-xlsx-counts"
          />
        )}
      />
    </>
  );
}
