import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { enterpriseTransferLimits, type TEnterpriseImportResult, type TImportRowError } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Modal, Table, type TableColumnsType, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, isApiError, uploadBytes } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';

type Phase =
  | { step: 'idle' }
  | { step: 'checking'; file: File }
  | { step: 'review'; file: File; result: TEnterpriseImportResult }
  | { step: 'rejected'; file: File; errors: TImportRowError[] }
  | { step: 'applying'; file: File; result: TEnterpriseImportResult };

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
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const exportNow = () => {
    setExporting(true);
    downloadFile('/api/enterprises/export', t('enterprise.registry.transfer.fileName'), { region })
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  const check = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.warning(t('enterprise.registry.transfer.badType', { name: file.name }));
      return;
    }
    if (file.size > enterpriseTransferLimits.uploadBytes) {
      message.warning(t('enterprise.registry.transfer.tooLarge', { name: file.name }));
      return;
    }
    setPhase({ step: 'checking', file });
    runImport(file, true)
      .then((result) =>
        setPhase(result.errors.length > 0 ? { step: 'rejected', file, errors: result.errors } : { step: 'review', file, result }),
      )
      .catch((e: unknown) => {
        setPhase({ step: 'idle' });
        message.error(errorText(e));
      });
  };

  const confirm = () => {
    if (phase.step !== 'review') return;
    const { file, result } = phase;
    setPhase({ step: 'applying', file, result });
    runImport(file, false)
      .then((done) => {
        setPhase({ step: 'idle' });
        message.success(
          t('enterprise.registry.transfer.done', {
            created: done.created,
            updated: done.updated,
            years: done.years,
            ipItems: done.ipItems,
            incidents: done.incidents,
          }),
        );
        return queryClient.invalidateQueries({ queryKey: ['enterprises'] });
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
    { title: t('enterprise.registry.transfer.cols.sheet'), dataIndex: 'sheet', width: 100 },
    { title: t('enterprise.registry.transfer.cols.row'), dataIndex: 'row', width: 70 },
    { title: t('enterprise.registry.transfer.cols.column'), dataIndex: 'column', width: 180 },
    { title: t('enterprise.registry.transfer.cols.message'), dataIndex: 'message' },
  ];
  const open = phase.step === 'review' || phase.step === 'rejected' || phase.step === 'applying';
  const close = () => setPhase({ step: 'idle' });

  return (
    <Flex gap={8}>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportNow} data-testid="enterprise-export">
        {t('enterprise.registry.transfer.export')}
      </Button>
      {canImport ? (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            check(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={phase.step === 'checking'} data-testid="enterprise-import">
            {t('enterprise.registry.transfer.import')}
          </Button>
        </Upload>
      ) : null}
      <Modal
        open={open}
        title={t('enterprise.registry.transfer.title', { name: open ? phase.file.name : '' })}
        onCancel={close}
        width={860}
        destroyOnHidden
        footer={
          phase.step === 'rejected'
            ? [
                <Button key="close" onClick={close}>
                  {t('enterprise.registry.transfer.close')}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close} disabled={phase.step === 'applying'}>
                  {t('enterprise.registry.transfer.cancel')}
                </Button>,
                <Button
                  key="ok"
                  type="primary"
                  loading={phase.step === 'applying'}
                  onClick={confirm}
                  data-testid="enterprise-import-confirm"
                >
                  {t('enterprise.registry.transfer.confirm')}
                </Button>,
              ]
        }
      >
        {phase.step === 'rejected' ? (
          <>
            <Alert
              type="error"
              showIcon
              title={t('enterprise.registry.transfer.rejected', { count: phase.errors.length })}
              style={{ marginBottom: 12 }}
            />
            <Table<TImportRowError>
              size="small"
              rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`}
              columns={columns}
              dataSource={phase.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="enterprise-import-errors"
            />
          </>
        ) : phase.step === 'review' || phase.step === 'applying' ? (
          <>
            <Typography.Paragraph>{t('enterprise.registry.transfer.ready')}</Typography.Paragraph>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'created', label: t('enterprise.registry.transfer.created'), children: phase.result.created },
                { key: 'updated', label: t('enterprise.registry.transfer.updated'), children: phase.result.updated },
                { key: 'unchanged', label: t('enterprise.registry.transfer.unchanged'), children: phase.result.unchanged },
                { key: 'years', label: t('enterprise.registry.transfer.years'), children: phase.result.years },
                { key: 'ipItems', label: t('enterprise.registry.transfer.ipItems'), children: phase.result.ipItems },
                { key: 'incidents', label: t('enterprise.registry.transfer.incidents'), children: phase.result.incidents },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </Flex>
  );
}
