import { InboxOutlined } from '@ant-design/icons';
import { planLimits, type TPlanImportResult } from '@kechuang/contracts';
import { Alert, Button, Card, Col, Flex, Input, Progress, Row, Spin, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { importPlanFile, importPlanText } from './plan-api.ts';

const accepted = ['.docx', '.pdf', '.html', '.htm', '.txt'];

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; name: string; percent: number }
  | { step: 'parsing' }
  | { step: 'failed'; error: unknown };

/** Step 1 of the import: a file dropped or chosen, or the text pasted. Resolves with the server's draft. */
export function ImportInput({ onRecognised }: { onRecognised: (result: TPlanImportResult) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const busy = phase.step === 'uploading' || phase.step === 'parsing';

  const run = (work: Promise<TPlanImportResult>) => {
    work.then(onRecognised).catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') setPhase({ step: 'idle' });
      else setPhase({ step: 'failed', error });
    });
  };

  const upload = (file: File) => {
    setLocalError(null);
    const lower = file.name.toLowerCase();
    if (!accepted.some((ext) => lower.endsWith(ext))) {
      setLocalError(t('plan.importPage.badType', { name: file.name }));
      return;
    }
    // Checked here too, so a 30 MB file fails at once instead of after a long upload.
    if (file.size > planLimits.uploadBytes) {
      setLocalError(t('plan.importPage.tooLarge', { name: file.name }));
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ step: 'uploading', name: file.name, percent: 0 });
    run(
      importPlanFile(
        file,
        (fraction) => {
          if (fraction >= 1) setPhase({ step: 'parsing' });
          else setPhase({ step: 'uploading', name: file.name, percent: Math.round(fraction * 100) });
        },
        controller.signal,
      ),
    );
  };

  const recognise = () => {
    setLocalError(null);
    if (!text.trim()) {
      setLocalError(t('plan.importPage.pasteEmpty'));
      return;
    }
    setPhase({ step: 'parsing' });
    run(importPlanText(text));
  };

  return (
    <Card>
      {localError ? <Alert type="warning" showIcon title={localError} style={{ marginBottom: 16 }} closable /> : null}
      {phase.step === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t('plan.importPage.failed')}
          description={errorText(phase.error)}
          style={{ marginBottom: 16 }}
          data-testid="plan-import-error"
        />
      ) : null}
      {busy ? (
        <Flex vertical align="center" gap={16} style={{ padding: '64px 0' }} data-testid="plan-import-progress">
          {phase.step === 'uploading' ? (
            <>
              <Typography.Text>{t('plan.importPage.uploading', { name: phase.name })}</Typography.Text>
              <Progress percent={phase.percent} style={{ width: 360 }} />
              <Button onClick={() => abort.current?.abort()}>{t('common.actions.cancel')}</Button>
            </>
          ) : (
            <>
              <Spin size="large" />
              <Typography.Text strong>{t('plan.importPage.parsing')}</Typography.Text>
              <Typography.Text type="secondary">{t('plan.importPage.parsingHint')}</Typography.Text>
            </>
          )}
        </Flex>
      ) : (
        <Row gutter={24} align="stretch">
          <Col xs={24} lg={11}>
            <div data-testid="plan-upload" style={{ height: '100%' }}>
              <Upload.Dragger
                accept={accepted.join(',')}
                multiple={false}
                showUploadList={false}
                beforeUpload={(file) => {
                  upload(file);
                  return Upload.LIST_IGNORE;
                }}
                style={{ padding: '24px 16px' }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('plan.importPage.uploadTitle')}</p>
                <p className="ant-upload-hint">{t('plan.importPage.uploadHint')}</p>
              </Upload.Dragger>
            </div>
          </Col>
          <Col xs={24} lg={2}>
            <Flex align="center" justify="center" style={{ height: '100%', minHeight: 48 }}>
              <Typography.Text type="secondary">{t('plan.importPage.or')}</Typography.Text>
            </Flex>
          </Col>
          <Col xs={24} lg={11}>
            <Flex vertical gap={12}>
              <Typography.Text strong>{t('plan.importPage.pasteLabel')}</Typography.Text>
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('plan.importPage.pastePlaceholder')}
                autoSize={{ minRows: 8, maxRows: 16 }}
                maxLength={planLimits.textChars}
                data-testid="plan-paste"
              />
              <Flex justify="flex-end">
                <Button type="primary" onClick={recognise} data-testid="plan-recognise">
                  {t('plan.importPage.recognise')}
                </Button>
              </Flex>
            </Flex>
          </Col>
        </Row>
      )}
    </Card>
  );
}
