import { DownloadOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { indicatorFileColumns, indicatorLimits, type TImportRowError, type TIndicatorImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Modal, Table, type TableColumnsType, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { importValuesFile } from './indicator-api.ts';

type Phase =
  | { step: 'idle' }
  | { step: 'checking'; file: File }
  | { step: 'review'; file: File; result: TIndicatorImportResult }
  | { step: 'rejected'; file: File; errors: TImportRowError[] }
  | { step: 'applying'; file: File; result: TIndicatorImportResult };

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
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const exportNow = () => {
    setExporting(true);
    downloadFile('/api/indicators/values/export', t('indicator.values.import.exportName'), { region, indicator })
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  const check = (file: File) => {
    const name = file.name.toLowerCase();
    if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
      message.warning(t('indicator.values.import.badType', { name: file.name }));
      return;
    }
    if (file.size > indicatorLimits.uploadBytes) {
      message.warning(t('indicator.values.import.tooLarge', { name: file.name }));
      return;
    }
    setPhase({ step: 'checking', file });
    importValuesFile(file, true)
      .then((result) =>
        setPhase(result.errors.length > 0 ? { step: 'rejected', file, errors: result.errors } : { step: 'review', file, result }),
      )
      .catch((e: unknown) => {
        if (isApiError(e) && e.rowErrors.length > 0) setPhase({ step: 'rejected', file, errors: e.rowErrors });
        else {
          setPhase({ step: 'idle' });
          message.error(errorText(e));
        }
      });
  };

  const confirm = () => {
    if (phase.step !== 'review') return;
    const { file, result } = phase;
    setPhase({ step: 'applying', file, result });
    importValuesFile(file, false)
      .then((done) => {
        setPhase({ step: 'idle' });
        message.success(t('indicator.values.import.done', { created: done.created, corrected: done.corrected, unchanged: done.unchanged }));
        return queryClient.invalidateQueries({ queryKey: ['indicators'] });
      })
      .catch((e: unknown) => {
        if (isApiError(e) && e.rowErrors.length > 0) setPhase({ step: 'rejected', file, errors: e.rowErrors });
        else {
          setPhase({ step: 'review', file, result });
          message.error(errorText(e));
        }
      });
  };

  const columns: TableColumnsType<TImportRowError> = [
    { title: t('indicator.values.import.cols.sheet'), dataIndex: 'sheet', width: 110 },
    { title: t('indicator.values.import.cols.row'), dataIndex: 'row', width: 70 },
    { title: t('indicator.values.import.cols.column'), dataIndex: 'column', width: 120 },
    { title: t('indicator.values.import.cols.message'), dataIndex: 'message' },
  ];
  const open = phase.step === 'review' || phase.step === 'rejected' || phase.step === 'applying';
  const close = () => setPhase({ step: 'idle' });

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
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              check(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={phase.step === 'checking'} data-testid="values-import">
              {t('indicator.values.import.import')}
            </Button>
          </Upload>
        </>
      ) : null}
      <Modal
        open={open}
        title={t('indicator.values.import.title', { name: open ? phase.file.name : '' })}
        onCancel={close}
        width={860}
        destroyOnHidden
        footer={
          phase.step === 'rejected'
            ? [
                <Button key="close" onClick={close}>
                  {t('common.actions.close')}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close} disabled={phase.step === 'applying'}>
                  {t('common.actions.cancel')}
                </Button>,
                <Button key="ok" type="primary" loading={phase.step === 'applying'} onClick={confirm} data-testid="values-import-confirm">
                  {t('indicator.values.import.confirm')}
                </Button>,
              ]
        }
      >
        {phase.step === 'rejected' ? (
          <>
            <Alert
              type="error"
              showIcon
              title={t('indicator.values.import.rejected', { count: phase.errors.length })}
              style={{ marginBottom: 12 }}
              data-testid="values-import-rejected"
            />
            <Table<TImportRowError>
              size="small"
              rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`}
              columns={columns}
              dataSource={phase.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="values-import-errors"
            />
          </>
        ) : phase.step === 'review' || phase.step === 'applying' ? (
          <>
            <Typography.Paragraph>{t('indicator.values.import.ready')}</Typography.Paragraph>
            <Descriptions
              bordered
              size="small"
              column={2}
              data-testid="values-import-summary"
              items={[
                { key: 'rows', label: t('indicator.values.import.rows'), children: phase.result.rows },
                { key: 'created', label: t('indicator.values.import.created'), children: phase.result.created },
                { key: 'corrected', label: t('indicator.values.import.corrected'), children: phase.result.corrected },
                { key: 'unchanged', label: t('indicator.values.import.unchanged'), children: phase.result.unchanged },
              ]}
            />
            {phase.result.corrected > 0 ? (
              <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('indicator.values.import.correctedHint')} />
            ) : null}
          </>
        ) : null}
      </Modal>
    </Flex>
  );
}
