import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { enterpriseTransferLimits, type TEnterpriseImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckedImportModal, useCheckedImport } from '../../components/CheckedImport.tsx';
import { downloadFile, uploadBytes } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';

function runImport(file: File, dryRun: boolean) {
  // `false` would be left out of the query string (and the server defaults to a dry run)
  return uploadBytes<TEnterpriseImportResult>('/api/enterprises/import', file, { query: { dryRun: dryRun ? 'true' : 'false' } });
}

/** 导出 Excel / 导入 Excel on the registry: the import always runs as a dry run first, then on confirmation for real. */
export function ImportExport({ region, canImport }: { region: string | undefined; canImport: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const upload = useCheckedImport<TEnterpriseImportResult>({
    extensions: ['.xlsx'],
    maxBytes: enterpriseTransferLimits.uploadBytes,
    send: runImport,
    onApplied: async (done) => {
      message.success(
        t('enterprise.registry.transfer.done', {
          created: done.created,
          updated: done.updated,
          years: done.years,
          ipItems: done.ipItems,
          incidents: done.incidents,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      return false;
    },
    badType: (name) => t('enterprise.registry.transfer.badType', { name }),
    tooLarge: (name) => t('enterprise.registry.transfer.tooLarge', { name }),
  });

  const exportNow = () => {
    setExporting(true);
    downloadFile('/api/enterprises/export', t('enterprise.registry.transfer.fileName'), { region })
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  return (
    <Flex gap={8}>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportNow} data-testid="enterprise-export">
        {t('enterprise.registry.transfer.export')}
      </Button>
      {canImport ? (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload.check}>
          <Button icon={<UploadOutlined />} loading={upload.checking} data-testid="enterprise-import">
            {t('enterprise.registry.transfer.import')}
          </Button>
        </Upload>
      ) : null}
      <CheckedImportModal
        phase={upload.phase}
        onConfirm={upload.confirm}
        onClose={upload.close}
        testId="enterprise-import"
        texts={{
          title: (name) => t('enterprise.registry.transfer.title', { name }),
          rejected: (count) => t('enterprise.registry.transfer.rejected', { count }),
          ready: t('enterprise.registry.transfer.ready'),
          confirm: t('enterprise.registry.transfer.confirm'),
          cols: {
            sheet: t('enterprise.registry.transfer.cols.sheet'),
            row: t('enterprise.registry.transfer.cols.row'),
            column: t('enterprise.registry.transfer.cols.column'),
            message: t('enterprise.registry.transfer.cols.message'),
          },
        }}
        summary={(r) => (
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'created', label: t('enterprise.registry.transfer.created'), children: r.created },
              { key: 'updated', label: t('enterprise.registry.transfer.updated'), children: r.updated },
              { key: 'unchanged', label: t('enterprise.registry.transfer.unchanged'), children: r.unchanged },
              { key: 'years', label: t('enterprise.registry.transfer.years'), children: r.years },
              { key: 'ipItems', label: t('enterprise.registry.transfer.ipItems'), children: r.ipItems },
              { key: 'incidents', label: t('enterprise.registry.transfer.incidents'), children: r.incidents },
            ]}
          />
        )}
      />
    </Flex>
  );
}
