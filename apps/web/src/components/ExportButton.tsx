import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { downloadFile, type QueryValue } from '../lib/api.ts';
import { useErrorText } from '../lib/error-text.ts';

/** Downloads a file the server builds (an .xlsx of the list as filtered, a .docx notice), with a spinner while it comes. */
export function ExportButton(props: {
  path: string;
  fallbackName: string;
  query?: Record<string, QueryValue>;
  label: ReactNode;
  testId?: string;
  type?: 'default' | 'link' | 'primary';
}) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type={props.type ?? 'default'}
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={props.testId}
      onClick={() => {
        setBusy(true);
        downloadFile(props.path, props.fallbackName, props.query)
          .catch((e: unknown) => message.error(errorText(e)))
          .finally(() => setBusy(false));
      }}
    >
      {props.label}
    </Button>
  );
}
