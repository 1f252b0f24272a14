import { DownloadOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { indicatorFileColumns, indicatorLimits, type TIndicatorImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckedImportModal, useCheckedImport } from '../../components/CheckedImport.tsx';
import { downloadFile } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { importValuesFile } from './indicator-api.ts';

/** A UTF-8 CSV with the import's header row and one example line (BOM so that Excel reads it as UTF-8). */
function downloadTemplate(name: string) {
  const c = indicatorFileColumns;
  const text = `\uFEFF${[c.indicator, c.region, c.period, c.kind, c.value, c.note].join(',')}\nrd_expenditure,430482,2025,实际,123456.7,\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 导入 / 导出 of indicator values: a dry run first, then — only if every row is valid — the real import. */
export function ValuesImport({
  region,
  indicator,
  canImport,
}: {
  region?: string | undefined;
  indicator?: string | undefined;
  canImport: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const upload = useCheckedImport<TIndicatorImportResult>({
    extensions: ['.xlsx', '.csv'],
    maxBytes: indicatorLimits.uploadBytes,
    send: importValuesFile,
    onApplied: async (done) => {
      message.success(t('indicator.values.import.done', { created: done.created, corrected: done.corrected, unchanged: done.unchanged }));
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      return false;
    },
    badType: (name) => t('indicator.values.import.badType', { name }),
    tooLarge: (name) => t('indicator.values.import.tooLarge', { name }),
  });

  const exportNow = () => {
    setExporting(true);
    downloadFile('/api/indicators/values/export', t('indicator.values.import.exportName'), { region, indicator })
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  return (
    <Flex gap={8} wrap>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportNow} data-testid="values-export">
        {t('indicator.values.import.export')}
      </Button>
      {canImport ? (
        <>
          <Button icon={<FileTextOutlined />} onClick={() => downloadTemplate(t('indicator.values.import.templateName'))}>
            {t('indicator.values.import.template')}
          </Button>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={upload.check}>
            <Button type="primary" icon={<UploadOutlined />} loading={upload.checking} data-testid="values-import">
              {t('indicator.values.import.import')}
            </Button>
          </Upload>
        </>
      ) : null}
      <CheckedImportModal
        phase={upload.phase}
        onConfirm={upload.confirm}
        onClose={upload.close}
        testId="values-import"
        texts={{
          title: (name) => t('indicator.values.import.title', { name }),
          rejected: (count) => t('indicator.values.import.rejected', { count }),
          ready: t('indicator.values.import.ready'),
          confirm: t('indicator.values.import.confirm'),
          cols: {
            sheet: t('indicator.values.import.cols.sheet'),
            row: t('indicator.values.import.cols.row'),
            column: t('indicator.values.import.cols.column'),
            message: t('indicator.values.import.cols.message'),
          },
        }}
        summary={(r) => (
          <>
            <Descriptions
              bordered
              size="small"
              column={2}
              data-testid="values-import-summary"
              items={[
                { key: 'rows', label: t('indicator.values.import.rows'), children: r.rows },
                { key: 'created', label: t('indicator.values.import.created'), children: r.created },
                { key: 'corrected', label: t('indicator.values.import.corrected'), children: r.corrected },
                { key: 'unchanged', label: t('indicator.values.import.unchanged'), children: r.unchanged },
              ]}
            />
            {r.corrected > 0 ? (
              <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('indicator.values.import.correctedHint')} />
            ) : null}
          </>
        )}
      />
    </Flex>
  );
}
