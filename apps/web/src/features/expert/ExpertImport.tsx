import { UploadOutlined } from '@ant-design/icons';
import type { TExpertImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { CheckedImportModal, useCheckedImport } from '../../components/CheckedImport.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { expertApi } from './expert-api.ts';

/** The server's limit for an expert list (core/expert/import-experts-xlsx.ts). */
const maxBytes = 10 * 1024 * 1024;

/** 导入专家: a list in the template's columns, checked first (row report), then imported all or nothing. */
export function ExpertImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useCheckedImport<TExpertImportResult>({
    extensions: ['.xlsx'],
    maxBytes,
    send: expertApi.import,
    onApplied: async (done) => {
      message.success(t('expert.import.done', { count: done.imported }));
      await queryClient.invalidateQueries({ queryKey: ['experts'] });
      return false;
    },
    badType: (name) => t('expert.import.badType', { name }),
    tooLarge: (name) => t('expert.import.tooLarge', { name }),
  });
  return (
    <>
      <ExportButton
        path="/api/experts/import-template"
        fallbackName="专家导入模板.xlsx"
        label={t('expert.import.template')}
        type="link"
        testId="expert-template"
      />
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload.check}>
        <Button icon={<UploadOutlined />} loading={upload.checking} data-testid="expert-import">
          {t('expert.import.button')}
        </Button>
      </Upload>
      <CheckedImportModal
        phase={upload.phase}
        onConfirm={upload.confirm}
        onClose={upload.close}
        testId="expert-import"
        texts={{
          title: (name) => t('expert.import.title', { name }),
          rejected: (count) => t('expert.import.rejected', { count }),
          ready: t('expert.import.ready'),
          confirm: t('expert.import.confirm'),
          cols: {
            sheet: t('expert.import.cols.sheet'),
            row: t('expert.import.cols.row'),
            column: t('expert.import.cols.column'),
            message: t('expert.import.cols.message'),
          },
        }}
        summary={(r) => (
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[{ key: 'checked', label: t('expert.import.checked'), children: r.checked }]}
          />
        )}
      />
    </>
  );
}
