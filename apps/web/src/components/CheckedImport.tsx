import type { TImportRowError } from '@kechuang/contracts';
import { Alert, App, Button, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api.ts';
import { useErrorText } from '../lib/error-text.ts';

/**
 * An all-or-nothing file import as our users meet it everywhere: the file is checked first (a dry run
 * with a row-by-row report), and applied as a whole only when every row is valid and the user confirms.
 */
export type ImportPhase<R> =
  | { step: 'idle' }
  | { step: 'checking'; file: File }
  | { step: 'review'; file: File; result: R }
  | { step: 'rejected'; file: File; errors: TImportRowError[] }
  | { step: 'applying'; file: File; result: R }
  | { step: 'applied'; file: File; result: R };

export function useCheckedImport<R extends { errors: TImportRowError[] }>(opts: {
  /** accepted file name endings, e.g. ['.xlsx', '.csv'] */
  extensions: string[];
  maxBytes: number;
  send: (file: File, dryRun: boolean) => Promise<R>;
  /** after the import is applied: true keeps the dialog open on the result, false closes it */
  onApplied: (done: R) => boolean | Promise<boolean>;
  badType: (name: string) => string;
  tooLarge: (name: string) => string;
}) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [phase, setPhase] = useState<ImportPhase<R>>({ step: 'idle' });
  const rejectedOr = (file: File, e: unknown, otherwise: ImportPhase<R>) => {
    if (isApiError(e) && e.rowErrors.length > 0) setPhase({ step: 'rejected', file, errors: e.rowErrors });
    else {
      setPhase(otherwise);
      message.error(errorText(e));
    }
  };

  /** For antd Upload's beforeUpload: checks the file and keeps Upload from sending it itself. */
  const check = (file: File): false => {
    const name = file.name.toLowerCase();
    if (!opts.extensions.some((x) => name.endsWith(x))) message.warning(opts.badType(file.name));
    else if (file.size > opts.maxBytes) message.warning(opts.tooLarge(file.name));
    else {
      setPhase({ step: 'checking', file });
      opts
        .send(file, true)
        .then((result) =>
          setPhase(result.errors.length > 0 ? { step: 'rejected', file, errors: result.errors } : { step: 'review', file, result }),
        )
        .catch((e: unknown) => rejectedOr(file, e, { step: 'idle' }));
    }
    return false;
  };

  const confirm = () => {
    if (phase.step !== 'review') return;
    const { file, result } = phase;
    setPhase({ step: 'applying', file, result });
    opts
      .send(file, false)
      .then(async (done) => setPhase((await opts.onApplied(done)) ? { step: 'applied', file, result: done } : { step: 'idle' }))
      .catch((e: unknown) => rejectedOr(file, e, { step: 'review', file, result }));
  };

  return { phase, check, confirm, close: () => setPhase({ step: 'idle' }), checking: phase.step === 'checking' };
}

/** The dialog of a checked import: the row errors, or what the import will do, or what it did. */
export function CheckedImportModal<R>({
  phase,
  onConfirm,
  onClose,
  testId,
  texts,
  summary,
  progress,
}: {
  phase: ImportPhase<R>;
  onConfirm: () => void;
  onClose: () => void;
  /** prefix of the test ids: `${testId}-errors`, `-confirm`, `-rejected` */
  testId: string;
  texts: {
    title: (fileName: string) => string;
    rejected: (count: number) => string;
    ready: string;
    confirm: string;
    applied?: (result: R) => string;
    cols: { sheet: string; row: string; column: string; message: string };
  };
  summary: (result: R) => ReactNode;
  /**
   * The server's work on the file while it goes on in the background (a large file checked or imported by a job),
   * e.g. its progress bar: given, the dialog opens already while the file is checked, shows it above the step, and
   * can be neither closed nor confirmed until the work has ended. Without it the dialog opens on the check's result.
   */
  progress?: ReactNode;
}) {
  const { t } = useTranslation();
  const working = progress != null && (phase.step === 'checking' || phase.step === 'applying');
  const open = phase.step !== 'idle' && (phase.step !== 'checking' || working);
  const columns: TableColumnsType<TImportRowError> = [
    { title: texts.cols.sheet, dataIndex: 'sheet', width: 110 },
    { title: texts.cols.row, dataIndex: 'row', width: 70, sorter: (a, b) => a.row - b.row },
    { title: texts.cols.column, dataIndex: 'column', width: 160 },
    { title: texts.cols.message, dataIndex: 'message' },
  ];
  const reviewing = phase.step === 'review' || phase.step === 'applying';
  return (
    <Modal
      open={open}
      title={texts.title(open ? phase.file.name : '')}
      onCancel={onClose}
      width={860}
      destroyOnHidden
      // while the server works on the file the dialog stays: neither the ✕, the mask nor Esc closes it
      {...(working ? { closable: false, mask: { closable: false }, keyboard: false } : {})}
      footer={
        reviewing
          ? [
              <Button key="cancel" onClick={onClose} disabled={phase.step === 'applying'}>
                {t('common.actions.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={phase.step === 'applying'} onClick={onConfirm} data-testid={`${testId}-confirm`}>
                {texts.confirm}
              </Button>,
            ]
          : [
              <Button key="close" onClick={onClose} disabled={working}>
                {t('common.actions.close')}
              </Button>,
            ]
      }
    >
      {working ? <div style={{ marginBottom: 12 }}>{progress}</div> : null}
      {phase.step === 'rejected' ? (
        <>
          <Alert
            type="error"
            showIcon
            title={texts.rejected(phase.errors.length)}
            style={{ marginBottom: 12 }}
            data-testid={`${testId}-rejected`}
          />
          <Table<TImportRowError>
            size="small"
            rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`}
            columns={columns}
            dataSource={phase.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid={`${testId}-errors`}
          />
        </>
      ) : reviewing ? (
        <>
          <Typography.Paragraph>{texts.ready}</Typography.Paragraph>
          {summary(phase.result)}
        </>
      ) : phase.step === 'applied' ? (
        <>
          {texts.applied ? <Alert type="success" showIcon title={texts.applied(phase.result)} style={{ marginBottom: 12 }} /> : null}
          {summary(phase.result)}
        </>
      ) : null}
    </Modal>
  );
}
