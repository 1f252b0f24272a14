import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { planTransferLimits, type TImportRowError, type TPlanXlsxImportResult } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Table, type TableColumnsType, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { exportPlanXlsx, importPlanXlsx, refreshPlan } from './exec-api.ts';

type Phase =
  | { step: 'idle' }
  | { step: 'checking'; file: File }
  | { step: 'review'; file: File; result: TPlanXlsxImportResult }
  | { step: 'rejected'; file: File; errors: TImportRowError[] }
  | { step: 'applying'; file: File; result: TPlanXlsxImportResult }
  | { step: 'applied'; file: File; result: TPlanXlsxImportResult };

/** Excel 导出 / 导入: the import is always checked first (row-by-row report), then applied as a whole on confirmation. */
export function PlanXlsx({ planId, planTitle, canImport }: { planId: number; planTitle: string; canImport: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const exportNow = () => {
    setExporting(true);
    exportPlanXlsx(planId, `${planTitle}.xlsx`)
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  const check = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.warning(t('planExec.xlsx.badType', { name: file.name }));
      return;
    }
    if (file.size > planTransferLimits.uploadBytes) {
      message.warning(t('planExec.xlsx.tooLarge', { name: file.name }));
      return;
    }
    setPhase({ step: 'checking', file });
    importPlanXlsx(planId, file, true)
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
    importPlanXlsx(planId, file, false)
      .then((done) => {
        setPhase({ step: 'applied', file, result: done });
        return refreshPlan(queryClient, planId);
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
    { title: t('planExec.xlsx.cols.sheet'), dataIndex: 'sheet', width: 90 },
    { title: t('planExec.xlsx.cols.row'), dataIndex: 'row', width: 70, sorter: (a, b) => a.row - b.row },
    { title: t('planExec.xlsx.cols.column'), dataIndex: 'column', width: 160 },
    { title: t('planExec.xlsx.cols.message'), dataIndex: 'message' },
  ];
  const open = phase.step !== 'idle' && phase.step !== 'checking';
  const close = () => setPhase({ step: 'idle' });
  const counts = (r: TPlanXlsxImportResult) => (
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
  );

  return (
    <>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportNow} data-testid="plan-xlsx-export">
        {t('planExec.xlsx.export')}
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
          <Button icon={<UploadOutlined />} loading={phase.step === 'checking'} data-testid="plan-xlsx-import">
            {t('planExec.xlsx.import')}
          </Button>
        </Upload>
      ) : null}
      <Modal
        open={open}
        title={t('planExec.xlsx.title', { name: open ? phase.file.name : '' })}
        onCancel={close}
        width={860}
        destroyOnHidden
        footer={
          phase.step === 'review' || phase.step === 'applying'
            ? [
                <Button key="cancel" onClick={close} disabled={phase.step === 'applying'}>
                  {t('common.actions.cancel')}
                </Button>,
                <Button key="ok" type="primary" loading={phase.step === 'applying'} onClick={confirm} data-testid="plan-xlsx-confirm">
                  {t('planExec.xlsx.confirm')}
                </Button>,
              ]
            : [
                <Button key="close" onClick={close}>
                  {t('common.actions.close')}
                </Button>,
              ]
        }
      >
        {phase.step === 'rejected' ? (
          <>
            <Alert type="error" showIcon title={t('planExec.xlsx.rejected', { count: phase.errors.length })} style={{ marginBottom: 12 }} />
            <Table<TImportRowError>
              size="small"
              rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`}
              columns={columns}
              dataSource={phase.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="plan-xlsx-errors"
            />
          </>
        ) : phase.step === 'review' || phase.step === 'applying' ? (
          <>
            <Typography.Paragraph>{t('planExec.xlsx.ready')}</Typography.Paragraph>
            {counts(phase.result)}
          </>
        ) : phase.step === 'applied' ? (
          <>
            <Alert
              type="success"
              showIcon
              title={t('planExec.xlsx.applied', { version: phase.result.version })}
              style={{ marginBottom: 12 }}
            />
            {counts(phase.result)}
          </>
        ) : null}
      </Modal>
    </>
  );
}
