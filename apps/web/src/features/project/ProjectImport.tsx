import { UploadOutlined } from '@ant-design/icons';
import type { TProjectImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { CheckedImportModal, useCheckedImport } from '../../components/CheckedImport.tsx';
import { uploadBytes } from '../../lib/api.ts';

/** The server's limit for a project list (core/project/import-projects-xlsx.ts). */
const maxBytes = 10 * 1024 * 1024;

function runImport(file: File, dryRun: boolean) {
  return uploadBytes<TProjectImportResult>('/api/projects/import', file, { query: { dryRun: dryRun ? 'true' : 'false' } });
}

/** 导入历史项目: a bureau brings its past project list (the 项目库 export's columns), checked first, then all or nothing. */
export function ProjectImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useCheckedImport<TProjectImportResult>({
    extensions: ['.xlsx'],
    maxBytes,
    send: runImport,
    onApplied: async (done) => {
      message.success(t('project.page.bank.importDone', { count: done.imported }));
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      return false;
    },
    badType: (name) => t('project.page.bank.importBadType', { name }),
    tooLarge: (name) => t('project.page.bank.importTooLarge', { name }),
  });
  return (
    <>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload.check}>
        <Button icon={<UploadOutlined />} loading={upload.checking} data-testid="bank-import">
          {t('project.page.bank.import')}
        </Button>
      </Upload>
      <CheckedImportModal
        phase={upload.phase}
        onConfirm={upload.confirm}
        onClose={upload.close}
        testId="bank-import"
        texts={{
          title: (name) => t('project.page.bank.importTitle', { name }),
          rejected: (count) => t('project.page.bank.importRejected', { count }),
          ready: t('project.page.bank.importReady'),
          confirm: t('project.page.bank.importConfirm'),
          cols: {
            sheet: t('project.page.bank.cols.sheet'),
            row: t('project.page.bank.cols.row'),
            column: t('project.page.bank.cols.column'),
            message: t('project.page.bank.cols.message'),
          },
        }}
        summary={(r) => (
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[{ key: 'checked', label: t('project.page.bank.importChecked'), children: r.checked }]}
          />
        )}
      />
    </>
  );
}
